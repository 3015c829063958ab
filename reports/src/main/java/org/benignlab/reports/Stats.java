package org.benignlab.reports;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The statistics of the summary table. Every method reads its arguments only (not modified) and
 * sums in the order given, so the same input always gives the same bits.
 */
final class Stats {
    private Stats() {
    }

    /** A two-sided 95% confidence interval [low, high]. */
    record Interval(double low, double high) {
        double halfWidth() {
            return (high - low) / 2;
        }
    }

    /** z = Φ^-1(0.975) ≈ 1.959964. */
    static final double Z95 = standardNormal().inverseCumulativeProbability(0.975);

    /** The standard normal distribution (no random source: only its cdf and quantile are used). */
    static NormalDistribution standardNormal() {
        return new NormalDistribution(null, 0, 1);
    }

    /** Arithmetic mean (x_1 + ... + x_k) / k; NaN for no values. */
    static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    /** Sample standard deviation sqrt(Σ (x_i − mean)² / (k − 1)); null for fewer than two values. */
    static Double sampleSd(double[] xs) {
        if (xs.length < 2) {
            return null;
        }
        double mean = mean(xs);
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (xs.length - 1));
    }

    /**
     * Student t interval mean ± t_{0.975, k−1} · sd / √k; null for fewer than two values.
     */
    static Interval tInterval(double[] xs) {
        Double sd = sampleSd(xs);
        if (sd == null) {
            return null;
        }
        double t = new TDistribution(null, xs.length - 1.0).inverseCumulativeProbability(0.975);
        double mean = mean(xs);
        double h = t * sd / Math.sqrt(xs.length);
        return new Interval(mean - h, mean + h);
    }

    /**
     * Wilson score interval for a binomial proportion p̂ = k / N at z = {@link #Z95}:
     * (p̂ + z²/(2N) ± z · sqrt(p̂(1 − p̂)/N + z²/(4N²))) / (1 + z²/N), clipped to [0, 1] (exactly 0 at k = 0,
     * exactly 1 at k = N);
     * null for N = 0.
     */
    static Interval wilson(long successes, long trials) {
        if (trials <= 0) {
            return null;
        }
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes must be in [0, " + trials + "], got " + successes);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denom;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
        // at k = 0 and k = N the ends are exactly 0 and 1; rounding would leave them a hair inside
        double low = successes == 0 ? 0 : Math.max(0, centre - half);
        double high = successes == trials ? 1 : Math.min(1, centre + half);
        return new Interval(low, high);
    }
}
