package org.benignlab.engine;

/**
 * The matrix products of the engines, on one backend chosen once per run and handed to the engine
 * ({@link Engines#create(String, int, Products)}): the native BLAS ({@link #nativeBlas()}, through {@link NativeBlas})
 * or the Java kernels ({@link #javaKernels()}). Each engine has one code path and calls these methods; which backend
 * ran is recorded in provenance ({@link #description()}).
 *
 * <p>All matrices are flat row-major arrays. Every method's numbers are fixed by the sizes and the backend, never by
 * the thread count of the {@link ParallelNetworkOps} that runs its blocks. The two backends sum in different orders,
 * so they agree to about 1e-12 relative, not bit for bit; the Java kernels sum each entry in increasing inner index
 * from 0, the order of {@link NetworkOps}.
 *
 * <p>An implementation is stateless and safe to share between runs and threads (each call uses its own buffers).
 */
public interface Products {

    /** The Java kernels: always available. */
    static Products javaKernels() {
        return JavaProducts.INSTANCE;
    }

    /**
     * The native BLAS this process loaded ({@link NativeBlas}: bundled OpenBLAS, the system's, or none, decided once
     * by {@code -Dbenign.blas} when the library loads).
     *
     * @throws IllegalStateException when no native library is loaded (the message says why)
     */
    static Products nativeBlas() {
        if (!NativeBlas.available()) {
            throw new IllegalStateException("no native BLAS: " + NativeBlas.description());
        }
        return NativeProducts.INSTANCE;
    }

    /** The native BLAS when this process loaded one, else the Java kernels. */
    static Products preferred() {
        return NativeBlas.available() ? NativeProducts.INSTANCE : JavaProducts.INSTANCE;
    }

    /**
     * Which kernels run the products, for provenance: {@code "native BLAS (...)"} with the library and its thread
     * setting, or {@code "Java kernels (...)"}.
     */
    String description();

    /**
     * Whether a large product is one call that the library threads itself (OpenBLAS with more than one thread of
     * its own); then an engine should not split work over its own threads as well.
     */
    boolean selfThreaded();

    /**
     * out = A B^T: out (rowsA x rowsB) from a (rowsA x inner) and b (rowsB x inner).
     *
     * @param a   A (not modified)
     * @param b   B (not modified)
     * @param out receives A B^T (modified: its first rowsA·rowsB entries)
     * @param ops runs the blocks (its thread count does not change the result)
     */
    void multiplyTransB(double[] a, double[] b, double[] out, int rowsA, int rowsB, int inner, ParallelNetworkOps ops);

    /**
     * out = out + A B^T, as {@link #multiplyTransB} with the product added to what {@code out} holds.
     *
     * @param out holds the addend, receives out + A B^T (modified)
     */
    void multiplyTransBAdd(double[] a, double[] b, double[] out, int rowsA, int rowsB, int inner,
                           ParallelNetworkOps ops);

    /**
     * G = C X: g (m x p) from c (m x n) and x (n x p).
     *
     * @param c   C (not modified)
     * @param x   X (not modified)
     * @param g   receives C X (modified: its first m·p entries)
     * @param ops runs the blocks (its thread count does not change the result)
     */
    void multiply(double[] c, double[] x, double[] g, int m, int n, int p, ParallelNetworkOps ops);

    /**
     * G = G + C X, as {@link #multiply} with the product added to what {@code g} holds.
     *
     * @param g holds the addend, receives G + C X (modified)
     */
    void multiplyAdd(double[] c, double[] x, double[] g, int m, int n, int p, ParallelNetworkOps ops);

    /**
     * out = A A^T (rows x rows) from a (rows x inner), exactly symmetric (both triangles written, bit-for-bit equal).
     *
     * @param a   A (not modified)
     * @param out receives A A^T (modified)
     * @param ops runs the blocks (its thread count does not change the result)
     */
    void gram(double[] a, double[] out, int rows, int inner, ParallelNetworkOps ops);

    /**
     * The lower triangle of out = A A^T (rows x rows) with {@link #gram}'s numbers there, for an A whose row r is zero
     * beyond column r + shift (e.g. a lower-triangular factor: shift 0), read from {@code offset}; the native BLAS
     * skips the zero parts (about a third of the multiply-adds of {@link #gram} for a square triangular A).
     *
     * @param a      A, rows of length inner from {@code offset} (not modified; the entries beyond r + shift in row r
     *               must be zero)
     * @param out    receives A A^T on and below the diagonal, out[r·rows + c] for c &lt;= r (modified; what it gets
     *               above the diagonal is unspecified)
     * @param ops    runs the blocks (its thread count does not change the result)
     */
    void lowerGram(double[] a, int offset, double[] out, int rows, int inner, int shift, ParallelNetworkOps ops);

    /**
     * out = A L^T for a lower-triangular L: out (rows x size) from a (rows x size) and L (size x size, its entries
     * above the diagonal not read). The native BLAS does about half the multiply-adds of {@link #multiplyTransB}
     * (dtrmm); the Java kernels give {@link #multiplyTransB}'s numbers (with the zeros above the diagonal, which must
     * then be zero).
     *
     * @param a     A (not modified)
     * @param lower L (not modified)
     * @param out   receives A L^T (modified: its first rows·size entries); may be {@code a} itself
     * @param ops   runs the blocks (its thread count does not change the result)
     */
    void multiplyTransLower(double[] a, double[] lower, double[] out, int rows, int size, ParallelNetworkOps ops);

    /**
     * One piece of the lower triangle of A A^T on the calling thread: rows [r0, r1) of A against rows [c0, c1), with
     * c1 &lt;= r0, or the diagonal block r0 = c0, r1 = c1 (then only its lower triangle is written). The pieces of
     * {@link GramPipeline}.
     *
     * @param a   A, rows of length inner (rows [r0, r1) and [c0, c1) read, not modified)
     * @param out receives the piece: out[r·ld + c] for r in [r0, r1), c in [c0, c1), c &lt;= r (modified)
     * @throws IllegalArgumentException when the columns reach past the rows off the diagonal
     */
    void gramPiece(double[] a, double[] out, int ld, int inner, int r0, int r1, int c0, int c1);
}
