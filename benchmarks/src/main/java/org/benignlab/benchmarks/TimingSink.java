package org.benignlab.benchmarks;

import org.benignlab.engine.MetricsSink;

/**
 * A sink that counts what it receives and notes when step 1 started and when the last record arrived, so the
 * time spent in the step loop (steps 1 to the final one, with its metrics) can be separated from the engine's
 * setup (data generation, Gram matrices) and step 0. (Not the first record: with two or more threads the span
 * engine's test projections may still be running at step 0, and the records of the steps before they are done
 * arrive later, together.) Not thread-safe; one per run.
 */
final class TimingSink implements MetricsSink {
    private long firstNanos = -1;
    private long lastNanos = -1;
    private long records;

    @Override
    public void step(long t) {
        if (t == 1) {
            firstNanos = System.nanoTime();
        }
    }

    @Override
    public void record(long step, String metric, double value) {
        long now = System.nanoTime();
        lastNanos = now;
        records++;
    }

    /** System.nanoTime() at the start of step 1, -1 if there was none. */
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
}
