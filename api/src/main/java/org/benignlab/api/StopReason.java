package org.benignlab.api;

import java.util.Locale;

/** Which rule stopped training (summary.json {@code stop_reason}). */
public enum StopReason {
    /** {@code training.steps} steps were taken. */
    MAX_STEPS,
    /** The train loss reached {@code training.stop_loss}. */
    STOP_LOSS,
    /** {@code training.stop_at_interpolation} and the train error reached 0. */
    INTERPOLATION,
    /** NaN or infinity appeared. */
    DIVERGED,
    /** The train loss (above 0) reached no new minimum for the configured number of steps. */
    STALLED;

    /** The lower-case word used in result files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
