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
 * @param baselines     the metrics of {@link org.benignlab.api.MetricNames#BASELINES} computed on the run's draws
 *                      ({@link LinearBaselines}; empty when none was asked for), in that order
 */
public record TrainingResult(RunStatus status, StopReason stopReason, long steps, Map<String, Double> finalMetrics,
                             long divergedAtStep, int noisyCount, String message, Map<String, Double> baselines) {

    /** A result without baselines. */
    public TrainingResult(RunStatus status, StopReason stopReason, long steps, Map<String, Double> finalMetrics,
                          long divergedAtStep, int noisyCount, String message) {
        this(status, stopReason, steps, finalMetrics, divergedAtStep, noisyCount, message, Map.of());
    }

    /** The same result with the baselines' metrics and, when not empty, {@code note} appended to the message. */
    public TrainingResult withBaselines(Map<String, Double> metrics, String note) {
        return new TrainingResult(status, stopReason, steps, finalMetrics, divergedAtStep, noisyCount,
                note == null || note.isEmpty() ? message : message + "; " + note, metrics);
    }

    public TrainingResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(finalMetrics, "finalMetrics");
        Objects.requireNonNull(message, "message");
        finalMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(finalMetrics));
        baselines = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(baselines, "baselines")));
    }
}
