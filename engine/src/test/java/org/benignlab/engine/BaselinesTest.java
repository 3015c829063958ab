package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.benignlab.activations.impl.Identity;
import org.benignlab.activations.impl.SmoothedLeakyRelu;
import org.benignlab.api.MetricNames;
import org.benignlab.distributions.impl.IsotropicGaussian;
import org.benignlab.distributions.impl.RandomFlip;
import org.benignlab.optimizers.impl.GradientDescent;
import org.benignlab.optimizers.impl.LogisticLoss;
import org.junit.jupiter.api.Test;

/** The linear baselines: max-margin against an independent reference, min-norm interpolation, the one-step closed form. */
class BaselinesTest {

    /** n points in R^p, separable through the origin with a margin: x_i = y_i (u + noise) for a fixed u. */
    private static double[][] separable(int n, int p, long seed, double[] yOut) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            yOut[i] = rng.nextBoolean() ? 1 : -1;
            for (int k = 0; k < p; k++) {
                x[i][k] = yOut[i] * ((k == 0 ? 2.0 : 0.0) + 0.8 * g.sample());
            }
            if (x[i][0] * yOut[i] <= 0.2) { // keep the set separable along e_1
                x[i][0] = yOut[i] * (0.2 + Math.abs(x[i][0]));
            }
        }
        return x;
    }

    /** K = X X^T, each entry summed in increasing column index. */
    static double[][] gram(double[][] x) {
        int n = x.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int q = 0; q < x[i].length; q++) {
                    s += x[i][q] * x[j][q];
                }
                k[i][j] = s;
            }
        }
        return k;
    }

    private static double[][] q(double[][] k, double[] y) {
        int n = y.length;
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] = y[i] * y[j] * k[i][j];
            }
        }
        return q;
    }

    /**
     * Independent reference: every support set S of at most p points (the KKT point is unique for generic data, and its
     * support is at most p points), α_S = Q_SS^{-1} 1 by Commons Math's LU, kept when it satisfies the KKT conditions.
     */
    private static double[] bruteForce(double[][] q, int p) {
        int n = q.length;
        for (int mask = 1; mask < (1 << n); mask++) {
            int size = Integer.bitCount(mask);
            if (size > p) {
                continue;
            }
            int[] s = new int[size];
            int c = 0;
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    s[c++] = i;
                }
            }
            double[][] sub = new double[size][size];
            for (int r = 0; r < size; r++) {
                for (int t = 0; t < size; t++) {
                    sub[r][t] = q[s[r]][s[t]];
                }
            }
            LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(sub), 1e-12);
            if (!lu.getSolver().isNonSingular()) {
                continue;
            }
            RealVector as = lu.getSolver().solve(new ArrayRealVector(size, 1.0));
            double[] alpha = new double[n];
            boolean ok = true;
            for (int r = 0; r < size; r++) {
                alpha[s[r]] = as.getEntry(r);
                ok &= as.getEntry(r) > 0;
            }
            if (ok && kktResidual(q, alpha) < 1e-9) {
                return alpha;
            }
        }
        throw new AssertionError("no KKT point found by enumeration");
    }

    /** max over i of the violations of α_i >= 0, (Qα)_i >= 1 and α_i ((Qα)_i - 1) = 0. */
    private static double kktResidual(double[][] q, double[] alpha) {
        double worst = 0;
        for (int i = 0; i < alpha.length; i++) {
            double qa = 0;
            for (int j = 0; j < alpha.length; j++) {
                qa += q[i][j] * alpha[j];
            }
            worst = Math.max(worst, Math.max(-alpha[i], Math.max(1 - qa, Math.abs(alpha[i] * (qa - 1)))));
        }
        return worst;
    }

    @Test
    void maxMarginEqualsTheEnumeratedKktPointAndSatisfiesKkt() {
        int checked = 0;
        for (long seed = 1; seed <= 40; seed++) {
            int n = 5 + (int) (seed % 6); // 5..10 points
            int p = 2 + (int) (seed % 3); // in R^2..R^4: some points are not support vectors
            double[] y = new double[n];
            double[][] k = gram(separable(n, p, seed, y));
            double[][] q = q(k, y);
            double[] reference = bruteForce(q, p);
            MaxMarginSolver.Solution s = MaxMarginSolver.solve(k, y);
            assertTrue(s.solved(), "seed " + seed);
            assertTrue(kktResidual(q, s.alpha()) < 1e-8, "seed " + seed + ": KKT residual " + kktResidual(q, s.alpha()));
            int support = 0;
            double norm2 = 0;
            for (int i = 0; i < n; i++) {
                assertEquals(reference[i], s.alpha()[i], 1e-8 * Math.max(1, Math.abs(reference[i])), "seed " + seed + " α_" + i);
                support += reference[i] > 0 ? 1 : 0;
                for (int j = 0; j < n; j++) {
                    norm2 += reference[i] * q[i][j] * reference[j];
                }
            }
            assertEquals(support, s.supportVectors(), "seed " + seed);
            assertEquals(1 / Math.sqrt(norm2), s.margin(), 1e-8 / Math.sqrt(norm2), "seed " + seed);
            assertTrue(s.gap() <= MaxMarginSolver.TOLERANCE, "seed " + seed);
            if (support < n) {
                checked++;
            }
        }
        assertTrue(checked >= 20, "too few instances with non-support vectors: " + checked);
    }

    @Test
    void dualityGapIsNonNegativeAndOnlySmallAtTheOptimum() {
        double[] y = new double[8];
        double[][] k = gram(separable(8, 3, 99, y));
        double[][] q = q(k, y);
        MaxMarginSolver.Solution s = MaxMarginSolver.solve(k, y);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5);
        for (int trial = 0; trial < 200; trial++) {
            double[] a = new double[8];
            for (int i = 0; i < 8; i++) {
                a[i] = rng.nextBoolean() ? rng.nextDouble() : 0;
            }
            assertTrue(MaxMarginSolver.relativeGap(q, a) >= 0, "weak duality");
        }
        double[] off = s.alpha().clone();
        for (int i = 0; i < off.length; i++) {
            off[i] *= 1.001; // feasible, not optimal: the gap rule must not accept it
        }
        assertTrue(MaxMarginSolver.relativeGap(q, off) > 1e3 * MaxMarginSolver.TOLERANCE);
        assertTrue(MaxMarginSolver.relativeGap(q, s.alpha()) <= MaxMarginSolver.TOLERANCE);
    }

    @Test
    void aPointDuplicatedWithTheOppositeLabelIsNotSeparable() {
        double[] y = new double[6];
        double[][] x = separable(6, 3, 7, y);
        x[5] = x[4].clone();
        y[5] = -y[4];
        MaxMarginSolver.Solution s = MaxMarginSolver.solve(gram(x), y);
        assertFalse(s.solved());
        assertTrue(Double.isNaN(s.margin()));
        assertTrue(s.marginBound() <= MaxMarginSolver.SEPARABILITY * Math.sqrt(gram(x)[4][4]) * 2, "" + s.marginBound());
        assertTrue(s.sweeps() < 10_000, "stopped by the bound, not the cap: " + s.sweeps());

        // a set that is separable only with a tiny margin is not declared non-separable
        double[] y2 = new double[6];
        double[][] x2 = separable(6, 3, 8, y2);
        MaxMarginSolver.Solution ok = MaxMarginSolver.solve(gram(x2), y2);
        assertTrue(ok.solved());
        assertTrue(Double.isNaN(ok.marginBound()));
    }

    @Test
    void minNormInterpolatorFitsEveryLabelWhenPAtLeastN() {
        for (int[] np : new int[][] {{10, 10}, {10, 40}, {30, 200}}) {
            int n = np[0];
            int p = np[1];
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(n * 1000L + p);
            NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
            double[][] x = new double[n][p];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = rng.nextBoolean() ? 1 : -1; // arbitrary labels: interpolation needs no signal
                for (int q = 0; q < p; q++) {
                    x[i][q] = g.sample();
                }
            }
            double[][] k = gram(x);
            double[] c = LinearBaselines.minNormCoefficients(k, y);
            for (int i = 0; i < n; i++) {
                double f = 0; // f(x_i) = <X^T c, x_i> = (K c)_i
                for (int j = 0; j < n; j++) {
                    f += k[i][j] * c[j];
                }
                assertEquals(y[i], f, 1e-9, "n = " + n + ", p = " + p + ", point " + i);
            }
        }
    }

    @Test
    void enginesReportTheBaselinesAndDenseAgreesWithSpan() {
        Plugins pl = new Plugins(new SmoothedLeakyRelu(0.1, 1.0), new IsotropicGaussian(),
                new RandomFlip(0.1), new LogisticLoss(), new GradientDescent(0.01));
        TrainingSetup s = new TrainingSetup(20, 300, 8, 3.0, 400, 1e-4, 5, 0, false, 2)
                .withBaselines(EnumSet.allOf(Baseline.class));
        TrainingResult dense = new DenseEngine(2).train(s, pl, Fixture.streams(3), MetricsSink.discard());
        TrainingResult span = new SpanEngine(1).train(s, pl, Fixture.streams(3), MetricsSink.discard());
        TrainingResult sketch = new SketchEngine(1).train(s, pl, Fixture.streams(3), MetricsSink.discard());
        assertEquals(MetricNames.BASELINES, dense.baselines().keySet().stream().toList());
        assertEquals(MetricNames.BASELINES, sketch.baselines().keySet().stream().toList());
        for (String m : MetricNames.BASELINES) {
            assertEquals(dense.baselines().get(m), span.baselines().get(m), 1e-12, m);
            assertTrue(Double.isFinite(sketch.baselines().get(m)), m);
        }
        assertEquals(20.0, span.baselines().get(MetricNames.MAX_MARGIN_SUPPORT_VECTORS)); // p >> n: every point
        assertEquals(dense.baselines(), new DenseEngine(1).train(s, pl, Fixture.streams(3), MetricsSink.discard())
                .baselines(), "the same bits for any thread count");
        assertEquals(span.baselines(), new SpanEngine(2).train(s, pl, Fixture.streams(3), MetricsSink.discard())
                .baselines(), "the same bits for any thread count");
        TrainingResult none = new SpanEngine(1).train(s.withBaselines(Set.of()), pl, Fixture.streams(3),
                MetricsSink.discard());
        assertTrue(none.baselines().isEmpty());
        assertEquals(span.finalMetrics(), none.finalMetrics(), "the baselines change no number of the network");
    }

    /**
     * The one-step classifier's measured clean error (sketch engine, 0 steps) against the closed form over 300 pinned
     * seeds. Per seed the difference measured − closed form has two parts: the test set's sampling error (sd about
     * sqrt(e(1−e)/2000) ≈ 0.008) and the training draw's (the closed form neglects the fluctuations of <v, μ> and
     * ||v||², v = Σ y_i z_i: for these sizes a relative sd of about 6% of the argument, sd ≈ 0.014 of the error, bias
     * at most about 0.001 by a second-order expansion). Tolerance: 4 standard errors of the mean difference
     * (measured from the 300 differences; a failure probability below 1e-4 if the closed form were exact) plus 0.002
     * for the leading-order approximation.
     */
    @Test
    void oneStepCleanErrorMatchesItsClosedFormOverManySeeds() {
        Plugins pl = new Plugins(new Identity(), new IsotropicGaussian(),
                new RandomFlip(0.1), new LogisticLoss(), new GradientDescent(0.01));
        TrainingSetup s = new TrainingSetup(50, 2000, 1, 3.0, 2000, 0.0, 0, 0, false, 1)
                .withBaselines(EnumSet.of(Baseline.ONE_STEP));
        int seeds = 300;
        double sum = 0;
        double sumSq = 0;
        double theoryMean = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            TrainingResult r = new SketchEngine(1).train(s, pl, Fixture.streams(seed), MetricsSink.discard());
            double measured = r.baselines().get(MetricNames.ONE_STEP_TEST_ERROR_CLEAN);
            double theory = r.baselines().get(MetricNames.ONE_STEP_CLEAN_ERROR_THEORY);
            double d = measured - theory;
            sum += d;
            sumSq += d * d;
            theoryMean += theory / seeds;
        }
        double mean = sum / seeds;
        double se = Math.sqrt((sumSq - seeds * mean * mean) / (seeds - 1) / seeds);
        assertTrue(theoryMean > 0.1 && theoryMean < 0.2, "a regime where the error is neither 0 nor 1/2: " + theoryMean);
        assertTrue(Math.abs(mean) <= 4 * se + 0.002, "mean measured − closed form " + mean + ", se " + se);
    }

    @Test
    void oneStepClosedFormIsHalfWithoutSignalAndUnderflowsOnlyBelowDoublePrecision() {
        assertEquals(0.5, LinearBaselines.oneStepCleanError(0.1, 0.0, 1000, 10), 1e-15);
        assertEquals(0.5, LinearBaselines.oneStepCleanError(0.5, 5.0, 1000, 10), 1e-15); // η̂ = 1/2: no signal left
        double tiny = LinearBaselines.oneStepCleanError(0.0, 20.0, 100, 1000); // t ≈ 20, Φ(−t) ≈ 3e-89
        assertTrue(tiny > 0 && tiny < 1e-80);
        // the expansion's relative error is below 15/t⁶ ≈ 2.4e-7 here
        assertEquals(Math.log10(tiny), LinearBaselines.log10OneStepCleanError(0.0, 20.0, 100, 1000), 1e-6);
        assertEquals(0.0, LinearBaselines.oneStepCleanError(0.0, 60.0, 100, 1000)); // t ≈ 60: below double range
        assertEquals(-60.0 * 60.0 / 2 / Math.log(10), LinearBaselines.log10OneStepCleanError(0.0, 60.0, 100, 1000), 5.0);
    }

    /**
     * Soudry et al. (2018): gradient descent on a linear model with logistic loss on separable data converges in
     * direction to the maximum-margin classifier. With the identity activation and W0 = 0 the network is the linear
     * model v = W^T a = X^T (B^T a), trained by GD with step α ||a||²; after 200000 steps its direction β = B^T a must
     * have cosine above 0.99 with c = α* ⊙ y in the metric of K.
     */
    @Test
    void identityNetworkTrainedLongConvergesInDirectionToMaxMargin() {
        Plugins pl = new Plugins(new Identity(), new IsotropicGaussian(),
                new RandomFlip(0.2), new LogisticLoss(), new GradientDescent(0.5));
        TrainingSetup s = new TrainingSetup(10, 60, 4, 1.5, 0, 0.0, 200_000, 0, false, 1);
        AtomicReference<double[]> b = new AtomicReference<>();
        new SpanEngine(1).train(s, pl, Fixture.streams(21), MetricsSink.discard(), b::set);
        SpanProblem problem;
        try (ParallelNetworkOps ops = new ParallelNetworkOps(1)) {
            problem = SpanEngine.prepare(s, pl, Fixture.streams(21), Products.preferred(), ops);
        }
        int n = s.n();
        int m = s.width();
        double[] beta = new double[n];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                beta[i] += b.get()[j * n + i] * problem.a[j];
            }
        }
        double[] y = problem.train.labels;
        MaxMarginSolver.Solution mm = MaxMarginSolver.solve(problem.k, y);
        assertTrue(mm.solved());
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = mm.alpha()[i] * y[i];
        }
        double cos = kInner(problem.k, beta, c) / Math.sqrt(kInner(problem.k, beta, beta) * kInner(problem.k, c, c));
        assertTrue(cos > 0.99, "cosine " + cos);
        double[] oneStep = y.clone(); // and it is not trivially so: the one-step direction is further away
        double cos1 = kInner(problem.k, oneStep, c) / Math.sqrt(kInner(problem.k, oneStep, oneStep) * kInner(problem.k, c, c));
        assertTrue(cos1 < cos, "one-step cosine " + cos1 + " vs " + cos);
    }

    private static double kInner(double[][] k, double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < v.length; j++) {
                s += u[i] * k[i][j] * v[j];
            }
        }
        return s;
    }
}
