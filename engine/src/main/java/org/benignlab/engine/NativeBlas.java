package org.benignlab.engine;

import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The system BLAS (JNI through dev.ludovic.netlib, the binding Spark MLlib uses) for the large products
 * that involve p (the dense engine's step and evaluation, the span engine's setup), when a native library ({@code libblas.so.3}, e.g. Debian's {@code libopenblas0-pthread})
 * can be loaded and {@code -Dbenign.blas=java} does not turn it off. Otherwise the dense engine uses its
 * own Java kernels ({@link ParallelNetworkOps}).
 *
 * <p>Determinism: each product is one dgemm call, never split by our thread count, so the numbers do not
 * depend on {@code --threads} or on machine load (OpenBLAS splits a product over its own threads by a
 * static partition). They may differ in the last bits from the Java kernels, and between machines whose
 * BLAS differs (library, version, core count): the summation order is the BLAS's.
 *
 * <p>All matrices are flat row-major arrays; each method says which dgemm computes it (BLAS is
 * column-major: a row-major r x c matrix is the column-major c x r matrix with leading dimension c).
 */
public final class NativeBlas {
    /** System property that forces the Java kernels: {@code -Dbenign.blas=java}. */
    public static final String PROPERTY = "benign.blas";

    // kept strongly reachable so the level set below sticks
    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib");
    // declared before BLAS: load() sets it during class initialisation
    private static String failure = "";
    private static final NativeBLAS BLAS = load();

    private NativeBlas() {
    }

    private static NativeBLAS load() {
        if ("java".equalsIgnoreCase(System.getProperty(PROPERTY, ""))) {
            failure = "-D" + PROPERTY + "=java";
            return null;
        }
        NETLIB_LOG.setLevel(Level.OFF); // the binding logs each implementation it fails to load
        try {
            return NativeBLAS.getInstance();
        } catch (Throwable e) { // UnsatisfiedLinkError, ExceptionInInitializerError, RuntimeException
            failure = "no native BLAS found: " + e.getClass().getSimpleName();
            return null;
        }
    }

    /** Whether the native library is in use. */
    public static boolean available() {
        return BLAS != null;
    }

    /** What the products that involve p run on, for provenance. */
    public static String description() {
        return BLAS != null
                ? "native BLAS (" + BLAS.getClass().getSimpleName() + " via dev.ludovic.netlib -> libblas.so.3)"
                : "Java kernels (" + failure + ")";
    }

    /**
     * Z^T = W X^T: zt (m x n) from w (m x p) and x (n x p); dgemm("T", "N", n, m, p) on the column-major
     * views, giving the column-major n x m matrix X W^T, which is Z^T row-major.
     *
     * @param w  W, row-major m x p (not modified)
     * @param x  X, row-major n x p (not modified)
     * @param zt receives Z^T, row-major m x n (modified)
     */
    static void multiplyTransB(double[] w, double[] x, double[] zt, int m, int n, int p) {
        BLAS.dgemm("T", "N", n, m, p, 1.0, x, p, w, p, 0.0, zt, n);
    }

    /**
     * G = C X: g (m x p) from c (m x n) and x (n x p); dgemm("N", "N", p, m, n) on the column-major views
     * (X^T C^T = G^T column-major = G row-major).
     *
     * @param c C, row-major m x n (not modified)
     * @param x X, row-major n x p (not modified)
     * @param g receives C X, row-major m x p (modified)
     */
    static void multiply(double[] c, double[] x, double[] g, int m, int n, int p) {
        BLAS.dgemm("N", "N", p, m, n, 1.0, x, p, c, n, 0.0, g, p);
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
