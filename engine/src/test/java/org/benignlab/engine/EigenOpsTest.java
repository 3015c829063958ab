package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.junit.jupiter.api.Test;

/**
 * The Lanczos largest eigenvalue ({@link EigenOps#largestByLanczos}) against EJML's full symmetric eigenvalue
 * decomposition (and against eigenvalues known by construction), on random positive semi-definite matrices,
 * near-degenerate and exactly degenerate top eigenvalues, rank one, zero, tiny scales; the fallback when the test
 * does not pass; the tridiagonal helpers. Seeds are fixed.
 */
class EigenOpsTest {

    /** Relative agreement asked of every Lanczos result (the class promises about 1e-13 and more in practice). */
    private static final double REL = 1e-12;

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_SHI_RO_256_PP.create(seed);
    }

    /** W W^T for W (m x p) with N(0, 1) entries, exactly symmetric (each pair summed once). */
    private static double[][] wishart(int m, int p, long seed) {
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng(seed));
        double[][] w = new double[m][p];
        for (double[] row : w) {
            for (int k = 0; k < p; k++) {
                row[k] = g.sample();
            }
        }
        double[][] s = new double[m][m];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k <= j; k++) {
                double v = 0;
                for (int q = 0; q < p; q++) {
                    v += w[j][q] * w[k][q];
                }
                s[j][k] = v;
                s[k][j] = v;
            }
        }
        return s;
    }

    /** Q diag(lambda) Q^T with Q a random orthogonal matrix (QR of a Gaussian matrix), exactly symmetric. */
    private static double[][] withEigenvalues(double[] lambda, long seed) {
        int m = lambda.length;
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng(seed));
        DMatrixRMaj a = new DMatrixRMaj(m, m);
        for (int i = 0; i < m * m; i++) {
            a.data[i] = g.sample();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(m, m);
        assertTrue(qr.decompose(a));
        DMatrixRMaj q = qr.getQ(null, false);
        double[][] s = new double[m][m];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k <= j; k++) {
                double v = 0;
                for (int i = 0; i < m; i++) {
                    v += q.get(j, i) * lambda[i] * q.get(k, i);
                }
                s[j][k] = v;
                s[k][j] = v;
            }
        }
        return s;
    }

    private static double lanczos(double[][] s) {
        return EigenOps.largestByLanczos(s, Math.min(s.length, EigenOps.MAX_ITERATIONS), EigenOps.TOLERANCE);
    }

    /**
     * The start generator's written-out state is the one RandomSource gives the seed (the Lanczos start vector, and so
     * every recorded ||W||_2, as before the state was written out): the same 1000 draws bit for bit.
     */
    @Test
    void theStartStateIsTheSeedAsRandomSourceExpandsIt() {
        UniformRandomProvider expected = RandomSource.XO_SHI_RO_256_PP.create(EigenOps.START_SEED);
        UniformRandomProvider actual = new org.apache.commons.rng.core.source64.XoShiRo256PlusPlus(
                EigenOps.START_STATE.clone());
        for (int i = 0; i < 1000; i++) {
            assertEquals(expected.nextLong(), actual.nextLong(), "draw " + i);
        }
    }

    @Test
    void lanczosEqualsTheFullDecompositionOnRandomGramMatrices() {
        // p < m (rank deficient), p ~ m, p >> m (Marchenko-Pastur bulk with a small top gap, as W0 W0^T)
        qt().withFixedSeed(2024L).withExamples(60)
                .forAll(integers().between(1, 90), integers().between(1, 400), longs().all())
                .checkAssert((m, p, seed) -> {
                    double[][] s = wishart(m, p, seed);
                    double expected = EigenOps.largestByEigen(s);
                    double found = EigenOps.largest(s);
                    assertEquals(expected, found, REL * expected, "m=" + m + " p=" + p);
                    double viaLanczos = lanczos(s);
                    if (!Double.isNaN(viaLanczos)) {
                        assertEquals(expected, viaLanczos, REL * expected, "Lanczos itself, m=" + m + " p=" + p);
                    }
                });
    }

    @Test
    void lanczosPassesOnTheSizesOfTheBenchmark() {
        // m = 200: a bulk (W0 W0^T, p = 20000) and a dominant direction (a training step's W W^T)
        double[][] bulk = wishart(200, 20000 / 10, 5L);
        double[][] dominant = wishart(200, 3, 6L);
        for (double[][] s : new double[][][] {bulk, dominant}) {
            int[] iterations = new int[1];
            double v = EigenOps.largestByLanczos(s, EigenOps.MAX_ITERATIONS, EigenOps.TOLERANCE, iterations);
            double expected = EigenOps.largestByEigen(s);
            assertEquals(expected, v, REL * expected);
            assertTrue(iterations[0] <= EigenOps.MAX_ITERATIONS);
        }
        int[] iterations = new int[1];
        EigenOps.largestByLanczos(dominant, EigenOps.MAX_ITERATIONS, EigenOps.TOLERANCE, iterations);
        assertTrue(iterations[0] <= 12, "rank 3 needs a handful of iterations, took " + iterations[0]);
    }

    @Test
    void nearDegenerateAndDegenerateTopEigenvalues() {
        int m = 60;
        for (double gap : new double[] {1e-2, 1e-5, 1e-9, 1e-13, 0}) {
            for (long seed = 1; seed <= 3; seed++) {
                double[] lambda = new double[m];
                UniformRandomProvider r = rng(100 + seed);
                for (int i = 0; i < m; i++) {
                    lambda[i] = 0.9 * r.nextDouble();
                }
                lambda[7] = 1.0;
                lambda[31] = 1.0 - gap;
                lambda[44] = 1.0 - 2 * gap;
                double[][] s = withEigenvalues(lambda, seed);
                double eig = EigenOps.largestByEigen(s);
                assertEquals(1.0, eig, 1e-13, "EJML, gap " + gap);
                assertEquals(eig, EigenOps.largest(s), REL, "gap " + gap + ", seed " + seed);
                double viaLanczos = lanczos(s);
                assertTrue(Double.isNaN(viaLanczos) || Math.abs(viaLanczos - 1.0) <= REL,
                        "Lanczos returned " + viaLanczos + " for gap " + gap);
            }
        }
    }

    @Test
    void rankOneIsExactInAFewIterations() {
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng(9L));
        for (int m : new int[] {1, 2, 5, 200}) {
            double[] v = new double[m];
            for (int i = 0; i < m; i++) {
                v[i] = g.sample();
            }
            // also a vector with exact zeros and one along a coordinate axis
            double[] sparse = new double[m];
            sparse[m - 1] = 3.0;
            if (m > 2) {
                sparse[1] = -4.0;
            }
            for (double[] u : new double[][] {v, sparse}) {
                double[][] s = new double[m][m];
                double norm2 = 0;
                for (int j = 0; j < m; j++) {
                    norm2 += u[j] * u[j];
                    for (int k = 0; k < m; k++) {
                        s[j][k] = u[j] * u[k];
                    }
                }
                int[] iterations = new int[1];
                double found = EigenOps.largestByLanczos(s, Math.min(m, EigenOps.MAX_ITERATIONS), EigenOps.TOLERANCE,
                        iterations);
                assertEquals(norm2, found, REL * norm2, "rank one, m=" + m);
                assertTrue(iterations[0] <= 3, "rank one took " + iterations[0] + " iterations, m=" + m);
                assertEquals(Math.sqrt(norm2), NetworkOps.spectralNorm(s), 1e-13 * Math.sqrt(norm2));
            }
        }
    }

    @Test
    void zeroDiagonalTinyAndOneByOne() {
        assertEquals(0.0, EigenOps.largest(new double[3][3]), 0.0);
        assertEquals(2.5, EigenOps.largest(new double[][] {{2.5}}), 0.0);
        double[][] diag = new double[40][40];
        for (int i = 0; i < 40; i++) {
            diag[i][i] = (i * 37 % 40) + 1; // 1..40 in a scrambled order
        }
        assertEquals(40.0, lanczos(diag), REL * 40);
        // the scale of W0 W0^T with omega = 1e-12: nothing under- or overflows
        double[][] s = wishart(50, 80, 3L);
        double expected = EigenOps.largestByEigen(s);
        for (double[] row : s) {
            for (int k = 0; k < row.length; k++) {
                row[k] *= 1e-24;
            }
        }
        assertEquals(expected * 1e-24, EigenOps.largest(s), REL * expected * 1e-24);
        assertEquals(expected * 1e-24, lanczos(s), REL * expected * 1e-24);
    }

    @Test
    void aFunctionOfTheMatrixAlone() {
        double[][] s = wishart(120, 500, 8L);
        double first = EigenOps.largest(s);
        for (int r = 0; r < 3; r++) {
            assertEquals(Double.doubleToLongBits(first), Double.doubleToLongBits(EigenOps.largest(s)));
        }
    }

    @Test
    void fallsBackWhenTheTestDoesNotPass() {
        double[][] s = wishart(100, 2000, 12L); // bulk spectrum: two iterations are far from enough
        assertTrue(Double.isNaN(EigenOps.largestByLanczos(s, 2, EigenOps.TOLERANCE)));
        double[][] asymmetric = wishart(30, 40, 13L);
        asymmetric[3][17] = Math.nextUp(asymmetric[3][17]);
        assertTrue(Double.isNaN(lanczos(asymmetric)), "not exactly symmetric: no Lanczos");
        assertEquals(EigenOps.largestByEigen(asymmetric), EigenOps.largest(asymmetric), 0.0,
                "the fallback's value");
    }

    @Test
    void tridiagonalHelpersAgreeWithTheFullDecomposition() {
        UniformRandomProvider r = rng(77L);
        for (int k = 1; k <= 40; k += 3) {
            double[] alpha = new double[k];
            double[] beta = new double[k];
            DMatrixRMaj t = new DMatrixRMaj(k, k);
            for (int i = 0; i < k; i++) {
                alpha[i] = r.nextDouble() * 4 - 2;
                t.set(i, i, alpha[i]);
                if (i + 1 < k) {
                    beta[i] = r.nextDouble() * 2 - 1;
                    t.set(i, i + 1, beta[i]);
                    t.set(i + 1, i, beta[i]);
                }
            }
            double[][] rows = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    rows[i][j] = t.get(i, j);
                }
            }
            double expected = EigenOps.largestByEigen(rows);
            double theta = EigenOps.largestTridiagonal(alpha, beta, k);
            assertEquals(expected, theta, 1e-13 * Math.max(1, Math.abs(expected)), "k=" + k);
            double[] s = new double[k];
            EigenOps.tridiagonalEigenvector(alpha, beta, k, theta, s);
            double norm = 0;
            for (int i = 0; i < k; i++) {
                norm += s[i] * s[i];
                double ts = alpha[i] * s[i] + (i > 0 ? beta[i - 1] * s[i - 1] : 0) + (i + 1 < k ? beta[i] * s[i + 1] : 0);
                assertEquals(theta * s[i], ts, 1e-10, "T s = theta s, entry " + i + ", k=" + k);
            }
            assertEquals(1.0, norm, 1e-12);
        }
    }
}
