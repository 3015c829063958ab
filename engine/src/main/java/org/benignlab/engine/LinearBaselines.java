package org.benignlab.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.benignlab.api.MetricNames;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The linear baselines of a run, on its own training set and test points (the same draws as the network), from
 * K = X X^T (n x n), the labels and the test points' projections X x alone. Every baseline is a linear classifier
 * w = Σ_i c_i x_i in the span of the training points, so its output on a test point is Σ_i c_i &lt;x_i, x&gt;:
 * <ul>
 *   <li>{@link Baseline#MAX_MARGIN}: c_i = α_i y_i with α the dual solution of {@link MaxMarginSolver}; also its
 *       geometric margin and number of support vectors. Unsolved (not separable through the origin, or the gap rule
 *       not met within the sweep cap): NaN metrics and a note.</li>
 *   <li>{@link Baseline#MIN_NORM}: c = K^{-1} y (EJML Cholesky), or c = K^+ y (EJML pseudo-inverse) when K is
 *       singular (p &lt; n): the minimum-norm least-squares solution through the origin; with K invertible it fits
 *       every training label exactly (K c = y).</li>
 *   <li>{@link Baseline#ONE_STEP}: c = y / n, the first gradient step from w = 0 of a linear model with any loss
 *       whose derivative at 0 is the same for every point (logistic: -ℓ'(0) = 1/2). Its clean error for isotropic
 *       Gaussian clusters N(0, I_p) and labels flipped independently of the points, in closed form (derivation in
 *       engine/README.md, "Baselines"):
 *       Φ(−(1−2η̂)||μ||² / sqrt((1−2η̂)²||μ||² + p/n)), η̂ = |N| / n, written only when those conditions hold.</li>
 * </ul>
 * Test errors are fractions of the test set with !(y f &gt; 0) (so f = 0 is an error, as for the network), against
 * the noisy and the clean test labels; NaN without test points. Cost: O(n³) for the solves plus testSize·n per
 * baseline; nothing in p.
 */
public final class LinearBaselines {
    private LinearBaselines() {
    }

    /**
     * Φ, made when a baseline first needs it: Commons Math's distribution classes (and FastMath's tables) take about
     * 13 ms to load in a fresh JVM, which every span and sketch run paid on its way out, baselines or not.
     */
    private static final class StandardNormal {
        static final NormalDistribution PHI = new NormalDistribution(null, 0, 1);
    }

    /**
     * The baselines' metrics and a note (empty when there is nothing to say).
     *
     * @param metrics the metrics of {@link MetricNames#BASELINES} that were computed, in that order
     * @param note    e.g. why the maximum-margin classifier is missing
     */
    public record Result(Map<String, Double> metrics, String note) {
    }

    /**
     * Computes the baselines {@code which}.
     *
     * @param k              K = X X^T, n x n (not modified)
     * @param train          the training labels (observed and clean) and flips
     * @param testK          X_test X^T, testSize x n (not modified)
     * @param test           the test labels (observed and clean)
     * @param p              the dimension
     * @param muNorm         ||μ|| (NaN when unknown)
     * @param gaussianRandom whether the clusters are isotropic Gaussian and the flips independent of the points (the
     *                       closed form of the one-step classifier holds)
     */
    public static Result compute(Set<Baseline> which, double[][] k, Dataset train, double[][] testK, Dataset test,
                                 long p, double muNorm, boolean gaussianRandom) {
        Map<String, Double> out = new LinkedHashMap<>();
        StringBuilder note = new StringBuilder();
        int n = train.size();
        double[] y = train.labels;
        for (Baseline b : Baseline.values()) {
            if (!which.contains(b)) {
                continue;
            }
            switch (b) {
                case MAX_MARGIN -> {
                    MaxMarginSolver.Solution s = MaxMarginSolver.solve(k, y);
                    double[] c = new double[n];
                    for (int i = 0; i < n; i++) {
                        c[i] = s.alpha()[i] * y[i];
                    }
                    double[] errors = s.solved() ? testErrors(c, testK, test) : new double[] {Double.NaN, Double.NaN};
                    out.put(MetricNames.MAX_MARGIN_TEST_ERROR, errors[0]);
                    out.put(MetricNames.MAX_MARGIN_TEST_ERROR_CLEAN, errors[1]);
                    out.put(MetricNames.MAX_MARGIN_MARGIN, s.solved() ? s.margin() : Double.NaN);
                    out.put(MetricNames.MAX_MARGIN_SUPPORT_VECTORS, s.solved() ? s.supportVectors() : Double.NaN);
                    if (!s.solved()) {
                        note.append(Double.isNaN(s.marginBound())
                                ? String.format(java.util.Locale.ROOT, "max-margin baseline not computed: relative "
                                        + "duality gap %s after %d sweeps", s.gap(), s.sweeps())
                                : String.format(java.util.Locale.ROOT, "max-margin baseline not computed: the "
                                        + "training set is not separable through the origin (no margin above %.3g)",
                                        s.marginBound()));
                    }
                }
                case MIN_NORM -> {
                    double[] errors = testErrors(minNormCoefficients(k, y), testK, test);
                    out.put(MetricNames.MIN_NORM_TEST_ERROR, errors[0]);
                    out.put(MetricNames.MIN_NORM_TEST_ERROR_CLEAN, errors[1]);
                }
                case ONE_STEP -> {
                    double[] c = new double[n];
                    for (int i = 0; i < n; i++) {
                        c[i] = y[i] / n;
                    }
                    double[] errors = testErrors(c, testK, test);
                    out.put(MetricNames.ONE_STEP_TEST_ERROR, errors[0]);
                    out.put(MetricNames.ONE_STEP_TEST_ERROR_CLEAN, errors[1]);
                    if (gaussianRandom && Double.isFinite(muNorm)) {
                        double theory = oneStepCleanError((double) train.noisyCount() / n, muNorm, p, n);
                        out.put(MetricNames.ONE_STEP_CLEAN_ERROR_THEORY, theory > 0 ? theory : Double.NaN);
                        if (!(theory > 0)) {
                            note.append(note.length() == 0 ? "" : "; ").append(String.format(java.util.Locale.ROOT,
                                    "one-step closed-form clean error below double precision: log10 = %.1f",
                                    log10OneStepCleanError((double) train.noisyCount() / n, muNorm, p, n)));
                        }
                    }
                }
                default -> throw new IllegalStateException("unknown baseline " + b);
            }
        }
        return new Result(out, note.toString());
    }

    /**
     * Φ(−(1−2η̂)||μ||² / sqrt((1−2η̂)²||μ||² + p/n)): the one-step classifier's clean error for isotropic Gaussian
     * clusters, to leading order (engine/README.md, "Baselines"). Computed as the upper tail Φ̄(t) = 1 − Φ(t) of
     * Commons Math's normal distribution, accurate down to about 1e-300.
     */
    public static double oneStepCleanError(double etaHat, double muNorm, long p, int n) {
        double s = (1 - 2 * etaHat);
        double mu2 = muNorm * muNorm;
        double t = s * mu2 / Math.sqrt(s * s * mu2 + (double) p / n);
        return t >= 0 ? StandardNormal.PHI.cumulativeProbability(-t) : 1 - StandardNormal.PHI.cumulativeProbability(t);
    }

    /**
     * log10 of {@link #oneStepCleanError} for a large argument t, from the Mills-ratio expansion
     * log Φ(−t) = −t²/2 − log(t sqrt(2π)) + log(1 − 1/t² + 3/t⁴) (relative error below 15/t⁶ in Φ).
     */
    static double log10OneStepCleanError(double etaHat, double muNorm, long p, int n) {
        double s = (1 - 2 * etaHat);
        double mu2 = muNorm * muNorm;
        double t = s * mu2 / Math.sqrt(s * s * mu2 + (double) p / n);
        double t2 = t * t;
        double ln = -t2 / 2 - Math.log(t * Math.sqrt(2 * Math.PI)) + Math.log1p(-1 / t2 + 3 / (t2 * t2));
        return ln / Math.log(10);
    }

    /** c = K^{-1} y by Cholesky, or K^+ y (pseudo-inverse) when K is not positive definite. */
    static double[] minNormCoefficients(double[][] k, double[] y) {
        int n = y.length;
        DMatrixRMaj a = new DMatrixRMaj(k);
        DMatrixRMaj b = new DMatrixRMaj(n, 1, true, y);
        DMatrixRMaj c = new DMatrixRMaj(n, 1);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
        if (!chol.setA(a.copy()) || !solve(chol, b, c)) {
            LinearSolverDense<DMatrixRMaj> pinv = LinearSolverFactory_DDRM.pseudoInverse(true);
            if (!pinv.setA(a.copy())) {
                double[] nan = new double[n];
                java.util.Arrays.fill(nan, Double.NaN);
                return nan;
            }
            pinv.solve(b, c);
        }
        return c.getData().clone();
    }

    private static boolean solve(LinearSolverDense<DMatrixRMaj> solver, DMatrixRMaj b, DMatrixRMaj c) {
        solver.solve(b, c);
        for (double v : c.getData()) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** {noisy, clean} test error of the classifier with coefficients c; NaN without test points or finite c. */
    static double[] testErrors(double[] c, double[][] testK, Dataset test) {
        int size = test.size();
        if (size == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int noisy = 0;
        int clean = 0;
        for (int r = 0; r < size; r++) {
            double[] row = testK[r];
            double f = 0.0;
            for (int i = 0; i < c.length; i++) {
                f += c[i] * row[i];
            }
            if (!(test.labels[r] * f > 0)) {
                noisy++;
            }
            if (!(test.cleanLabels[r] * f > 0)) {
                clean++;
            }
        }
        return new double[] {(double) noisy / size, (double) clean / size};
    }

    /** Whether the one-step closed form applies to these plugins on drawn data (see {@link #compute}). */
    static boolean gaussianRandom(Plugins plugins, TrainingSetup setup) {
        return !setup.dataGiven() && plugins.signal().paperModel() && plugins.cluster().properties().isotropicGaussian()
                && !plugins.noise().readsMargins() && !plugins.noise().needsFeatures();
    }

    /**
     * The engines' hook: {@code result} with the baselines of {@code setup} computed on K and the test projections
     * (nothing when none is asked for).
     */
    static TrainingResult attach(TrainingResult result, TrainingSetup setup, Plugins plugins, double[][] k,
                                 Dataset train, double[][] testK, Dataset test) {
        if (setup.baselines().isEmpty()) {
            return result;
        }
        Result r = compute(setup.baselines(), k, train, testK, test, setup.p(), setup.dataGiven() ? Double.NaN
                : setup.muNorm(), gaussianRandom(plugins, setup));
        return result.withBaselines(r.metrics(), r.note());
    }

    /** {@link #attach(TrainingResult, TrainingSetup, Plugins, double[][], Dataset, double[][], Dataset)} on a span
     * problem (span, sketch): its K and test projections, waited for when they are still being computed. */
    static TrainingResult attach(TrainingResult result, TrainingSetup setup, Plugins plugins, SpanProblem problem) {
        if (setup.baselines().isEmpty()) {
            return result;
        }
        if (problem.testProjections != null) {
            try {
                problem.testProjections.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the test projections", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("test projections failed: " + e.getCause(), e.getCause());
            }
        }
        return attach(result, setup, plugins, problem.k, problem.train, problem.testK, problem.test);
    }

    /**
     * X_test X^T for explicit points (the dense engine): entry (r, i) = Σ_k test_rk x_ik summed in increasing k, rows
     * of the test set split over {@code ops}' threads (the same bits for every thread count). testSize·n·p.
     *
     * @param test  test points, rows of length p (not modified)
     * @param train training points, rows of length p (not modified)
     */
    static double[][] projections(double[][] test, double[][] train, int p, ParallelNetworkOps ops) {
        double[][] out = new double[test.length][train.length];
        ops.forEachBlock(test.length, r -> {
            double[] t = test[r];
            double[] row = out[r];
            for (int i = 0; i < train.length; i++) {
                double[] x = train[i];
                double s = 0.0;
                for (int q = 0; q < p; q++) {
                    s += t[q] * x[q];
                }
                row[i] = s;
            }
        });
        return out;
    }

    /**
     * Doubles the baselines of {@code setup} hold beyond the engine's own arrays: Q and the solvers' matrices (about
     * 4·n²), plus, for explicit points ({@code computesProjections}: the dense engine), K and X_test X^T (n² +
     * testSize·n); 0 without baselines.
     */
    static long workDoubles(TrainingSetup setup, boolean computesProjections) {
        if (setup.baselines().isEmpty()) {
            return 0;
        }
        long n = setup.n();
        return 4 * n * n + (computesProjections ? n * n + (long) setup.testSize() * n : 0);
    }
}
