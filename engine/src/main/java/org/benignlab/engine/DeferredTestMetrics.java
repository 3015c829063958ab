package org.benignlab.engine;

import java.util.ArrayDeque;
import java.util.Map;
import org.benignlab.api.MetricNames;

/**
 * Recorded steps whose test metrics wait for {@link TrainingLoop.Network#testReady()} (the span engine's test
 * projections still running in the background), oldest first: each keeps its metrics (NaN in the test places) and a
 * copy of its parameters, and is recorded, in step order, once its test metrics are computed on that copy. Not
 * thread-safe; one per run.
 */
final class DeferredTestMetrics {
    /** A recorded step whose test metrics are not computed yet: its metrics (NaN there) and its parameters. */
    private record Pending(long step, Map<String, Double> metrics, double[] params) {
    }

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final StepMetrics metrics;
    private final TrainingSetup setup;
    private final MetricsSink sink;

    DeferredTestMetrics(StepMetrics metrics, TrainingSetup setup, MetricsSink sink) {
        this.metrics = metrics;
        this.setup = setup;
        this.sink = sink;
    }

    /** Whether no step waits. */
    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Step {@code t} waits for its test metrics; {@code params} is its own copy of the parameters. */
    void defer(long t, Map<String, Double> stepMetrics, double[] params) {
        pending.add(new Pending(t, stepMetrics, params));
    }

    /** Records the metrics of step {@code t} now. */
    void emit(long t, Map<String, Double> stepMetrics) {
        for (Map.Entry<String, Double> e : stepMetrics.entrySet()) {
            sink.record(t, e.getKey(), e.getValue());
        }
    }

    /** Computes the waiting test metrics (on each step's copy of the parameters) and records those steps. */
    void flush() {
        while (!pending.isEmpty()) {
            Pending p = pending.poll();
            double[] testErrors = metrics.testErrors(p.params());
            p.metrics().put(MetricNames.TEST_ERROR, testErrors[0]);
            p.metrics().put(MetricNames.TEST_ERROR_CLEAN, testErrors[1]);
            if (setup.records(Diagnostics.MARGIN)) {
                p.metrics().put(MetricNames.NORMALIZED_MARGIN,
                        metrics.normalizedMargin(p.metrics().get(MetricNames.WEIGHT_NORM)));
            }
            emit(p.step(), p.metrics());
        }
    }
}
