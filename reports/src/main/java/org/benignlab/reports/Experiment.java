package org.benignlab.reports;

import java.util.List;

/**
 * A results folder as read from manifest.json and the runs' summary.json files.
 *
 * @param name           the experiment name
 * @param hash           the experiment hash (may be null)
 * @param sweepPaths     the swept dotted paths in file order (empty for a single run)
 * @param repetitions    repetitions per configuration as declared (may be null)
 * @param runs           every run of the manifest, in manifest order
 * @param configurations the runs grouped by configuration key, by first appearance
 */
record Experiment(String name, String hash, List<String> sweepPaths, Integer repetitions, List<RunRecord> runs,
        List<Configuration> configurations) {
}
