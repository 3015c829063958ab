package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The native BLAS products equal the Java kernels up to summation order: 1e-12 relative to the size of
 * the terms (each entry is a sum of p products of O(1) numbers, so rounding is about p·1e-16). Skipped,
 * with the reason, where no native BLAS is loaded (the Java kernels then run everywhere).
 */
class NativeBlasTest {

    private static double[] random(UniformRandomProvider rng, int size) {
        double[] a = new double[size];
        for (int i = 0; i < size; i++) {
            a[i] = rng.nextDouble() * 2 - 1;
        }
        return a;
    }

    private static double[][] rows(double[] flat, int rows, int cols) {
        double[][] r = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, r[i], 0, cols);
        }
        return r;
    }

    @Test
    void describesWhatIsUsed() {
        String d = NativeBlas.description();
        assertTrue(d.matches("native BLAS \\(.+\\)") || d.matches("Java kernels \\(.+\\)"), "says why: " + d);
    }

    @Test
    void productsAgreeWithTheJavaKernels() {
        assumeTrue(NativeBlas.available(), "no native BLAS here: " + NativeBlas.description());
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(11L);
        int m = 7;
        int n = 5;
        int p = 301;
        double[] w = random(rng, m * p);
        double[] x = random(rng, n * p);
        double[] c = random(rng, m * n);
        // Z^T = W X^T
        double[] zt = new double[m * n];
        NativeBlas.multiplyTransB(w, x, zt, m, n, p);
        double[][] ztJava = new double[m][n];
        NetworkOps.preActivationsT(w, NetworkOps.transpose(rows(x, n, p)), ztJava);
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                assertEquals(ztJava[j][i], zt[j * n + i], 1e-12 * p, "Z^T[" + j + "][" + i + "]");
            }
        }
        // G = C X
        double[] g = new double[m * p];
        NativeBlas.multiply(c, x, g, m, n, p);
        double[] gJava = new double[m * p];
        NetworkOps.gradient(c, rows(x, n, p), new double[m][p], gJava);
        for (int k = 0; k < m * p; k++) {
            assertEquals(gJava[k], g[k], 1e-12 * n, "G[" + k + "]");
        }
    }
}
