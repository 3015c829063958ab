package org.benignlab.reports;

import java.util.List;
import java.util.Map;

/**
 * The repetitions of one configuration (same {@code config_key}), with the parameters the report
 * needs. Parameters come from the first finished run's summary.json {@code parameters} and, failing
 * that, from the resolved configuration in manifest.json; any may be null.
 *
 * @param index     0-based position by first appearance in the manifest (fixes the colour)
 * @param configKey the configuration key
 * @param runs      its runs in manifest order
 * @param swept     the value at each swept path
 * @param n         training points
 * @param p         dimension
 * @param m         width
 * @param mu        ‖μ‖
 * @param eta       noise rate η
 * @param steps     configured training steps
 * @param cluster   cluster type key (a label only: the theory overlays use {@code declared})
 * @param declared  what the plugins declared (the first finished run's record; {@link Declared#NONE} if none)
 */
record Configuration(int index, String configKey, List<RunRecord> runs, Map<String, SweptValue> swept, Double n,
        Double p, Double m, Double mu, Double eta, Double steps, String cluster, Declared declared) {

    /** A configuration without recorded declarations. */
    Configuration(int index, String configKey, List<RunRecord> runs, Map<String, SweptValue> swept, Double n,
            Double p, Double m, Double mu, Double eta, Double steps, String cluster) {
        this(index, configKey, runs, swept, n, p, m, mu, eta, steps, cluster, Declared.NONE);
    }

    /** "#3". */
    String id() {
        return "#" + (index + 1);
    }

    /** The swept values as "p=1e4, ‖μ‖=31.6" (or the empty string without a sweep). */
    String sweptLabel(List<String> paths) {
        StringBuilder sb = new StringBuilder();
        for (String path : paths) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            SweptValue v = swept.get(path);
            sb.append(Labels.symbol(path)).append('=').append(v == null ? "–" : v.display());
        }
        return sb.toString();
    }

    List<RunRecord> completedRuns() {
        return runs.stream().filter(RunRecord::completed).toList();
    }
}
