package org.benignlab.reports;

import java.util.Map;
import org.benignlab.api.RunStatus;

/**
 * A finished run's summary.json. Every number may be null (absent, null, or NaN in the file for the
 * metrics); strings may be null when absent.
 *
 * @param status         how the run ended
 * @param stopReason     the stopping rule's key
 * @param steps          steps taken
 * @param divergedAtStep the step at which NaN or infinity appeared (diverged runs)
 * @param metrics        the final value of each of {@link org.benignlab.api.MetricNames#ALL} (null values allowed)
 * @param noiseRate      the configured noise rate η
 * @param noisyCount     how many training labels were flipped
 * @param nTest          number of test points
 * @param cluster        the cluster distribution's type key
 * @param engine         the engine that ran
 * @param engineReason   why that engine
 * @param seconds        wall-clock seconds
 * @param message        free text (errors of failed runs)
 * @param parameters     n, p, m, mu, eta, gamma, H, step, seed as far as present
 * @param declared       what the plugins declared ({@link Declared#NONE} when not recorded)
 */
record RunSummary(RunStatus status, String stopReason, Double steps, Double divergedAtStep, Map<String, Double> metrics,
        Double noiseRate, Double noisyCount, Double nTest, String cluster, String engine, String engineReason,
        Double seconds, String message, Map<String, Double> parameters, Declared declared) {

    /** A summary without recorded declarations. */
    RunSummary(RunStatus status, String stopReason, Double steps, Double divergedAtStep, Map<String, Double> metrics,
            Double noiseRate, Double noisyCount, Double nTest, String cluster, String engine, String engineReason,
            Double seconds, String message, Map<String, Double> parameters) {
        this(status, stopReason, steps, divergedAtStep, metrics, noiseRate, noisyCount, nTest, cluster, engine,
                engineReason, seconds, message, parameters, Declared.NONE);
    }

    /** The final value of a metric, or null. */
    Double metric(String name) {
        return metrics.get(name);
    }
}
