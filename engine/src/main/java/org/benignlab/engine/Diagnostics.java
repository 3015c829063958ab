package org.benignlab.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.benignlab.api.MetricNames;
import org.benignlab.api.RunOptions;

/**
 * The theory diagnostics an engine can record besides {@link MetricNames#ALL}, in groups that can be
 * switched on and off ({@link TrainingSetup#diagnostics()}); each is computed at the recorded steps only.
 * <pre>
 *   losses     train loss on clean / noisy points, max g_i/g_j overall, within clean, within noisy,
 *              log of the overall ratio, log of the train loss (log-sum-exp of the log ℓ_i)           O(n)
 *   margin     E[ỹ f(x; W)] / ||W||_F on the test set (uses the test outputs already computed)        O(test)
 *   change     ||W - W0||_F / ||W0||_F: free for span and sketch (tr(B K B^T)); dense keeps a copy of
 *              W0 (m·p more memory) and pays m·p per recorded step                                    O(m p) dense
 *   gradients  ||∇L̂||_F / Ĝ and max |cos| between per-sample gradients, from K = X X^T and
 *              a_k φ'(&lt;w_k, x_i&gt;): O(n² m) per recorded step; dense computes K once (n² p, n² memory)
 * </pre>
 *
 * <p><b>Numerics at the extremes.</b> Late in training g_i = -ℓ'(y_i f_i) is tiny (about the loss itself,
 * 1e-300 and below), so products g_i g_j underflow to 0 and ratios g_i / g_j overflow. The ratios and the
 * gradient norm are therefore computed from log g_i ({@link org.benignlab.api.Loss#logG}): the loss ratio
 * as exp(max log g − min log g), with its logarithm recorded too ({@link MetricNames#LOG_LOSS_RATIO}) since
 * the ratio itself may exceed double precision (e^5488); ‖∇L̂‖_F / Ĝ with every g_i divided by the largest
 * (g_i / g_max = exp(log g_i − log g_max) in [0, 1]), a factor that cancels between numerator and
 * denominator. The cosines between per-sample gradients do not involve g at all (g_i g_j cancels).
 */
public final class Diagnostics {
    private Diagnostics() {
    }

    public static final String LOSSES = RunOptions.LOSSES;
    public static final String MARGIN = RunOptions.MARGIN;
    public static final String CHANGE = RunOptions.CHANGE;
    public static final String GRADIENTS = RunOptions.GRADIENTS;

    /** Every group, in the order their metrics are written ({@link RunOptions#DIAGNOSTICS}). */
    public static final List<String> GROUPS = RunOptions.DIAGNOSTICS;

    /** The metrics of each group. */
    public static final Map<String, List<String>> METRICS = Map.of(
            LOSSES, List.of(MetricNames.TRAIN_LOSS_CLEAN, MetricNames.TRAIN_LOSS_NOISY, MetricNames.LOSS_RATIO,
                    MetricNames.LOSS_RATIO_CLEAN, MetricNames.LOSS_RATIO_NOISY, MetricNames.LOG_LOSS_RATIO,
                    MetricNames.LOG_TRAIN_LOSS),
            MARGIN, List.of(MetricNames.NORMALIZED_MARGIN),
            CHANGE, List.of(MetricNames.RELATIVE_CHANGE),
            GRADIENTS, List.of(MetricNames.GRADIENT_NORM_RATIO, MetricNames.GRADIENT_COSINE_MAX));

    /** Every group on. */
    public static Set<String> all() {
        return Set.copyOf(GROUPS);
    }

    /** The metric names recorded for these groups, in writing order. */
    public static List<String> metrics(Set<String> groups) {
        return GROUPS.stream().filter(groups::contains).flatMap(g -> METRICS.get(g).stream()).toList();
    }

    /**
     * log(max g_i / min g_j) over all points, over the clean points and over the noisy points:
     * max log g − min log g of each subset. NaN for an empty subset or a NaN log g; +∞ when some g is 0
     * (log g = −∞) and another is not.
     *
     * @param logG    log g_i per training point (not modified)
     * @param flipped whether point i's label was flipped (not modified)
     * @return {all, clean, noisy}
     */
    public static double[] logLossRatios(double[] logG, boolean[] flipped) {
        double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        boolean[] seen = new boolean[3];
        boolean nan = false;
        for (int i = 0; i < logG.length; i++) {
            double v = logG[i];
            nan |= Double.isNaN(v);
            int subset = flipped[i] ? 2 : 1;
            for (int k : new int[] {0, subset}) {
                seen[k] = true;
                min[k] = Math.min(min[k], v);
                max[k] = Math.max(max[k], v);
            }
        }
        double[] out = new double[3];
        for (int k = 0; k < 3; k++) {
            if (!seen[k] || nan || max[k] == Double.NEGATIVE_INFINITY) {
                out[k] = Double.NaN; // empty, NaN, or every g = 0 (0/0)
            } else {
                out[k] = max[k] == min[k] ? 0.0 : max[k] - min[k];
            }
        }
        return out;
    }

    /**
     * {‖∇L̂‖_F / Ĝ, max_{i≠j} |cos(∇ℓ_i, ∇ℓ_j)|} for ∇L̂ = (1/n) Σ ∇ℓ_i and Ĝ = (1/n) Σ g_i. With
     * D_ki = a_k φ'(⟨w_k, x_i⟩), S = DᵀD and K = X Xᵀ, the per-sample gradient ∇ℓ_i = −g_i y_i D_{·i} x_iᵀ
     * gives ⟨∇ℓ_i, ∇ℓ_j⟩ = g_i g_j y_i y_j S_ij K_ij. Every g_i enters as r_i = exp(log g_i − max log g), so
     * ‖∇L̂‖_F / Ĝ = sqrt(Σ_ij r_i r_j y_i y_j S_ij K_ij) / Σ_i r_i, finite whenever some g_i is positive,
     * however small. Summed in index order (i, then j ≥ i); O(n² m). The first entry is NaN when every g_i is
     * 0 or a log g is NaN; the second is NaN for n &lt; 2.
     *
     * @param logG   log g_i (not modified)
     * @param labels y_i in {−1, +1} (not modified)
     * @param d      D, m rows of length n (not modified)
     * @param k      K, n x n (not modified)
     */
    public static double[] gradientRatios(double[] logG, double[] labels, double[][] d, double[][] k) {
        int n = logG.length;
        int m = d.length;
        double top = Double.NEGATIVE_INFINITY;
        boolean nan = false;
        for (double v : logG) {
            nan |= Double.isNaN(v);
            top = Math.max(top, v);
        }
        double[] coef = new double[n];
        double rSum = 0.0;
        for (int i = 0; i < n; i++) {
            double r = Math.exp(logG[i] - top);
            coef[i] = r * labels[i];
            rSum += r;
        }
        double[] self = new double[n];
        for (int i = 0; i < n; i++) {
            double v = 0.0;
            for (int j = 0; j < m; j++) {
                v += d[j][i] * d[j][i];
            }
            self[i] = v * k[i][i];
        }
        double[] s = new double[n];
        double normSq = 0.0;
        double maxCos = n < 2 ? Double.NaN : 0.0;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(s, 0.0);
            for (int j = 0; j < m; j++) {
                double dji = d[j][i];
                double[] row = d[j];
                for (int l = i; l < n; l++) {
                    s[l] += dji * row[l];
                }
            }
            for (int l = i; l < n; l++) {
                double inner = s[l] * k[i][l];
                double term = coef[i] * coef[l] * inner;
                normSq += l == i ? term : 2 * term;
                if (l != i) {
                    double denom = Math.sqrt(self[i] * self[l]);
                    if (denom > 0) {
                        maxCos = Math.max(maxCos, Math.abs(inner) / denom);
                    }
                }
            }
        }
        double ratio = nan || top == Double.NEGATIVE_INFINITY || !(rSum > 0) ? Double.NaN
                : Math.sqrt(Math.max(0.0, normSq)) / rSum;
        return new double[] {ratio, maxCos};
    }

    /**
     * log((1/n) Σ e^{v_i}) of logs v_i, by log-sum-exp shifted by the largest, so it is finite where the mean itself
     * under- or overflows: −∞ only when every term is 0 (every v_i = −∞), +∞ when a term is, NaN when a v_i is NaN.
     *
     * @param logs the v_i, n &gt;= 1 (not modified)
     */
    static double logMean(double[] logs) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logs) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            max = Math.max(max, v);
        }
        if (Double.isInfinite(max)) {
            return max;
        }
        double sum = 0.0;
        for (double v : logs) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum) - Math.log(logs.length);
    }
}
