package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The setup products computed while V's rows arrive: the needed blocks of the lower triangle of V V^T for
 * V = [X; W0; T] (the columns of X always, those of W0 for T's rows and, with the spectral norm, for W0's; never
 * T T^T), equal to the plain product to 1e-12 relative, zero elsewhere, and the same bits for every thread count and
 * every pace at which the rows arrive; on the Java kernels the same bits as {@link Products#multiplyTransB}.
 * The native part is skipped where no native BLAS is loaded.
 */
class GramPipelineTest {

    private static double[] gram(double[] v, int n, int m, int t, int p, boolean spectral, int threads,
                                 int rowsPerCall, Products backend) {
        try (GramPipeline products = new GramPipeline(v, n, m, t, p, spectral, threads, backend)) {
            for (int r = rowsPerCall; r < n + m + t; r += rowsPerCall) {
                products.rowsReady(r);
                Thread.onSpinWait();
            }
            double[] s = products.finish();
            assertEquals(spectral || t > 0 ? n + m : n, products.columns());
            return s;
        }
    }

    /** Whether S[r][c] is computed: the lower triangle without T T^T, only X's columns unless spectral or T's row. */
    private static boolean needed(int r, int c, int n, int m, boolean spectral) {
        if (c > r || c >= n + m) {
            return false;
        }
        return c < n || r >= n + m || spectral;
    }

    @Test
    void lowerTriangleOfVVtForEveryThreadCountAndPace() {
        assumeTrue(NativeBlas.available(), "native BLAS not in use: " + NativeBlas.description());
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(41L);
        int[][] sizes = {{300, 400, 0, 900}, {1, 1, 0, 5}, {7, 200, 0, 64}, {130, 3, 0, 70}, {100, 200, 100, 500},
            {1, 1, 1, 5}, {7, 3, 300, 40}, {130, 3, 20, 70}};
        for (int[] size : sizes) {
            int n = size[0];
            int m = size[1];
            int t = size[2];
            int p = size[3];
            int rows = n + m + t;
            double[] v = new double[rows * p];
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.nextDouble() * 2 - 1;
            }
            for (boolean spectral : new boolean[] {true, false}) {
                int cols = spectral || t > 0 ? n + m : n;
                double[] first = null;
                for (int threads = 1; threads <= 3; threads++) {
                    for (int pace : new int[] {1, 37, rows}) {
                        double[] s = gram(v, n, m, t, p, spectral, threads, pace, Products.nativeBlas());
                        String where = " (n=" + n + " m=" + m + " t=" + t + " p=" + p + " spectral=" + spectral
                                + " threads=" + threads + " pace=" + pace + ")";
                        if (first == null) {
                            first = s;
                            for (int r = 0; r < rows; r++) {
                                for (int c = 0; c < cols; c++) {
                                    double expected = 0;
                                    if (needed(r, c, n, m, spectral)) {
                                        for (int k = 0; k < p; k++) {
                                            expected += v[r * p + k] * v[c * p + k];
                                        }
                                    }
                                    assertEquals(expected, s[r * cols + c], 1e-12 * p, "S[" + r + "][" + c + "]" + where);
                                }
                            }
                        } else {
                            assertArrayEquals(first, s, "same bits" + where);
                        }
                    }
                }
            }
        }
    }

    /**
     * On the Java kernels every needed entry is the bits of {@link Products#multiplyTransB} (each a sum in increasing
     * inner index), so that the span engine's K, Z0, G0 and test projections do not depend on which of the two
     * computed them; for every thread count.
     */
    @Test
    void onTheJavaKernelsTheEntriesAreThoseOfThePlainProduct() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(43L);
        int n = 9;
        int m = 140;
        int t = 131;
        int p = 33;
        int rows = n + m + t;
        double[] v = new double[rows * p];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextDouble() * 2 - 1;
        }
        double[] full = new double[rows * rows];
        try (ParallelNetworkOps ops = new ParallelNetworkOps(1)) {
            Products.javaKernels().multiplyTransB(v, v, full, rows, rows, p, ops);
        }
        for (boolean spectral : new boolean[] {true, false}) {
            for (int threads = 1; threads <= 3; threads++) {
                double[] s = gram(v, n, m, t, p, spectral, threads, 17, Products.javaKernels());
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < n + m; c++) {
                        double expected = needed(r, c, n, m, spectral) ? full[r * rows + c] : 0.0;
                        assertEquals(expected, s[r * (n + m) + c], 0.0, "S[" + r + "][" + c + "] spectral=" + spectral
                                + " threads=" + threads);
                    }
                }
            }
        }
    }

    /** Drawing failed half way: close() lets the workers go; no thread is left waiting. */
    @Test
    void closeWithoutFinishStopsTheWorkers() throws InterruptedException {
        assumeTrue(NativeBlas.available(), "native BLAS not in use: " + NativeBlas.description());
        int before = Thread.activeCount();
        double[] v = new double[(300 + 300) * 50];
        try (GramPipeline products = new GramPipeline(v, 300, 300, 0, 50, true, 3, Products.nativeBlas())) {
            products.rowsReady(150);
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("benign-span-setup"))
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("benign-span-setup")), "workers ended");
        assertTrue(Thread.activeCount() <= before + 1, "threads " + Thread.activeCount() + " before " + before);
    }
}
