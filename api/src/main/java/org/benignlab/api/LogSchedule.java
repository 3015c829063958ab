package org.benignlab.api;

import java.util.Arrays;

/**
 * The steps at which metrics are recorded: step 0, the steps round(10^(k / pointsPerDecade)) for
 * k = 0, 1, 2, ... that are at most {@code maxSteps} (duplicates merged, so every small step is
 * recorded early on: 1, 2, 3, ... for a dense schedule), and {@code maxSteps} itself. Rounding is
 * {@link Math#round(double)} of {@link Math#pow(double, double)}{@code (10, k / (double) pointsPerDecade)}.
 *
 * <p>Nothing is precomputed: {@link #contains} and {@link #next} cost a few calls of {@code pow}, whatever
 * {@code maxSteps} and {@code pointsPerDecade} are. Immutable and thread-safe.
 */
public final class LogSchedule {
    private final long maxSteps;
    private final int pointsPerDecade;

    /**
     * @param maxSteps        the last step, &gt;= 0 (always on the schedule)
     * @param pointsPerDecade k-values per factor of 10, &gt;= 1
     * @throws IllegalArgumentException if an argument is out of range
     */
    public LogSchedule(long maxSteps, int pointsPerDecade) {
        if (maxSteps < 0) {
            throw new IllegalArgumentException("LogSchedule.maxSteps: must be >= 0, got " + maxSteps);
        }
        if (pointsPerDecade < 1) {
            throw new IllegalArgumentException("LogSchedule.pointsPerDecade: must be >= 1, got " + pointsPerDecade);
        }
        this.maxSteps = maxSteps;
        this.pointsPerDecade = pointsPerDecade;
    }

    /** The last step. */
    public long maxSteps() {
        return maxSteps;
    }

    /** Density of the schedule. */
    public int pointsPerDecade() {
        return pointsPerDecade;
    }

    /** Whether metrics are recorded at {@code step}. */
    public boolean contains(long step) {
        if (step < 0 || step > maxSteps) {
            return false;
        }
        if (step == 0 || step == maxSteps) {
            return true;
        }
        // value(k) is non-decreasing in k; start just below the first k whose value can round to step.
        for (long k = startIndex(step - 0.5); ; k++) {
            long v = value(k);
            if (v == step) {
                return true;
            }
            if (v > step) {
                return false;
            }
        }
    }

    /** The smallest scheduled step greater than {@code step}, or -1 when there is none. */
    public long next(long step) {
        if (step < 0) {
            return 0;
        }
        if (step >= maxSteps) {
            return -1;
        }
        for (long k = startIndex(step + 0.5); ; k++) {
            long v = value(k);
            if (v > step) {
                return Math.min(v, maxSteps);
            }
        }
    }

    /** All scheduled steps in increasing order (about pointsPerDecade · log10(maxSteps) + 2 of them). */
    public long[] steps() {
        long[] out = new long[16];
        int size = 0;
        for (long s = 0; s >= 0; s = next(s)) {
            if (size == out.length) {
                out = Arrays.copyOf(out, size * 2);
            }
            out[size++] = s;
        }
        return Arrays.copyOf(out, size);
    }

    /** round(10^(k / pointsPerDecade)). */
    private long value(long k) {
        return Math.round(Math.pow(10.0, (double) k / pointsPerDecade));
    }

    /** A k (>= 0) with 10^(k / ppd) below {@code x}, at most two below the first k with 10^(k / ppd) >= x. */
    private long startIndex(double x) {
        if (x <= 1) {
            return 0;
        }
        return Math.max(0, (long) Math.floor(pointsPerDecade * Math.log10(x)) - 1);
    }

    @Override
    public String toString() {
        return "LogSchedule[maxSteps=" + maxSteps + ", pointsPerDecade=" + pointsPerDecade + "]";
    }
}
