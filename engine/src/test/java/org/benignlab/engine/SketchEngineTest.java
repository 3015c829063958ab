package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.benignlab.activations.impl.SmoothedLeakyRelu;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.MetricNames;
import org.benignlab.api.Optimizer;
import org.benignlab.api.RunStatus;
import org.benignlab.api.StopReason;
import org.benignlab.distributions.impl.IsotropicGaussian;
import org.benignlab.distributions.impl.Rademacher;
import org.benignlab.distributions.impl.RandomFlip;
import org.benignlab.optimizers.impl.GradientDescent;
import org.benignlab.optimizers.impl.LogisticLoss;
import org.benignlab.optimizers.impl.Momentum;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The Gaussian sketch: its documented draw order, the structure of its Gram matrix, and agreement in
 * distribution with explicit sampling ({@link SpanEngine#prepare}) and with the known moments.
 *
 * <p><b>Failure budget.</b> Every statistical assertion has a pinned seed, so the suite is deterministic;
 * the levels below say how likely a correct implementation is to fail for a seed chosen at random.
 * <ul>
 *   <li>{@link #sketchAndExplicitSamplingAgreeInDistribution}: 10 two-sample Kolmogorov-Smirnov tests at
 *       α = 1e-3 each (1e-2) and 40 moment checks at 4 standard errors (two-sided 6.3e-5 each, 2.5e-3);</li>
 *   <li>{@link #finalTestErrorAgreesWithExplicitSampling}: 2 two-sample z-tests at α = 1e-3 (2e-3);</li>
 *   <li>{@link #testPointsHaveCovarianceSigmaStar}: 21 covariance and 6 mean entries at 5 standard errors
 *       (5.7e-7 each, 2e-5).</li>
 * </ul>
 * Total: about 1.5e-2 for the class.
 */
class SketchEngineTest {
    private static final SmoothedLeakyRelu PHI = new SmoothedLeakyRelu(0.1, 1.0);

    private static Plugins plugins(LabelNoise noise, Optimizer optimizer) {
        return new Plugins(PHI, new IsotropicGaussian(), noise, new LogisticLoss(), optimizer);
    }

    // ------------------------------------------------------------------------------------------------
    // Exact properties

    /** Replays the documented draw order stream by stream and finds the same numbers, bit for bit. */
    @Test
    void drawOrderIsAsDocumented() {
        int n = 4;
        int m = 3;
        int nn = n + m;
        int p = 30;
        double mu = 1.7;
        double omega = 0.4;
        TrainingSetup s = new TrainingSetup(n, p, m, mu, 5, omega, 0, 0, false, 1);
        RandomStreams used = Fixture.streams(9);
        SketchEngine.Draw d = SketchEngine.sample(s, plugins(new TestPlugins.GeneratorFlips(0.3),
                new GradientDescent(0.1)), used);
        SpanProblem pr = d.problem();

        RandomStreams st = Fixture.streams(9);
        UniformRandomProvider data = st.data().generator();
        double[] clean = new double[n];
        for (int i = 0; i < n; i++) {
            clean[i] = data.nextBoolean() ? 1 : -1;
        }
        assertArrayEquals(clean, pr.train.cleanLabels(), 0.0);
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(data);
        for (int k = 0; k < nn; k++) {
            assertEquals(g.sample(), d.c()[k], 0.0, "c_" + k);
        }
        for (int k = 0; k < nn; k++) {
            for (int q = 0; q < k; q++) {
                assertEquals(g.sample(), d.l()[k][q], 0.0, "L_" + k + q);
            }
            double chi2 = AhrensDieterMarsagliaTsangGammaSampler.of(data, (p - 1 - k) / 2.0, 2.0).sample();
            assertEquals(Math.sqrt(chi2), d.l()[k][k], 0.0, "L_" + k + k);
        }

        // the training formulas
        double[][] gm = d.g();
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double expected = gm[i][j] + clean[j] * (mu * d.c()[i]) + clean[i] * (mu * d.c()[j])
                        + clean[i] * clean[j] * mu * mu;
                assertEquals(expected, pr.k[i][j], 0.0);
                assertEquals(pr.k[i][j], pr.k[j][i], 0.0);
            }
            for (int j = 0; j < m; j++) {
                assertEquals(omega * gm[i][n + j] + clean[i] * (omega * mu * d.c()[n + j]), pr.z0[i][j], 0.0);
            }
            assertEquals(mu * d.c()[i] + clean[i] * mu * mu, pr.train.meanProjections()[i], 0.0);
        }
        double w0sq = 0;
        for (int j = 0; j < m; j++) {
            w0sq += omega * omega * gm[n + j][n + j];
        }
        assertEquals(w0sq, pr.w0NormSq, 1e-14 * w0sq);

        // noise stream (one nextDouble per point), then signs
        UniformRandomProvider noise = st.noise().generator(); // the test plugin draws from the model's generator
        for (int i = 0; i < n; i++) {
            assertEquals(noise.nextDouble() < 0.3, pr.train.flipped()[i]);
        }
        assertArrayEquals(SecondLayer.paper(m).draw(m, st.signs().generator()), pr.a, 0.0);

        // test stream: label, then u_0..u_N, per point
        UniformRandomProvider test = st.test().generator();
        NormalizedGaussianSampler tg = ZigguratSampler.NormalizedGaussian.of(test);
        for (int t = 0; t < 5; t++) {
            double y = test.nextBoolean() ? 1 : -1;
            double[] u = new double[nn + 1];
            for (int k = 0; k <= nn; k++) {
                u[k] = tg.sample();
            }
            assertEquals(y, pr.test.cleanLabels()[t], 0.0);
            assertEquals(mu * u[0] + y * mu * mu, pr.test.meanProjections()[t], 0.0);
            // [[1, 0], [c, L]] u: point by point in this order on the Java kernels (bit for bit); as one product
            // per block of points on the native BLAS, whose summation order differs (to rounding: 1e-14 of the
            // sum of the absolute terms, far below what a draw out of order would change)
            for (int i = 0; i < n; i++) {
                double r = d.c()[i] * u[0];
                double size = Math.abs(r);
                for (int q = 0; q <= i; q++) {
                    r += d.l()[i][q] * u[1 + q];
                    size += Math.abs(d.l()[i][q] * u[1 + q]);
                }
                double expected = r + clean[i] * mu * u[0] + y * (mu * d.c()[i]) + y * clean[i] * mu * mu;
                assertEquals(expected, pr.testK[t][i], NativeBlas.available() ? 1e-14 * size : 0.0,
                        "test point " + t + ", <x, x_" + i + ">");
            }
            for (int j = 0; j < m; j++) {
                double r = d.c()[n + j] * u[0];
                double size = Math.abs(r);
                for (int q = 0; q <= n + j; q++) {
                    r += d.l()[n + j][q] * u[1 + q];
                    size += Math.abs(d.l()[n + j][q] * u[1 + q]);
                }
                assertEquals(omega * r + y * (omega * mu * d.c()[n + j]), pr.testW0[t][j],
                        NativeBlas.available() ? 1e-14 * omega * size : 0.0, "test point " + t + ", <x, w_" + j + ">");
            }
        }
    }

    /** G = c c^T + L L^T is exactly symmetric and positive definite, even at p - 1 = n + m. */
    @Test
    void gramMatrixIsSymmetricPositiveDefinite() {
        qt().withFixedSeed(4242L).withExamples(60)
                .forAll(integers().between(1, 8), integers().between(1, 8), integers().between(0, 40),
                        longs().between(1, 1_000_000))
                .checkAssert((n, m, extra, seed) -> {
                    int p = n + m + 1 + extra;
                    TrainingSetup s = new TrainingSetup(n, p, m, 1.0, 0, 1.0, 0, 0, false, 1);
                    SketchEngine.Draw d = SketchEngine.sample(s, plugins(new RandomFlip(0.1),
                            new GradientDescent(0.1)), Fixture.streams(seed));
                    double[][] g = d.g();
                    for (int k = 0; k < g.length; k++) {
                        assertTrue(d.l()[k][k] > 0, "Bartlett diagonal");
                        for (int j = 0; j < g.length; j++) {
                            assertEquals(g[k][j], g[j][k], 0.0);
                        }
                    }
                    CholeskyDecompositionInner_DDRM chol = new CholeskyDecompositionInner_DDRM(true);
                    assertTrue(chol.decompose(new DMatrixRMaj(g)), "G is positive definite");
                });
    }

    /** With p = 10^9 the χ² draws have 10^9 degrees of freedom: G_kk / p is 1 within a few sqrt(2/p). */
    @Test
    void hugeDegreesOfFreedomAreSampledCorrectly() {
        int p = 1_000_000_000;
        TrainingSetup s = new TrainingSetup(10, p, 10, 0.0, 0, 1.0, 0, 0, false, 1);
        SketchEngine.Draw d = SketchEngine.sample(s, plugins(new RandomFlip(0.1),
                new GradientDescent(0.1)), Fixture.streams(3));
        for (int k = 0; k < 20; k++) {
            // sd of G_kk / p is sqrt(2 / p) = 4.5e-5; 1e-3 is 22 sd
            assertEquals(1.0, d.g()[k][k] / p, 1e-3);
            for (int j = 0; j < k; j++) {
                assertEquals(0.0, d.g()[k][j] / p, 1e-3); // sd 1 / sqrt(p) = 3.2e-5
            }
        }
    }

    /** Σ* with z_1 first has the Cholesky factor [[1, 0], [c, L]]: EJML finds the same factor. */
    @Test
    void choleskyFactorOfSigmaStarIsTheDrawnFactor() {
        TrainingSetup s = new TrainingSetup(3, 20, 2, 1.0, 0, 1.0, 0, 0, false, 1);
        SketchEngine.Draw d = SketchEngine.sample(s, plugins(new RandomFlip(0.1),
                new GradientDescent(0.1)), Fixture.streams(31));
        double[][] sigma = sigmaStar(d);
        CholeskyDecompositionInner_DDRM chol = new CholeskyDecompositionInner_DDRM(true);
        assertTrue(chol.decompose(new DMatrixRMaj(sigma)));
        DMatrixRMaj factor = chol.getT(null);
        int nn = d.c().length;
        for (int r = 0; r <= nn; r++) {
            for (int q = 0; q <= nn; q++) {
                double expected = r == 0 ? (q == 0 ? 1 : 0) : q == 0 ? d.c()[r - 1] : q <= r ? d.l()[r - 1][q - 1] : 0;
                assertEquals(expected, factor.get(r, q), 1e-12 * 20, "factor entry " + r + ", " + q);
            }
        }
    }

    /** Empirical covariance of 200 000 test coordinates equals Σ* entry by entry (5 standard errors). */
    @Test
    void testPointsHaveCovarianceSigmaStar() {
        TrainingSetup s = new TrainingSetup(3, 12, 2, 1.0, 0, 1.0, 0, 0, false, 1);
        SketchEngine.Draw d = SketchEngine.sample(s, plugins(new RandomFlip(0.1),
                new GradientDescent(0.1)), Fixture.streams(57));
        double[][] sigma = sigmaStar(d);
        int dim = sigma.length;
        int draws = 200_000;
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(
                RandomSource.XO_RO_SHI_RO_128_PP.create(20220211L));
        double[] sum = new double[dim];
        double[][] prod = new double[dim][dim];
        double[] v = new double[dim];
        for (int t = 0; t < draws; t++) {
            SketchEngine.testCoordinates(d.c(), d.l(), g, v);
            for (int a = 0; a < dim; a++) {
                sum[a] += v[a];
                for (int b = 0; b <= a; b++) {
                    prod[a][b] += v[a] * v[b];
                }
            }
        }
        for (int a = 0; a < dim; a++) {
            assertEquals(0.0, sum[a] / draws, 5 * Math.sqrt(sigma[a][a] / draws), "mean " + a);
            for (int b = 0; b <= a; b++) {
                double se = Math.sqrt((sigma[a][a] * sigma[b][b] + sigma[a][b] * sigma[a][b]) / draws);
                assertEquals(sigma[a][b], prod[a][b] / draws, 5 * se, "covariance " + a + ", " + b);
            }
        }
    }

    /** [[1, c^T], [c, G]]: the covariance of (z_1, r_1..r_N), i.e. MODEL.md's Σ* with z_1 first. */
    private static double[][] sigmaStar(SketchEngine.Draw d) {
        int nn = d.c().length;
        double[][] sigma = new double[nn + 1][nn + 1];
        sigma[0][0] = 1;
        for (int k = 0; k < nn; k++) {
            sigma[0][k + 1] = d.c()[k];
            sigma[k + 1][0] = d.c()[k];
            System.arraycopy(d.g()[k], 0, sigma[k + 1], 1, nn);
        }
        return sigma;
    }

    // ------------------------------------------------------------------------------------------------
    // In distribution against explicit sampling and the known moments

    /** One statistic of one draw, sketch and explicit side by side. */
    private static final class Samples {
        final String name;
        final List<Double> sketch = new ArrayList<>();
        final List<Double> explicit = new ArrayList<>();
        /** (value - mean) / sd with the exact moments, per draw. */
        final List<Double> sketchZ = new ArrayList<>();
        final List<Double> explicitZ = new ArrayList<>();

        Samples(String name) {
            this.name = name;
        }

        void add(boolean isSketch, double value, double mean, double variance) {
            (isSketch ? sketch : explicit).add(value);
            (isSketch ? sketchZ : explicitZ).add((value - mean) / Math.sqrt(variance));
        }
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * 1000 small instances each way (n = 5, m = 3, p = 20, 40, 60, 80 in turn, ||μ|| = 4, ω = 0.5; the
     * ||μ|| terms are then a large part of each variance, so a wrong label term shows): the
     * entries K_00, K_01 (same and different clean labels separately), Z0_00, &lt;x_0, μ&gt;, G0_00, G0_01,
     * &lt;x, x_0&gt;, &lt;x, w_0&gt; and &lt;x, μ&gt; of a test point have the same distribution under the sketch and under
     * explicit sampling (two-sample Kolmogorov-Smirnov, α = 1e-3 each), and their standardised values
     * (exact means and variances below) have mean 0 and variance 1 within 4 standard errors.
     */
    private static final int DRAWS = 1000;

    @Test
    void sketchAndExplicitSamplingAgreeInDistribution() {
        int n = 5;
        int m = 3;
        double mu = 4.0;
        double omega = 0.5;
        double mu2 = mu * mu;
        double w2 = omega * omega;
        Samples kDiag = new Samples("K_00");
        Samples kSame = new Samples("K_01, same labels");
        Samples kDiff = new Samples("K_01, different labels");
        Samples z0 = new Samples("Z0_00");
        Samples proj = new Samples("<x_0, mu>");
        Samples g0Diag = new Samples("G0_00");
        Samples g0Off = new Samples("G0_01");
        Samples testK = new Samples("<x, x_0>");
        Samples testW = new Samples("<x, w_0>");
        Samples testProj = new Samples("<x, mu>");
        Plugins pl = plugins(new RandomFlip(0.1), new GradientDescent(0.1));
        try (ParallelNetworkOps ops = new ParallelNetworkOps(1)) {
            for (int draw = 0; draw < DRAWS; draw++) {
                int p = 20 + 20 * (draw % 4);
                TrainingSetup s = new TrainingSetup(n, p, m, mu, 1, omega, 0, 0, false, 1);
                for (boolean sketch : new boolean[] {true, false}) {
                    // streams seed..seed+4: 10 apart, and the two samplers in disjoint ranges, so all independent
                    RandomStreams st = Fixture.streams((sketch ? 1_000L : 10_000_000L) + 10L * draw);
                    SpanProblem d = sketch ? SketchEngine.sample(s, pl, st).problem()
                            : SpanEngine.prepare(s, pl, st, Products.preferred(), ops);
                    double[] y = d.train.cleanLabels();
                    double yt = d.test.cleanLabels()[0];
                    kDiag.add(sketch, d.k[0][0], p + mu2, 2.0 * p + 4 * mu2);
                    (y[0] == y[1] ? kSame : kDiff).add(sketch, d.k[0][1], y[0] * y[1] * mu2, p + 2 * mu2);
                    z0.add(sketch, d.z0[0][0], 0, w2 * (p + mu2));
                    proj.add(sketch, d.train.meanProjections()[0], y[0] * mu2, mu2);
                    g0Diag.add(sketch, d.g0[0][0], w2 * p, 2 * w2 * w2 * p);
                    g0Off.add(sketch, d.g0[0][1], 0, w2 * w2 * p);
                    testK.add(sketch, d.testK[0][0], yt * y[0] * mu2, p + 2 * mu2);
                    testW.add(sketch, d.testW0[0][0], 0, w2 * (p + mu2));
                    testProj.add(sketch, d.test.meanProjections()[0], yt * mu2, mu2);
                }
            }
        }
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        List<String> failures = new ArrayList<>();
        for (Samples x : List.of(kDiag, kSame, kDiff, z0, proj, g0Diag, g0Off, testK, testW, testProj)) {
            double pValue = ks.kolmogorovSmirnovTest(array(x.sketch), array(x.explicit));
            if (pValue < 1e-3) {
                failures.add(String.format(Locale.ROOT, "%s: KS p-value %.2e", x.name, pValue));
            }
            for (List<Double> z : List.of(x.sketchZ, x.explicitZ)) {
                double[] values = array(z);
                double mean = new Mean().evaluate(values);
                double variance = new Variance().evaluate(values);
                double se = 1 / Math.sqrt(values.length);
                // the standardised values are close to normal (excess kurtosis <= 12 / p <= 0.6)
                double seVar = Math.sqrt(2.6 / values.length);
                if (Math.abs(mean) > 4 * se || Math.abs(variance - 1) > 4 * seVar) {
                    failures.add(String.format(Locale.ROOT, "%s (%s): standardised mean %.3f, variance %.3f", x.name,
                            z == x.sketchZ ? "sketch" : "explicit", mean, variance));
                }
            }
        }
        assertTrue(kSame.sketch.size() > DRAWS / 4 && kDiff.sketch.size() > DRAWS / 4, "both label cases occur");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * Final test error and train loss after 20 steps of gradient descent, 200 instances each way (n = 5,
     * m = 3, p = 100, 150, 200 in turn, ||μ|| = 2.5, 200 test points, 10% random flips): the means agree
     * within 3.29 standard errors of their difference (two-sided α = 1e-3 each).
     */
    @Test
    void finalTestErrorAgreesWithExplicitSampling() {
        int runs = 200;
        double[][] testError = new double[2][runs];
        double[][] trainLoss = new double[2][runs];
        for (int run = 0; run < runs; run++) {
            int p = 100 + 50 * (run % 3);
            TrainingSetup s = new TrainingSetup(5, p, 3, 2.5, 200, 0.01, 20, 0, false, 1);
            Plugins pl = plugins(new RandomFlip(0.1), new GradientDescent(1.0 / p));
            TrainingResult sk = new SketchEngine(1).train(s, pl, Fixture.streams(5_000L + 10L * run),
                    MetricsSink.discard());
            TrainingResult ex = new SpanEngine(1).train(s, pl, Fixture.streams(50_000_000L + 10L * run),
                    MetricsSink.discard());
            for (TrainingResult r : List.of(sk, ex)) {
                assertEquals(StopReason.MAX_STEPS, r.stopReason());
            }
            testError[0][run] = sk.finalMetrics().get(MetricNames.TEST_ERROR);
            testError[1][run] = ex.finalMetrics().get(MetricNames.TEST_ERROR);
            trainLoss[0][run] = sk.finalMetrics().get(MetricNames.TRAIN_LOSS);
            trainLoss[1][run] = ex.finalMetrics().get(MetricNames.TRAIN_LOSS);
        }
        for (double[][] values : List.of(testError, trainLoss)) {
            double ms = new Mean().evaluate(values[0]);
            double me = new Mean().evaluate(values[1]);
            double se = Math.sqrt((new Variance().evaluate(values[0]) + new Variance().evaluate(values[1])) / runs);
            String what = String.format(Locale.ROOT, "%s: sketch mean %.4f, explicit mean %.4f, se %.4f",
                    values == testError ? "test error" : "train loss", ms, me, se);
            assertTrue(se > 0, what);
            assertTrue(Math.abs(ms - me) <= 3.29 * se, what);
        }
        double mean = new Mean().evaluate(testError[0]);
        assertTrue(mean > 0.1 && mean < 0.5, "a non-trivial test error: " + mean);
    }

    // ------------------------------------------------------------------------------------------------
    // Training

    /** Independent of p: p = 10^9 allocates what p = 10^3 does (a single p-vector would be 8 GB) and runs the same steps. */
    @Test
    void costDoesNotDependOnP() {
        long[] allocated = new long[2];
        long[] steps = new long[2];
        int[] ps = {1_000, 1_000_000_000};
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int round = 0; round < 3; round++) { // the first round warms up the JIT; the last one counts
            for (int i = 0; i < 2; i++) {
                int p = ps[i];
                TrainingSetup s = new TrainingSetup(20, p, 10, Math.pow(p, 0.25), 300, 0.01 / Math.sqrt(p), 200,
                        0, false, 10);
                Plugins pl = plugins(new RandomFlip(0.1), new GradientDescent(0.5 / p));
                long before = bean.getThreadAllocatedBytes(thread);
                TrainingResult r = new SketchEngine(1).train(s, pl, Fixture.streams(8), MetricsSink.discard());
                allocated[i] = bean.getThreadAllocatedBytes(thread) - before;
                steps[i] = r.steps();
                assertEquals(RunStatus.COMPLETED, r.status());
                assertEquals(StopReason.MAX_STEPS, r.stopReason());
            }
        }
        assertEquals(steps[0], steps[1]);
        assertTrue(allocated[1] < 2 * allocated[0] + (1 << 20),
                "allocated " + allocated[1] + " bytes at p = 1e9 vs " + allocated[0] + " at p = 1e3");
        assertTrue(allocated[1] < 50L << 20, "under 50 MB: " + allocated[1]);
        TrainingSetup small = new TrainingSetup(20, 1_000, 10, 1, 300, 0, 200, 0, false, 10);
        TrainingSetup huge = new TrainingSetup(20, 1_000_000_000, 10, 1, 300, 0, 200, 0, false, 10);
        assertEquals(SketchEngine.estimateMemoryBytes(small), SketchEngine.estimateMemoryBytes(huge));
    }

    /** A separable instance at p = 10^7: gradient descent fits every noisy label and still generalises. */
    @Test
    void benignOverfittingAtTenMillionDimensions() {
        int p = 10_000_000;
        TrainingSetup s = new TrainingSetup(20, p, 50, Math.pow(p, 0.3), 2000, 2e-3 / Math.sqrt(p), 3000, 0, true,
                10);
        TrainingResult r = new SketchEngine(2).train(s, plugins(new TestPlugins.FlipEvery(5),
                new GradientDescent(20.0 / p)), Fixture.streams(7), MetricsSink.discard());
        assertEquals(StopReason.INTERPOLATION, r.stopReason(), r.message());
        assertEquals(4, r.noisyCount());
        assertEquals(0.0, r.finalMetrics().get(MetricNames.TRAIN_ERROR_NOISY));
        assertTrue(r.finalMetrics().get(MetricNames.TEST_ERROR_CLEAN) < 0.1, r.finalMetrics().toString());
        assertTrue(r.finalMetrics().get(MetricNames.STABLE_RANK) >= 1 - 1e-9, r.finalMetrics().toString());
    }

    @Test
    void resultsAreIdenticalWhateverTheThreadCount() {
        TrainingSetup s = new TrainingSetup(30, 100_000, 17, 10, 1500, 1e-4, 30, 0, false, 1000);
        Plugins pl = plugins(new RandomFlip(0.1), new Momentum(1e-6, 0.9, false));
        DenseEngineTest.Recorder one = new DenseEngineTest.Recorder();
        TrainingResult r1 = new SketchEngine(1).train(s, pl, Fixture.streams(12), one);
        DenseEngineTest.Recorder two = new DenseEngineTest.Recorder();
        TrainingResult r2 = new SketchEngine(3).train(s, pl, Fixture.streams(12), two);
        assertEquals(one.records, two.records);
        assertEquals(r1, r2);
        assertEquals(31, one.steps().size());
    }

    @Test
    void refusesWhatItCannotRunExactly() {
        TrainingSetup s = new TrainingSetup(10, 50, 4, 2.0, 10, 0.01, 5, 0, false, 1);
        Plugins rademacher = new Plugins(PHI, new Rademacher(), new RandomFlip(0.1),
                new LogisticLoss(), new GradientDescent(0.01));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SketchEngine(1).train(s, rademacher, Fixture.streams(1), MetricsSink.discard()));
        assertEquals("sketch engine: cluster distribution Rademacher is not isotropic Gaussian; use engine span or "
                + "dense", e.getMessage());
        TrainingSetup tooSmall = new TrainingSetup(10, 14, 4, 2.0, 10, 0.01, 5, 0, false, 1);
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> new SketchEngine(1)
                .train(tooSmall, plugins(new RandomFlip(0.1), new GradientDescent(0.01)),
                        Fixture.streams(1), MetricsSink.discard()));
        assertTrue(e2.getMessage().contains("p - 1 = 13 < n + m = 14"), e2.getMessage());
    }
}
