package org.benignlab.experiments.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.benignlab.experiments.spec.InputException;

/**
 * The version of the seeding scheme a results folder was written under, recorded in manifest.json as
 * {@code seeding_scheme} (absent: scheme 1). Runs of two schemes have different numbers for the same
 * configuration, so a folder of another scheme is never resumed or merged into.
 * <ul>
 *   <li>1: every stream seeded from (root seed, run key, stream name): any change of the configuration changed
 *       every draw;</li>
 *   <li>2: common random numbers: each stream seeded from the configuration entries that determine its draws,
 *       drawn per index ({@code run.Seeds}).</li>
 * </ul>
 */
public final class SeedingScheme {
    /** The scheme this version writes. */
    public static final int CURRENT = 2;

    /** The manifest field. */
    public static final String FIELD = "seeding_scheme";

    private SeedingScheme() {
    }

    /** The scheme of a manifest (1 when it has no {@value #FIELD}). */
    public static int of(JsonNode manifest) {
        return manifest.path(FIELD).asInt(1);
    }

    /**
     * Refuses a results folder whose manifest was written under another scheme.
     *
     * @throws InputException naming the folder, both schemes and the way out
     */
    public static void check(JsonNode manifest, Path dir) {
        int scheme = of(manifest);
        if (scheme != CURRENT) {
            throw new InputException(dir + ": written under seeding scheme " + scheme + (scheme == 1
                    ? " (streams seeded from the run key)" : "") + ", and this version uses scheme " + CURRENT
                    + " (common random numbers), which gives other numbers; choose another folder with --out, "
                    + "or --force-new");
        }
    }
}
