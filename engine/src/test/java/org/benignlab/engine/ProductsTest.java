package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.benignlab.activations.impl.SmoothedLeakyRelu;
import org.benignlab.distributions.impl.IsotropicGaussian;
import org.benignlab.distributions.impl.RandomFlip;
import org.benignlab.optimizers.impl.GradientDescent;
import org.benignlab.optimizers.impl.LogisticLoss;
import org.junit.jupiter.api.Test;

/**
 * The product seam: the Java kernels equal a plain sum in increasing inner index bit for bit, the native BLAS agrees
 * with them to rounding on sizes that cross its block boundaries (small-product threshold, pieces of about
 * {@value NativeBlas#PIECE} rows, {@value NativeBlas#COL_BLOCK}-column blocks), and each engine gives the same run
 * on either backend, chosen per engine in one process.
 */
class ProductsTest {
    private static final Products JAVA = Products.javaKernels();

    private static double[] random(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[size];
        for (int i = 0; i < size; i++) {
            a[i] = r.nextDouble(-1, 1);
        }
        return a;
    }

    /**
     * out = A B summed in increasing inner index from 0, for A rows × inner and B read with strides:
     * B[k][j] = b[j * jStride + k * kStride].
     */
    private static double[] naiveProduct(double[] a, double[] b, int rows, int cols, int inner, int jStride,
            int kStride) {
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = 0.0;
                for (int k = 0; k < inner; k++) {
                    v = v + a[i * inner + k] * b[j * jStride + k * kStride];
                }
                out[i * cols + j] = v;
            }
        }
        return out;
    }

    /** out = A B^T summed in increasing inner index from 0. */
    private static double[] naiveTransB(double[] a, double[] b, int rowsA, int rowsB, int inner) {
        return naiveProduct(a, b, rowsA, rowsB, inner, inner, 1);
    }

    /** G = C X summed in increasing inner index from 0. */
    private static double[] naive(double[] c, double[] x, int m, int n, int p) {
        return naiveProduct(c, x, m, p, n, 1, p);
    }

    /** A test on the operands of one size {rows, cols, inner}. */
    private interface SizeTest {
        /** @param nextSeed the first seed after the three the operands were drawn from */
        void run(int[] size, int r, int c, int q, double[] a, double[] b, double[] x, long nextSeed);
    }

    /**
     * Runs {@code test} on each size with A (rows × inner), B (cols × inner) and X (inner × cols) drawn from three
     * successive seeds; a size's first seed is {@code seedsPerSize} after the previous one's.
     */
    private static void forEachSize(int[][] sizes, long firstSeed, int seedsPerSize, SizeTest test) {
        long seed = firstSeed;
        for (int[] s : sizes) {
            int r = s[0];
            int c = s[1];
            int q = s[2];
            test.run(s, r, c, q, random(r * q, seed), random(c * q, seed + 1), random(q * c, seed + 2), seed + 3);
            seed += seedsPerSize;
        }
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                    what + " entry " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }

    private static void assertClose(double[] expected, double[] actual, double rel, String what) {
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rel * scale, what + " entry " + i);
        }
    }

    /** Sizes {rows, cols, inner}: odd rows and inner (the kernel's pairs), inner and column blocks crossed. */
    private static final int[][] JAVA_SIZES = {{1, 1, 1}, {3, 5, 7}, {2, 300, 129}, {7, 33, 1100}, {5, 2, 20_000},
        {40, 257, 300}};

    @Test
    void javaKernelsSumInIncreasingInnerIndexForEveryThreadCount() {
        forEachSize(JAVA_SIZES, 1, 3, (s, r, c, q, a, b, x, seed) -> {
            double[] expectT = naiveTransB(a, b, r, c, q);
            double[] expect = naive(a, x, r, q, c);
            for (int threads : new int[] {1, 3}) {
                String where = java.util.Arrays.toString(s) + ", threads " + threads;
                try (ParallelNetworkOps ops = new ParallelNetworkOps(threads)) {
                    double[] out = new double[r * c];
                    JAVA.multiplyTransB(a, b, out, r, c, q, ops);
                    assertBits(expectT, out, "A B^T " + where);
                    double[] g = new double[r * c];
                    JAVA.multiply(a, x, g, r, q, c, ops);
                    assertBits(expect, g, "C X " + where);
                    double[] addend = random(r * c, seed);
                    double[] sum = addend.clone();
                    JAVA.multiplyAdd(a, x, sum, r, q, c, ops);
                    double[] sumT = addend.clone();
                    JAVA.multiplyTransBAdd(a, b, sumT, r, c, q, ops);
                    for (int i = 0; i < r * c; i++) {
                        assertEquals(expect[i] + addend[i], sum[i], 0.0, "G + C X " + where);
                        assertEquals(expectT[i] + addend[i], sumT[i], 0.0, "out + A B^T " + where);
                    }
                    double[] gram = new double[r * r];
                    JAVA.gram(a, gram, r, q, ops);
                    assertBits(naiveTransB(a, a, r, r, q), gram, "A A^T " + where);
                }
            }
        });
    }

    @Test
    void javaGramPiecesFillTheLowerTriangle() {
        int rows = 9;
        int inner = 40;
        double[] a = random(rows * inner, 5);
        double[] expect = naiveTransB(a, a, rows, rows, inner);
        double[] out = new double[rows * rows];
        int[] bounds = {0, 4, 9};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j <= i; j++) {
                JAVA.gramPiece(a, out, rows, inner, bounds[i], bounds[i + 1], bounds[j], bounds[j + 1]);
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < rows; c++) {
                assertEquals(c <= r ? expect[r * rows + c] : 0.0, out[r * rows + c], 0.0, r + ", " + c);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> JAVA.gramPiece(a, out, rows, inner, 0, 4, 2, 6));
    }

    /** The Java kernels and {@code nat} write the same product to 1e-12 relative, into zeros or onto the addend. */
    private static void assertBackendsAgree(Products nat, double[] addend, boolean add,
            BiConsumer<Products, double[]> product, String what) {
        double[] j = add ? addend.clone() : new double[addend.length];
        double[] n = add ? addend.clone() : new double[addend.length];
        product.accept(JAVA, j);
        product.accept(nat, n);
        assertClose(j, n, 1e-12, what);
    }

    /**
     * Sizes {rows, cols, inner} across the native library's boundaries: small products (serial row blocks), the
     * grid of pieces of about 128 rows (groups changing at 192 and 320 rows), C X's 2048-column blocks.
     */
    private static final int[][] NATIVE_SIZES = {{3, 5, 7}, {100, 100, 100}, {191, 193, 300}, {321, 130, 257},
        {100, 2049, 50}, {60, 4500, 40}, {30, 1000, 1000}};

    /** A (rows x inner) with row r zero beyond column r + shift, the rest from {@code seed}. */
    private static double[] lowerTrapezoid(int rows, int inner, int shift, long seed) {
        double[] a = random(rows * inner, seed);
        for (int r = 0; r < rows; r++) {
            for (int c = r + shift + 1; c < inner; c++) {
                a[r * inner + c] = 0.0;
            }
        }
        return a;
    }

    /**
     * The triangular products of the sketch's setup: lowerGram's lower triangle and multiplyTransLower equal the plain
     * sums (the zeros of the triangle included) bit for bit on the Java kernels, agree with them to rounding on the
     * native BLAS across its pieces, and do not depend on the thread count.
     */
    @Test
    void triangularProductsEqualTheFullOnes() {
        List<Products> backends = NativeBlas.available() ? List.of(JAVA, Products.nativeBlas()) : List.of(JAVA);
        for (int[] size : new int[][] {{1, 0}, {5, 1}, {130, 1}, {300, 2}, {1001, 1}}) {
            int rows = size[0];
            int shift = size[1];
            int inner = rows + shift;
            // F' = rows shift..: the sketch's [C, L], read from an offset of `shift` rows of a square factor
            double[] square = lowerTrapezoid(inner, inner, 0, 7L * rows + shift);
            double[] a = java.util.Arrays.copyOfRange(square, shift * inner, inner * inner);
            double[] full = naiveTransB(a, a, rows, rows, inner);
            double[] u = random(37 * inner, rows);
            double[] ulT = naiveTransB(u, square, 37, inner, inner);
            for (Products products : backends) {
                double[] first = null;
                for (int threads = 1; threads <= 3; threads++) {
                    double[] g = new double[rows * rows];
                    double[] out = new double[37 * inner];
                    double[] inPlace = u.clone();
                    try (ParallelNetworkOps ops = new ParallelNetworkOps(threads)) {
                        products.lowerGram(square, shift * inner, g, rows, inner, shift, ops);
                        products.multiplyTransLower(u, square, out, 37, inner, ops);
                        products.multiplyTransLower(inPlace, square, inPlace, 37, inner, ops);
                    }
                    double[] lower = new double[rows * rows];
                    double[] expected = new double[rows * rows];
                    for (int r = 0; r < rows; r++) {
                        System.arraycopy(g, r * rows, lower, r * rows, r + 1);
                        System.arraycopy(full, r * rows, expected, r * rows, r + 1);
                    }
                    String where = products + " rows=" + rows + " shift=" + shift + " threads=" + threads;
                    if (products == JAVA) {
                        assertBits(expected, lower, "lowerGram, " + where);
                        assertBits(ulT, out, "multiplyTransLower, " + where);
                    } else {
                        assertClose(expected, lower, 1e-13, "lowerGram, " + where);
                        assertClose(ulT, out, 1e-13, "multiplyTransLower, " + where);
                    }
                    assertBits(out, inPlace, "multiplyTransLower in place, " + where);
                    double[] both = concat(lower, out);
                    if (first == null) {
                        first = both;
                    } else {
                        assertBits(first, both, "thread count changed the numbers, " + where);
                    }
                }
            }
        }
    }

    private static double[] concat(double[] x, double[] y) {
        double[] out = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    @Test
    void columnBlocksAreFixedByTheColumnsAlone() {
        assertEquals(1, NativeBlas.columnBlocks(100));
        assertEquals(4, NativeBlas.columnBlocks(1000));
        assertEquals(4, NativeBlas.columnBlocks(2000));
        assertEquals(10, NativeBlas.columnBlocks(20_000));
    }

    @Test
    void nativeAndJavaAgreeAcrossTheBlockBoundaries() {
        assumeTrue(NativeBlas.available(), "native BLAS not in use: " + NativeBlas.description());
        Products nat = Products.nativeBlas();
        forEachSize(NATIVE_SIZES, 50, 4, (s, r, c, q, a, b, x, seed) -> {
            double[] addend = random(r * c, seed);
            try (ParallelNetworkOps ops = new ParallelNetworkOps(2)) {
                String where = java.util.Arrays.toString(s);
                for (boolean add : new boolean[] {false, true}) {
                    assertBackendsAgree(nat, addend, add, add
                            ? (backend, out) -> backend.multiplyTransBAdd(a, b, out, r, c, q, ops)
                            : (backend, out) -> backend.multiplyTransB(a, b, out, r, c, q, ops),
                            "A B^T add=" + add + " " + where);
                    assertBackendsAgree(nat, addend, add, add
                            ? (backend, out) -> backend.multiplyAdd(a, x, out, r, q, c, ops)
                            : (backend, out) -> backend.multiply(a, x, out, r, q, c, ops),
                            "C X add=" + add + " " + where);
                }
                double[] gj = new double[r * r];
                double[] gn = new double[r * r];
                JAVA.gram(a, gj, r, q, ops);
                nat.gram(a, gn, r, q, ops);
                assertClose(gj, gn, 1e-12, "A A^T " + where);
                try (ParallelNetworkOps one = new ParallelNetworkOps(1)) {
                    double[] gOne = new double[r * r];
                    nat.gram(a, gOne, r, q, one);
                    assertBits(gn, gOne, "native A A^T, 2 threads vs 1, " + where);
                }
                double[] pj = new double[r * r];
                double[] pn = new double[r * r];
                int half = r / 2;
                JAVA.gramPiece(a, pj, r, q, half, r, 0, half);
                nat.gramPiece(a, pn, r, q, half, r, 0, half);
                JAVA.gramPiece(a, pj, r, q, half, r, half, r);
                nat.gramPiece(a, pn, r, q, half, r, half, r);
                assertClose(pj, pn, 1e-12, "pieces " + where);
            }
        });
    }

    @Test
    void theBackendIsChosenOnceAndNamedInProvenance() {
        assertFalse(JAVA.selfThreaded());
        assertTrue(JAVA.description().startsWith("Java kernels ("), JAVA.description());
        assertSame(NativeBlas.available() ? Products.nativeBlas() : JAVA, Products.preferred());
        if (!NativeBlas.available()) {
            assertThrows(IllegalStateException.class, Products::nativeBlas);
        } else {
            assertTrue(Products.nativeBlas().description().startsWith("native BLAS ("));
        }
        for (String name : Engines.NAMES) {
            assertSame(JAVA, Engines.create(name, 2, JAVA).products(), name);
            assertSame(Products.preferred(), Engines.create(name, 2).products(), name);
        }
    }

    private static List<DenseEngineTest.Rec> run(Engine engine, TrainingSetup s, Plugins pl, long seed) {
        DenseEngineTest.Recorder r = new DenseEngineTest.Recorder(s.coreMetrics());
        engine.train(s, pl, Fixture.streams(seed), r);
        return r.records;
    }

    private static void assertSameRun(List<DenseEngineTest.Rec> expected, List<DenseEngineTest.Rec> actual,
                                      String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            DenseEngineTest.Rec e = expected.get(i);
            DenseEngineTest.Rec a = actual.get(i);
            assertEquals(e.step(), a.step(), what);
            assertEquals(e.metric(), a.metric(), what);
            SpanEngineTest.assertClose(e.value(), a.value(), e.metric() + " at step " + e.step() + ", " + what);
        }
    }

    /**
     * On the Java kernels dense equals span (to 1e-9); each engine's run on the Java kernels equals its run on the
     * native BLAS (to 1e-9), both made in this one process. Sizes: p above a column block, test points in two blocks.
     */
    @Test
    void everyEngineGivesTheSameRunOnEitherBackend() {
        Plugins pl = new Plugins(new SmoothedLeakyRelu(0.1, 1.0), new IsotropicGaussian(),
                new RandomFlip(0.2), new LogisticLoss(), new GradientDescent(0.02));
        TrainingSetup s = new TrainingSetup(20, 2100, 9, Math.pow(2100, 0.3), 1100, 0.01, 40, 0, false, 10);
        List<DenseEngineTest.Rec> denseJava = run(Engines.create("dense", 2, JAVA), s, pl, 7);
        List<DenseEngineTest.Rec> spanJava = run(Engines.create("span", 2, JAVA), s, pl, 7);
        assertSameRun(denseJava, spanJava, "dense vs span, Java kernels");
        TrainingSetup lean = s.withSpectralNorm(false);
        assertSameRun(run(Engines.create("dense", 1, JAVA), lean, pl, 7),
                run(Engines.create("span", 3, JAVA), lean, pl, 7), "dense vs span without ||W||_2, Java kernels");
        assumeTrue(NativeBlas.available(), "native BLAS not in use: " + NativeBlas.description());
        Products nat = Products.nativeBlas();
        assertSameRun(denseJava, run(Engines.create("dense", 2, nat), s, pl, 7), "dense, Java vs native");
        assertSameRun(spanJava, run(Engines.create("span", 2, nat), s, pl, 7), "span, Java vs native");
        assertSameRun(run(Engines.create("sketch", 2, JAVA), s, pl, 7), run(Engines.create("sketch", 2, nat), s, pl, 7),
                "sketch, Java vs native");
    }
}
