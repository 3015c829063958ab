package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The setup products computed while V's rows arrive: the lower triangle of V V^T (only the columns of X without
 * the spectral norm), equal to the plain product to 1e-12 relative and the same bits for every thread count and
 * every pace at which the rows arrive. Skipped where no native BLAS is loaded.
 */
class GramPipelineTest {

    private static double[] gram(double[] v, int n, int m, int p, boolean spectral, int threads, int rowsPerCall) {
        try (GramPipeline products = new GramPipeline(v, n, m, p, spectral, threads, Products.nativeBlas())) {
            for (int r = rowsPerCall; r < n + m; r += rowsPerCall) {
                products.rowsReady(r);
                Thread.onSpinWait();
            }
            double[] s = products.finish();
            assertEquals(spectral ? n + m : n, products.columns());
            return s;
        }
    }

    @Test
    void lowerTriangleOfVVtForEveryThreadCountAndPace() {
        assumeTrue(NativeBlas.available(), "native BLAS not in use: " + NativeBlas.description());
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(41L);
        int[][] sizes = {{300, 400, 900}, {1, 1, 5}, {7, 200, 64}, {130, 3, 70}};
        for (int[] size : sizes) {
            int n = size[0];
            int m = size[1];
            int p = size[2];
            int rows = n + m;
            double[] v = new double[rows * p];
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.nextDouble() * 2 - 1;
            }
            for (boolean spectral : new boolean[] {true, false}) {
                int cols = spectral ? rows : n;
                double[] first = null;
                for (int threads = 1; threads <= 3; threads++) {
                    for (int pace : new int[] {1, 37, rows}) {
                        double[] s = gram(v, n, m, p, spectral, threads, pace);
                        String where = " (n=" + n + " m=" + m + " p=" + p + " spectral=" + spectral + " threads="
                                + threads + " pace=" + pace + ")";
                        if (first == null) {
                            first = s;
                            for (int r = 0; r < rows; r++) {
                                for (int c = 0; c < cols; c++) {
                                    double expected = 0;
                                    if (c <= r) {
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

    /** Drawing failed half way: close() lets the workers go; no thread is left waiting. */
    @Test
    void closeWithoutFinishStopsTheWorkers() throws InterruptedException {
        assumeTrue(NativeBlas.available(), "native BLAS not in use: " + NativeBlas.description());
        int before = Thread.activeCount();
        double[] v = new double[(300 + 300) * 50];
        try (GramPipeline products = new GramPipeline(v, 300, 300, 50, true, 3, Products.nativeBlas())) {
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
