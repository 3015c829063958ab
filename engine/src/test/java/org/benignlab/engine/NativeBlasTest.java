package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.function.Consumer;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The native BLAS products equal the Java kernels up to summation order (1e-12 relative to the size of the
 * terms: each entry is a sum of `inner` products of O(1) numbers), and are bit-identical for every thread
 * count (fixed blocks). Skipped, with the reason, where no native BLAS is loaded or
 * {@code -Dbenign.blas=java} forces the Java kernels (which then run everywhere).
 */
class NativeBlasTest {

    static double[] random(UniformRandomProvider rng, int size) {
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

    /** W (m×p), X (n×p) and C (m×n) for one size {m, n, p}, drawn in that order. */
    private record Operands(int m, int n, int p, double[] w, double[] x, double[] c) {
        static Operands draw(UniformRandomProvider rng, int[] size) {
            int m = size[0];
            int n = size[1];
            int p = size[2];
            return new Operands(m, n, p, random(rng, m * p), random(rng, n * p), random(rng, m * n));
        }

        String where() {
            return " (m=" + m + " n=" + n + " p=" + p + ")";
        }
    }

    /**
     * The adding variant turns {@code addend} into addend + the product the plain variant writes, to 1e-12 times
     * the number of terms in each entry.
     */
    private static void assertAdds(double[] addend, Consumer<double[]> adding, Consumer<double[]> plain, int terms,
            String what) {
        double[] sum = addend.clone();
        adding.accept(sum);
        double[] product = new double[addend.length];
        plain.accept(product);
        for (int k = 0; k < addend.length; k++) {
            assertEquals(addend[k] + product[k], sum[k], 1e-12 * terms, what);
        }
    }

    private static void assumeNative() {
        assumeTrue(NativeBlas.available(), "native BLAS not in use, the Java kernels run: " + NativeBlas.description());
    }

    @Test
    void describesWhatIsUsed() {
        String d = NativeBlas.description();
        assertTrue(d.matches("native BLAS \\(dev\\.ludovic\\.netlib .+\\)") || d.matches("Java kernels \\(.+\\)"),
                "says which and why: " + d);
        assertEquals(NativeBlas.available(), d.startsWith("native BLAS"), d);
        if ("java".equals(System.getProperty(NativeBlas.PROPERTY))) {
            assertEquals("Java kernels (forced by -Dbenign.blas=java)", d);
        }
    }

    /** Sizes that cross the block boundaries (several row and column blocks, ragged last blocks). */
    private static final int[][] SIZES = {{7, 5, 301}, {70, 33, 4500}, {65, 100, 2049}, {1, 1, 1}};

    @Test
    void productsAgreeWithTheJavaKernelsTo1e12Relative() {
        assumeNative();
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(11L);
        for (int[] size : SIZES) {
            Operands o = Operands.draw(rng, size);
            try (ParallelNetworkOps ops = new ParallelNetworkOps(2)) {
                // Z^T = W X^T
                double[] zt = new double[o.m() * o.n()];
                NativeBlas.multiplyTransB(o.w(), o.x(), zt, o.m(), o.n(), o.p(), ops);
                double[][] ztJava = new double[o.m()][o.n()];
                NetworkOps.preActivationsT(o.w(), NetworkOps.transpose(rows(o.x(), o.n(), o.p())), ztJava);
                for (int j = 0; j < o.m(); j++) {
                    for (int i = 0; i < o.n(); i++) {
                        assertEquals(ztJava[j][i], zt[j * o.n() + i], 1e-12 * o.p(),
                                "Z^T[" + j + "][" + i + "]" + o.where());
                    }
                }
                // G = C X
                double[] g = new double[o.m() * o.p()];
                NativeBlas.multiply(o.c(), o.x(), g, o.m(), o.n(), o.p(), ops);
                double[] gJava = new double[o.m() * o.p()];
                NetworkOps.gradient(o.c(), rows(o.x(), o.n(), o.p()), new double[o.m()][o.p()], gJava);
                for (int k = 0; k < o.m() * o.p(); k++) {
                    assertEquals(gJava[k], g[k], 1e-12 * o.n(), "G[" + k + "]" + o.where());
                }
            }
        }
    }

    @Test
    void productsAreBitIdenticalForEveryThreadCount() {
        assumeNative();
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(12L);
        int m = 70;
        int n = 33;
        int p = 4500;
        double[] w = random(rng, m * p);
        double[] x = random(rng, n * p);
        double[] c = random(rng, m * n);
        double[] zt1 = new double[m * n];
        double[] g1 = new double[m * p];
        try (ParallelNetworkOps ops = new ParallelNetworkOps(1)) {
            NativeBlas.multiplyTransB(w, x, zt1, m, n, p, ops);
            NativeBlas.multiply(c, x, g1, m, n, p, ops);
        }
        for (int threads = 2; threads <= 4; threads++) {
            for (int repeat = 0; repeat < 3; repeat++) {
                double[] zt = new double[m * n];
                double[] g = new double[m * p];
                try (ParallelNetworkOps ops = new ParallelNetworkOps(threads)) {
                    NativeBlas.multiplyTransB(w, x, zt, m, n, p, ops);
                    NativeBlas.multiply(c, x, g, m, n, p, ops);
                }
                // assertArrayEquals with delta 0 compares with ==; Arrays.equals compares bit patterns
                assertTrue(java.util.Arrays.equals(zt1, zt), "Z^T, threads = " + threads);
                assertTrue(java.util.Arrays.equals(g1, g), "G, threads = " + threads);
            }
        }
    }

    /** A A^T, both splittings, against the Java kernels; exactly symmetric; blocks bit-identical across threads. */
    @Test
    void gramAgreesWithTheJavaKernelsAndIsExactlySymmetric() {
        assumeNative();
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(13L);
        int[][] sizes = {{1, 1}, {7, 301}, {33, 20}, {70, 4500}, {300, 2049}};
        for (int[] size : sizes) {
            int rows = size[0];
            int inner = size[1];
            double[] a = random(rng, rows * inner);
            double[][] aRows = rows(a, rows, inner);
            double[][] expected = new double[rows][rows];
            NetworkOps.multiply(aRows, NetworkOps.transpose(aRows), expected, 0, rows, 0, rows);
            double[] out = new double[rows * rows];
            NativeBlas.gram(a, out, rows, inner);
            String where = " (rows=" + rows + " inner=" + inner + ")";
            for (int j = 0; j < rows; j++) {
                for (int k = 0; k < rows; k++) {
                    assertEquals(expected[j][k], out[j * rows + k], 1e-12 * inner, "A A^T[" + j + "][" + k + "]" + where);
                    assertEquals(out[j * rows + k], out[k * rows + j], 0.0, "symmetric" + where);
                }
            }
        }
    }

    /** One call and fixed blocks agree to rounding; the beta = 1 variants add to what the output holds. */
    @Test
    void splittingsAgreeAndTheAddingVariantsAdd() {
        assumeNative();
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(14L);
        // small (serial row blocks below SMALL_PRODUCT) and large products
        int[][] sizes = {{200, 100, 100}, {7, 5, 301}, {70, 33, 4500}, {65, 100, 2049}};
        for (int[] size : sizes) {
            Operands o = Operands.draw(rng, size);
            try (ParallelNetworkOps ops = new ParallelNetworkOps(2)) {
                double[] ztBlocks = new double[o.m() * o.n()];
                double[] ztOne = new double[o.m() * o.n()];
                NativeBlas.multiplyTransB(o.w(), o.x(), ztBlocks, o.m(), o.n(), o.p(), ops, false);
                NativeBlas.multiplyTransB(o.w(), o.x(), ztOne, o.m(), o.n(), o.p(), ops, true);
                double[] gBlocks = new double[o.m() * o.p()];
                double[] gOne = new double[o.m() * o.p()];
                NativeBlas.multiply(o.c(), o.x(), gBlocks, o.m(), o.n(), o.p(), ops, false);
                NativeBlas.multiply(o.c(), o.x(), gOne, o.m(), o.n(), o.p(), ops, true);
                for (int k = 0; k < o.m() * o.n(); k++) {
                    assertEquals(ztBlocks[k], ztOne[k], 1e-12 * o.p(), "Z^T" + o.where());
                }
                for (int k = 0; k < o.m() * o.p(); k++) {
                    assertEquals(gBlocks[k], gOne[k], 1e-12 * o.n(), "G" + o.where());
                }
                assertAdds(random(rng, o.m() * o.n()),
                        out -> NativeBlas.multiplyTransBAdd(o.w(), o.x(), out, o.m(), o.n(), o.p(), ops),
                        out -> NativeBlas.multiplyTransB(o.w(), o.x(), out, o.m(), o.n(), o.p(), ops),
                        o.p(), "out + A B^T" + o.where());
                assertAdds(random(rng, o.m() * o.p()),
                        out -> NativeBlas.multiplyAdd(o.c(), o.x(), out, o.m(), o.n(), o.p(), ops),
                        out -> NativeBlas.multiply(o.c(), o.x(), out, o.m(), o.n(), o.p(), ops),
                        o.n(), "G + C X" + o.where());
            }
        }
    }

    @Test
    void libraryThreadsOnlyForAMultiThreadedOpenBlas() {
        assertEquals(1, NativeBlas.libraryThreads("/usr/lib/x86_64-linux-gnu/blas/libblas.so.3"));
        assertEquals(1, NativeBlas.libraryThreads("/usr/lib/x86_64-linux-gnu/openblas-serial/libblas.so.3"));
        assertEquals(1, NativeBlas.libraryThreads("libblas.so.3"));
        int t = NativeBlas.libraryThreads("/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so");
        assertTrue(t >= 1 && t <= Runtime.getRuntime().availableProcessors(), "threads " + t);
        if ("1".equals(System.getenv("OPENBLAS_NUM_THREADS"))) { // as the build sets it for the tests
            assertEquals(1, t);
            assertTrue(!NativeBlas.oneCall(), "one OpenBLAS thread: fixed blocks");
            assertEquals("blocks", NativeBlas.splitting());
        }
    }
}
