package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.benignlab.activations.impl.SmoothedLeakyRelu;
import org.benignlab.activations.impl.SoftplusLeaky;
import org.benignlab.api.Activation;
import org.benignlab.api.Loss;
import org.benignlab.optimizers.impl.LogisticLoss;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class NetworkOpsTest {
    private static final Loss LOGISTIC = new LogisticLoss();

    /** The analytic gradient from the kernels: -(1/n) A^T X. */
    static double[] gradient(Fixture fx, Activation phi, Loss loss) {
        double[][] xt = NetworkOps.transpose(fx.x);
        double[][] zt = new double[fx.m][fx.n];
        double[] f = new double[fx.n];
        double[] ct = new double[fx.m * fx.n];
        double[] grad = new double[fx.m * fx.p];
        NetworkOps.preActivationsT(fx.w, xt, zt);
        NetworkOps.outputsT(zt, fx.a, phi, f);
        NetworkOps.gradientCoefficients(zt, fx.a, fx.y, f, loss, phi, new double[fx.n], ct);
        NetworkOps.gradient(ct, fx.x, new double[fx.m][fx.p], grad);
        return grad;
    }

    /**
     * Central differences of the naive L̂ with step h = 1e-5 agree with the kernels' gradient to a relative
     * tolerance of 1e-6 of max(||g||_inf, 1e-3) (truncation error ~h², rounding ~1e-16/h). The activation is
     * C-infinity so that no difference straddles a break point.
     */
    @Test
    void gradientEqualsCentralFiniteDifferences() {
        checkFiniteDifferences(new SoftplusLeaky(0.3, 0.25), 20220211L, 80, 1e-5, 1e-6);
    }

    /**
     * The same with the paper's smoothed leaky ReLU (γ = 0.5, H = 2, pieces meet at ±0.5). Its second
     * derivative jumps, so a difference that straddles a break point is off by up to about H h |x|²: with
     * h = 1e-7 that stays below the tolerance 1e-5 of max(||g||_inf, 1e-3).
     */
    @Test
    void gradientEqualsFiniteDifferencesForSmoothedLeakyRelu() {
        checkFiniteDifferences(new SmoothedLeakyRelu(0.5, 2.0), 7L, 60, 1e-7, 1e-5);
    }

    /**
     * For generated n in [1, 6], p in [1, 8], m in [1, 5] and fixture seeds (QuickTheories with the given seed and
     * number of examples), the logistic-loss gradient matches central differences with step h to relTol.
     */
    private static void checkFiniteDifferences(Activation phi, long seed, int examples, double h, double relTol) {
        qt().withFixedSeed(seed).withExamples(examples)
                .forAll(integers().between(1, 6), integers().between(1, 8), integers().between(1, 5), longs().all())
                .checkAssert((n, p, m, s) -> {
                    Fixture fx = new Fixture(n, p, m, s, 1.0, 1.0);
                    assertMatchesFiniteDifferences(fx, phi, gradient(fx, phi, LOGISTIC), h, relTol);
                });
    }

    private static void assertMatchesFiniteDifferences(Fixture fx, Activation phi, double[] g, double h,
                                                       double relTol) {
        double scale = 1e-3;
        for (double v : g) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k < fx.w.length; k++) {
            double saved = fx.w[k];
            fx.w[k] = saved + h;
            double up = Reference.risk(fx.x, fx.y, fx.w, fx.a, phi, LOGISTIC);
            fx.w[k] = saved - h;
            double down = Reference.risk(fx.x, fx.y, fx.w, fx.a, phi, LOGISTIC);
            fx.w[k] = saved;
            double fd = (up - down) / (2 * h);
            double err = Math.abs(fd - g[k]);
            assertTrue(err <= relTol * scale, "entry " + k + ": analytic " + g[k] + ", finite difference " + fd
                    + " (n=" + fx.n + ", p=" + fx.p + ", m=" + fx.m + ")");
        }
    }

    /** The finite-difference check is able to fail: a gradient with g = +ℓ' instead of -ℓ' is rejected. */
    @Test
    void finiteDifferenceCheckRejectsAWrongGradient() {
        Fixture fx = new Fixture(4, 5, 3, 11L, 1.0, 1.0);
        Activation phi = new SoftplusLeaky(0.3, 0.25);
        Loss wrongSign = new Loss() {
            @Override
            public double value(double z) {
                return LOGISTIC.value(z);
            }

            @Override
            public double derivative(double z) {
                return -LOGISTIC.derivative(z);
            }
        };
        double[] wrong = gradient(fx, phi, wrongSign);
        assertThrows(AssertionError.class, () -> assertMatchesFiniteDifferences(fx, phi, wrong, 1e-5, 1e-6));
        assertMatchesFiniteDifferences(fx, phi, gradient(fx, phi, LOGISTIC), 1e-5, 1e-6);
    }

    /**
     * The kernels sum in increasing inner index from 0, exactly like the naive loops: equal bit for bit, also
     * across the cache blocks (p = 12000 &gt; one inner block for the forward pass and two column blocks for
     * the gradient when n = 3).
     */
    @Test
    void kernelsEqualNaiveSumsBitForBit() {
        qt().withFixedSeed(99L).withExamples(40)
                .forAll(integers().between(1, 40), integers().between(1, 300), integers().between(1, 20), longs().all())
                .checkAssert((n, p, m, seed) -> checkAgainstNaive(new Fixture(n, p, m, seed, 1.0, 0.1)));
        checkAgainstNaive(new Fixture(3, 12000, 3, 5L, 1.0, 0.1));
        checkAgainstNaive(new Fixture(101, 700, 37, 6L, 1.0, 0.1));
    }

    private static void checkAgainstNaive(Fixture fx) {
        Activation phi = new SmoothedLeakyRelu(0.1, 1.0);
        double[][] z = Reference.preActivations(fx.x, fx.w, fx.m);
        double[][] zt = new double[fx.m][fx.n];
        NetworkOps.preActivationsT(fx.w, NetworkOps.transpose(fx.x), zt);
        double[][] wt = new double[fx.p][fx.m];
        NetworkOps.transpose(fx.w, fx.m, fx.p, wt);
        double[][] zRows = new double[fx.n][fx.m];
        NetworkOps.preActivations(fx.x, wt, zRows, 0, fx.n);
        for (int i = 0; i < fx.n; i++) {
            assertArrayEquals(z[i], zRows[i], 0.0, "Z rows, row " + i);
            for (int j = 0; j < fx.m; j++) {
                assertEquals(Double.doubleToLongBits(z[i][j]), Double.doubleToLongBits(zt[j][i]), "Z^T " + i + "," + j);
            }
        }
        double[] fRef = Reference.outputs(fx.x, fx.w, fx.a, phi);
        double[] fT = new double[fx.n];
        double[] fRows = new double[fx.n];
        NetworkOps.outputsT(zt, fx.a, phi, fT);
        NetworkOps.outputs(zRows, fx.n, fx.a, phi, fRows);
        assertArrayEquals(fRef, fT, 0.0);
        assertArrayEquals(fRef, fRows, 0.0);

        double[] ct = new double[fx.m * fx.n];
        NetworkOps.gradientCoefficients(zt, fx.a, fx.y, fT, LOGISTIC, phi, new double[fx.n], ct);
        for (int i = 0; i < fx.n; i++) {
            double c = -(LOGISTIC.g(fx.y[i] * fT[i]) * fx.y[i]) / fx.n;
            for (int j = 0; j < fx.m; j++) {
                assertEquals(c * fx.a[j] * phi.derivative(z[i][j]), ct[j * fx.n + i], 0.0);
            }
        }
        double[] grad = new double[fx.m * fx.p];
        NetworkOps.gradient(ct, fx.x, new double[fx.m][fx.p], grad);
        for (int j = 0; j < fx.m; j++) {
            for (int k = 0; k < fx.p; k++) {
                double s = 0;
                for (int i = 0; i < fx.n; i++) {
                    s += ct[j * fx.n + i] * fx.x[i][k];
                }
                assertEquals(Double.doubleToLongBits(s), Double.doubleToLongBits(grad[j * fx.p + k]),
                        "gradient " + j + "," + k);
            }
        }
    }

    /** An independent implementation (EJML) agrees to 1e-12 relative. */
    @Test
    void productsAgreeWithEjml() {
        Fixture fx = new Fixture(30, 257, 17, 3L, 1.0, 1.0);
        DMatrixRMaj x = new DMatrixRMaj(fx.x);
        DMatrixRMaj w = new DMatrixRMaj(fx.m, fx.p);
        System.arraycopy(fx.w, 0, w.data, 0, fx.w.length);
        DMatrixRMaj z = new DMatrixRMaj(fx.n, fx.m);
        CommonOps_DDRM.multTransB(x, w, z);
        double[][] zt = new double[fx.m][fx.n];
        NetworkOps.preActivationsT(fx.w, NetworkOps.transpose(fx.x), zt);
        double zMax = CommonOps_DDRM.elementMaxAbs(z);
        for (int i = 0; i < fx.n; i++) {
            for (int j = 0; j < fx.m; j++) {
                assertEquals(z.get(i, j), zt[j][i], 1e-12 * zMax);
            }
        }
        double[] ct = new double[fx.m * fx.n];
        for (int k = 0; k < ct.length; k++) {
            ct[k] = Math.sin(k + 1.0);
        }
        DMatrixRMaj c = new DMatrixRMaj(fx.m, fx.n);
        System.arraycopy(ct, 0, c.data, 0, ct.length);
        DMatrixRMaj g = new DMatrixRMaj(fx.m, fx.p);
        CommonOps_DDRM.mult(c, x, g);
        double[] grad = new double[fx.m * fx.p];
        NetworkOps.gradient(ct, fx.x, new double[fx.m][fx.p], grad);
        double gMax = CommonOps_DDRM.elementMaxAbs(g);
        for (int k = 0; k < grad.length; k++) {
            assertEquals(g.data[k], grad[k], 1e-12 * gMax);
        }
    }

    @Test
    void multiplyTouchesOnlyItsRange() {
        Fixture fx = new Fixture(6, 9, 5, 8L, 1.0, 1.0);
        double[][] c = new double[6][5];
        for (double[] row : c) {
            java.util.Arrays.fill(row, 42.0);
        }
        double[][] wt = new double[9][5];
        NetworkOps.transpose(fx.w, 5, 9, wt);
        NetworkOps.multiply(fx.x, wt, c, 1, 4, 2, 4);
        double[][] z = Reference.preActivations(fx.x, fx.w, 5);
        for (int r = 0; r < 6; r++) {
            for (int k = 0; k < 5; k++) {
                boolean inside = r >= 1 && r < 4 && k >= 2 && k < 4;
                assertEquals(inside ? z[r][k] : 42.0, c[r][k], 0.0, r + "," + k);
            }
        }
    }

    @Test
    void dimensionMismatchesAreRejected() {
        double[][] xt = new double[4][3];
        assertThrows(IllegalArgumentException.class,
                () -> NetworkOps.preActivationsT(new double[7], xt, new double[2][3]));
        assertThrows(IllegalArgumentException.class,
                () -> NetworkOps.multiply(new double[2][4], new double[4][3], new double[2][2], 0, 2, 0, 3));
        assertThrows(IllegalArgumentException.class,
                () -> NetworkOps.gradient(new double[5], new double[3][4], new double[2][4], new double[8]));
    }

    @Test
    void frobeniusNormAndTranspose() {
        assertEquals(5.0, NetworkOps.frobeniusNorm(new double[] {3, 0, -4}), 0.0);
        double[][] t = NetworkOps.transpose(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new double[] {1, 4}, t[0], 0.0);
        assertArrayEquals(new double[] {3, 6}, t[2], 0.0);
    }

    /** ||W||_2 from W W^T equals the largest singular value of W (EJML's SVD), for random shapes. */
    @Test
    void spectralNormIsTheLargestSingularValue() {
        qt().withFixedSeed(77L).withExamples(40)
                .forAll(integers().between(1, 30), integers().between(1, 60), longs().all())
                .checkAssert((m, p, seed) -> {
                    Fixture fx = new Fixture(1, p, m, seed, 1.0, 0.7);
                    double[][] wt = new double[p][m];
                    NetworkOps.transpose(fx.w, m, p, wt);
                    double[][] gram = new double[m][m];
                    NetworkOps.multiply(fx.w, p, wt, gram, 0, m, 0, m);
                    double spectral = NetworkOps.spectralNorm(gram);
                    var svd = org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(m, p, false, false, true);
                    assertTrue(svd.decompose(new DMatrixRMaj(m, p, true, fx.w)));
                    double max = 0;
                    for (double sv : svd.getSingularValues()) {
                        max = Math.max(max, sv);
                    }
                    assertEquals(max, spectral, 1e-10 * max);
                    double fro = NetworkOps.frobeniusNorm(fx.w);
                    double rank = NetworkOps.stableRank(fro, spectral, Math.min(m, p));
                    assertTrue(rank >= 1 && rank <= Math.min(m, p), "stable rank " + rank);
                });
    }

    @Test
    void spectralNormAndStableRankEdgeCases() {
        assertEquals(0.0, NetworkOps.spectralNorm(new double[2][2]), 0.0);
        assertTrue(Double.isNaN(NetworkOps.stableRank(0.0, 0.0, 2)), "W = 0: 0/0");
        assertEquals(1.0, NetworkOps.stableRank(3.0, 3.0, 2), 0.0);
        // ||W||_F a hair below ||W||_2 (rounding in a rank-one W): clamped to the lower end 1, not 0.9999999999999998
        assertEquals(1.0, NetworkOps.stableRank(Math.nextDown(3.0), 3.0, 2), 0.0);
        // a quotient above min(m, p) from rounding is clamped to min(m, p)
        assertEquals(2.0, NetworkOps.stableRank(Math.nextUp(Math.sqrt(2) * 3.0), 3.0, 2), 0.0);
        assertTrue(Double.isNaN(NetworkOps.spectralNorm(new double[][] {{1, Double.NaN}, {Double.NaN, 1}})));
        assertEquals(Double.POSITIVE_INFINITY,
                NetworkOps.spectralNorm(new double[][] {{Double.POSITIVE_INFINITY, 1}, {1, 1}}), 0.0);
        assertTrue(Double.isNaN(NetworkOps.stableRank(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 2)));
        // rank one: ||W||_2 = ||W||_F
        double[][] gram = {{1, 2}, {2, 4}}; // W = (1, 2)^T (1)
        assertEquals(Math.sqrt(5), NetworkOps.spectralNorm(gram), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> NetworkOps.spectralNorm(new double[2][3]));
    }
}
