package org.benignlab.api;

import java.util.Locale;

/** How a run ended, as written in summary.json and runs.csv. */
public enum RunStatus {
    /** Training ran to one of its stopping rules. */
    COMPLETED,
    /** The loss or the weights became NaN or infinite; the step is recorded. */
    DIVERGED,
    /** An error while running (not bad input: that is refused before the run starts). */
    FAILED;

    /** The lower-case word used in result files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
