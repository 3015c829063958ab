package org.benignlab.benchmarks;

import org.benignlab.api.MetricNames;
import org.benignlab.engine.MetricsSink;

/**
 * A sink that counts what it receives and notes when the first and last records arrived, so the time
 * spent in the step loop (first record at step 0 to the last record at the final step) can be separated
 * from the engine's setup (data generation, Gram matrices). Not thread-safe; one per run.
 */
final class TimingSink implements MetricsSink {
    private long firstNanos = -1;
    private long lastNanos = -1;
    private long records;
    private long lastStep = -1;
    private double lastTrainLoss = Double.NaN;
    private double lastTestError = Double.NaN;

    @Override
    public void record(long step, String metric, double value) {
        long now = System.nanoTime();
        if (firstNanos < 0) {
            firstNanos = now;
        }
        lastNanos = now;
        records++;
        lastStep = step;
        if (MetricNames.TRAIN_LOSS.equals(metric)) {
            lastTrainLoss = value;
        } else if (MetricNames.TEST_ERROR.equals(metric)) {
            lastTestError = value;
        }
    }

    /** System.nanoTime() of the first record, -1 if none. */
    long firstNanos() {
        return firstNanos;
    }

    /** System.nanoTime() of the last record, -1 if none. */
    long lastNanos() {
        return lastNanos;
    }

    /** Number of (step, metric) records received. */
    long records() {
        return records;
    }

    /** Step of the last record. */
    long lastStep() {
        return lastStep;
    }

    /** Train loss at the last recorded step. */
    double lastTrainLoss() {
        return lastTrainLoss;
    }

    /** Test error (noisy labels) at the last recorded step. */
    double lastTestError() {
        return lastTestError;
    }
}
