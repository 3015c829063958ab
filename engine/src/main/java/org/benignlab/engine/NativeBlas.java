package org.benignlab.engine;

import dev.ludovic.netlib.blas.NativeBLAS;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The system BLAS (JNI through dev.ludovic.netlib, the binding Spark MLlib uses) for the large products
 * (the dense engine's step and evaluation, the span engine's setup and products), when a native library
 * ({@code libblas.so.3}, e.g. Debian's {@code libopenblas0-pthread}) loads and {@code -Dbenign.blas=java}
 * does not turn it off. Otherwise the engines use their own Java kernels ({@link ParallelNetworkOps}).
 * The library is looked up once, when this class initialises; a load failure is caught and remembered
 * ({@link #description()}), never thrown. The pure-Java fallbacks of the binding (F2J, and VectorBLAS,
 * which needs {@code --add-modules jdk.incubator.vector}) are never used.
 *
 * <p><b>Determinism.</b> Every product is cut into blocks fixed by its sizes alone
 * ({@value #ROW_BLOCK} output rows for A B^T, {@value #COL_BLOCK} output columns for C X), one dgemm call
 * each; our threads take whole blocks ({@link ParallelNetworkOps#forEachBlock}), so the numbers do not
 * depend on the engine's thread count, on which thread computes which block, or on machine load. What
 * they do depend on is the BLAS itself: library, version, CPU kernel and OpenBLAS's own thread count
 * (fixed when the library loads, from {@code OPENBLAS_NUM_THREADS} or the number of cores; measured with
 * OpenBLAS 0.3.21: 1 thread and 2 threads give different last bits for W X^T, 2, 3 and 4 threads on a
 * 2-core machine the same). Run with {@code OPENBLAS_NUM_THREADS=1} to take OpenBLAS's threading out of
 * the numbers (our threads still run the blocks in parallel). The native and the Java kernels sum in
 * different orders, so they agree to about 1e-12 relative, not bit for bit.
 *
 * <p>All matrices are flat row-major arrays. BLAS is column-major: a row-major r x c matrix is the
 * column-major c x r matrix with leading dimension c.
 */
public final class NativeBlas {
    /** System property that forces the Java kernels: {@code -Dbenign.blas=java}. */
    public static final String PROPERTY = "benign.blas";

    /** Output rows per dgemm call in {@link #multiplyTransB}. */
    static final int ROW_BLOCK = 32;

    /** Output columns per dgemm call in {@link #multiply}. */
    static final int COL_BLOCK = 2048;

    // kept strongly reachable so the level set below sticks
    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib");
    // declared before BLAS: load() sets them during class initialisation
    private static String failure = "";
    private static String libraries = "";
    private static final NativeBLAS BLAS = load();

    private NativeBlas() {
    }

    private static NativeBLAS load() {
        if ("java".equalsIgnoreCase(System.getProperty(PROPERTY, "").trim())) {
            failure = "forced by -D" + PROPERTY + "=java";
            return null;
        }
        Level level = NETLIB_LOG.getLevel();
        NETLIB_LOG.setLevel(Level.OFF); // the binding logs each implementation it fails to load
        try {
            NativeBLAS blas = NativeBLAS.getInstance();
            libraries = loadedBlasLibraries();
            return blas;
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError, RuntimeException, ...
            failure = "no native BLAS found: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage());
            return null;
        } finally {
            NETLIB_LOG.setLevel(level);
        }
    }

    /** The BLAS shared objects mapped into this process (Linux: from /proc/self/maps), for provenance. */
    private static String loadedBlasLibraries() {
        Set<String> found = new LinkedHashSet<>();
        Path maps = Path.of("/proc/self/maps");
        if (Files.isReadable(maps)) {
            try (Stream<String> lines = Files.lines(maps)) {
                lines.map(l -> l.substring(l.lastIndexOf(' ') + 1))
                        .filter(f -> f.startsWith("/"))
                        .filter(f -> {
                            String name = f.substring(f.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
                            return (name.contains("blas") || name.contains("mkl")) && !name.contains("netlibblasjni");
                        })
                        .forEach(found::add);
            } catch (IOException | RuntimeException e) {
                // provenance detail only
            }
        }
        return found.isEmpty() ? "libblas.so.3" : String.join(", ", found);
    }

    /** Whether the native library is in use. */
    public static boolean available() {
        return BLAS != null;
    }

    /**
     * Which kernels run the large products, for provenance: {@code "native BLAS (...)"} with the binding,
     * the loaded library files and OpenBLAS's thread setting, or {@code "Java kernels (...)"} with the
     * reason (no native library, with the load error, or forced by {@code -Dbenign.blas=java}).
     */
    public static String description() {
        if (BLAS == null) {
            return "Java kernels (" + failure + ")";
        }
        String threads = System.getenv("OPENBLAS_NUM_THREADS");
        return "native BLAS (dev.ludovic.netlib " + BLAS.getClass().getSimpleName() + " -> " + libraries
                + "; OPENBLAS_NUM_THREADS=" + (threads == null ? "unset" : threads) + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs; fixed blocks of " + ROW_BLOCK + " rows / "
                + COL_BLOCK + " columns)";
    }

    /**
     * out = A B^T: out (rowsA x rowsB) from a (rowsA x inner) and b (rowsB x inner), e.g. Z^T = W X^T.
     * Blocks of {@value #ROW_BLOCK} rows of A (and of out), each dgemm("T", "N", rowsB, rows, inner) on the
     * column-major views (B^T^T A_block^T = (A_block B^T)^T column-major = the block of out row-major).
     *
     * @param a   A, row-major rowsA x inner (not modified)
     * @param b   B, row-major rowsB x inner (not modified)
     * @param out receives A B^T, row-major rowsA x rowsB (modified)
     * @param ops runs the blocks (its thread count does not change the result)
     */
    static void multiplyTransB(double[] a, double[] b, double[] out, int rowsA, int rowsB, int inner,
                               ParallelNetworkOps ops) {
        if (rowsA == 0 || rowsB == 0) {
            return;
        }
        if (inner == 0) {
            java.util.Arrays.fill(out, 0, rowsA * rowsB, 0.0);
            return;
        }
        int blocks = (rowsA + ROW_BLOCK - 1) / ROW_BLOCK;
        ops.forEachBlock(blocks, blk -> {
            int r0 = blk * ROW_BLOCK;
            int rows = Math.min(ROW_BLOCK, rowsA - r0);
            BLAS.dgemm("T", "N", rowsB, rows, inner, 1.0, b, 0, inner, a, r0 * inner, inner,
                    0.0, out, r0 * rowsB, rowsB);
        });
    }

    /**
     * G = C X: g (m x p) from c (m x n) and x (n x p), e.g. the gradient. Blocks of {@value #COL_BLOCK}
     * columns of X (and of G), each dgemm("N", "N", cols, m, n) on the column-major views
     * (X_block^T C^T = G_block^T column-major = the block of G row-major, leading dimension p).
     *
     * @param c   C, row-major m x n (not modified)
     * @param x   X, row-major n x p (not modified)
     * @param g   receives C X, row-major m x p (modified)
     * @param ops runs the blocks (its thread count does not change the result)
     */
    static void multiply(double[] c, double[] x, double[] g, int m, int n, int p, ParallelNetworkOps ops) {
        if (m == 0 || p == 0) {
            return;
        }
        if (n == 0) {
            java.util.Arrays.fill(g, 0, m * p, 0.0);
            return;
        }
        int blocks = (p + COL_BLOCK - 1) / COL_BLOCK;
        ops.forEachBlock(blocks, blk -> {
            int k0 = blk * COL_BLOCK;
            int cols = Math.min(COL_BLOCK, p - k0);
            BLAS.dgemm("N", "N", cols, m, n, 1.0, x, k0, p, c, 0, n, 0.0, g, k0, p);
        });
    }

    /** Rows [from, from + rows) of {@code x} as one row-major array (reusing {@code buffer} when it fits). */
    static double[] flatten(double[][] x, int from, int rows, int cols, double[] buffer) {
        double[] flat = buffer != null && buffer.length >= rows * cols ? buffer : new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x[from + r], 0, flat, r * cols, cols);
        }
        return flat;
    }

    /** The first {@code rows} rows of a row-major array into {@code out}. */
    static void unflatten(double[] flat, double[][] out, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, out[r], 0, cols);
        }
    }
}
