package org.benignlab.reports;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.distribution.BetaDistribution;

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

    /** The values of a list as an array, in the list's order (not modified). */
    static double[] values(java.util.List<Double> xs) {
        double[] out = new double[xs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = xs.get(i);
        }
        return out;
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

    /**
     * A 95% interval over repetitions for a rate in (0, 1): the Student t interval of the per-repetition
     * values on the logit scale, log(x / (1 − x)), mapped back with the logistic function. Each value is
     * first clamped to [c, 1 − c] with c = 1 / (2 · trials), the usual continuity correction for an
     * observed rate of 0 or 1 out of {@code trials} test points (the logit of 0 is −∞). The repetitions
     * are the independent units; each value carries its own test-sample noise, so nothing is pooled.
     * Null for fewer than two values.
     *
     * @param rates  per-repetition rates in [0, 1] (not modified)
     * @param trials test points behind each rate (≥ 1)
     */
    static Interval logitTInterval(double[] rates, long trials) {
        if (rates.length < 2) {
            return null;
        }
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1, got " + trials);
        }
        double c = 1.0 / (2.0 * trials);
        double[] logits = new double[rates.length];
        for (int i = 0; i < rates.length; i++) {
            double r = Math.min(1 - c, Math.max(c, rates[i]));
            logits[i] = Math.log(r / (1 - r));
        }
        Interval t = tInterval(logits);
        return new Interval(logistic(t.low()), logistic(t.high()));
    }

    /** The logistic function 1 / (1 + e^−x), evaluated without overflow for either sign of x. */
    static double logistic(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /**
     * Holm's step-down adjustment of p-values for a family of tests: sorted ascending, the i-th smallest
     * (i from 0) becomes max over j ≤ i of min(1, (k − j) · p_(j)); a hypothesis is rejected at level α
     * when its adjusted p-value is ≤ α. Controls the family-wise error rate under any dependence.
     *
     * @param p p-values in [0, 1] (not modified)
     * @return adjusted p-values in the order given
     */
    static double[] holm(double[] p) {
        int k = p.length;
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("p-values must be in [0, 1], got " + p[i] + " at " + i);
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).thenComparingInt(i -> i));
        double[] adjusted = new double[k];
        double running = 0;
        for (int j = 0; j < k; j++) {
            running = Math.max(running, Math.min(1, (k - j) * p[order[j]]));
            adjusted[order[j]] = running;
        }
        return adjusted;
    }

    /**
     * One-sided p-value of a one-sample t test of H0: mean ≤ mu0 against mean > mu0, from the values'
     * mean, sample standard deviation and count k (t = (mean − mu0) / (sd / √k), k − 1 degrees of freedom).
     * For sd = 0 the p-value is 0 when mean > mu0 and 1 otherwise. Null for fewer than two values.
     *
     * @param xs  the values (not modified)
     * @param mu0 the null mean
     */
    static Double tTestGreater(double[] xs, double mu0) {
        Double sd = sampleSd(xs);
        if (sd == null) {
            return null;
        }
        double mean = mean(xs);
        if (sd == 0) {
            return mean > mu0 ? 0.0 : 1.0;
        }
        double t = (mean - mu0) / (sd / Math.sqrt(xs.length));
        return 1 - new TDistribution(null, xs.length - 1.0).cumulativeProbability(t);
    }

    /**
     * Clopper-Pearson ("exact") 95% interval for a binomial proportion k / N: the 0.025 quantile of
     * Beta(k, N − k + 1) and the 0.975 quantile of Beta(k + 1, N − k), with the low end 0 at k = 0 and the
     * high end 1 at k = N (Commons Math's ClopperPearsonInterval rejects those two cases). Null for N = 0.
     */
    static Interval clopperPearson(int successes, int trials) {
        if (trials <= 0) {
            return null;
        }
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes must be in [0, " + trials + "], got " + successes);
        }
        double low = successes == 0 ? 0
                : new BetaDistribution(null, successes, trials - successes + 1.0).inverseCumulativeProbability(0.025);
        double high = successes == trials ? 1
                : new BetaDistribution(null, successes + 1.0, trials - successes).inverseCumulativeProbability(0.975);
        return new Interval(low, high);
    }
}
