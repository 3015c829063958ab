package org.benignlab.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.benignlab.api.RunStatus;
import org.benignlab.api.StopReason;

/**
 * How a run ended.
 *
 * @param status        {@link RunStatus#COMPLETED} or {@link RunStatus#DIVERGED} (FAILED is set by callers)
 * @param stopReason    the rule that stopped training
 * @param steps         number of updates performed (the step index t at which training stopped)
 * @param finalMetrics  every {@link org.benignlab.api.MetricNames#ALL} entry at the final W, in that order
 *                      (copied into an unmodifiable map that keeps the order)
 * @param divergedAtStep the step at which NaN or infinity appeared, -1 if none
 * @param noisyCount    |N|, the number of flipped labels in the training set
 * @param message       human-readable account of the stop, e.g. why the run diverged
 */
public record TrainingResult(RunStatus status, StopReason stopReason, long steps, Map<String, Double> finalMetrics,
                             long divergedAtStep, int noisyCount, String message) {
    public TrainingResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(finalMetrics, "finalMetrics");
        Objects.requireNonNull(message, "message");
        finalMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(finalMetrics));
    }
}
