package org.benignlab.engine;

/**
 * Receives the trajectory of a run. The engine calls it at each recorded step, in increasing step
 * order, once for each name of {@link org.benignlab.api.MetricNames#ALL} in that order (less ||W||_2 and the
 * stable rank when {@link TrainingSetup#spectralNorm()} is off), then the diagnostics asked for. Values may be
 * NaN (an error rate over an empty set, or a diverged run) or infinite (a diverged run).
 */
@FunctionalInterface
public interface MetricsSink {

    /** One value of one metric at one step. */
    void record(long step, String metric, double value);

    /**
     * Called at the start of every step t (0, 1, 2, ...), recorded or not, for progress displays;
     * must be cheap. Does nothing by default.
     */
    default void step(long t) {
    }

    /** A sink that drops everything. */
    static MetricsSink discard() {
        return (step, metric, value) -> {
        };
    }
}
