package org.benignlab.engine;

/**
 * {@link Products} on the Java kernels of {@link NetworkOps} and {@link ParallelNetworkOps}: C = A B by their blocked
 * loop (each entry summed in increasing inner index from 0), with B copied into rows and C written through rows
 * (one array per row: the loop runs faster than on one flat array); A B^T as A (B^T) with B transposed
 * into rows first. Rows of the output are split over the threads in parts fixed by the sizes, each computed by the
 * serial loop, so the numbers equal the serial kernel's bit for bit whatever the thread count.
 */
final class JavaProducts implements Products {
    static final JavaProducts INSTANCE = new JavaProducts();

    private JavaProducts() {
    }

    @Override
    public String description() {
        return "Java kernels (" + (NativeBlas.available() ? "chosen for this run; a native BLAS is loaded"
                : NativeBlas.description().replaceFirst("^Java kernels \\((.*)\\)$", "$1")) + ")";
    }

    @Override
    public boolean selfThreaded() {
        return false;
    }

    @Override
    public void multiplyTransB(double[] a, double[] b, double[] out, int rowsA, int rowsB, int inner,
                               ParallelNetworkOps ops) {
        check("b", b.length, (long) rowsB * inner);
        double[][] bt = new double[inner][rowsB];
        int parts = Math.max(1, Math.min(ops.threads(), inner));
        ops.forEachBlock(parts, t -> {
            int k0 = (int) ((long) inner * t / parts);
            int k1 = (int) ((long) inner * (t + 1) / parts);
            for (int r = 0; r < rowsB; r++) {
                int o = r * inner;
                for (int k = k0; k < k1; k++) {
                    bt[k][r] = b[o + k];
                }
            }
        });
        rowProduct(a, bt, out, rowsA, inner, rowsB, ops);
    }

    @Override
    public void multiplyTransBAdd(double[] a, double[] b, double[] out, int rowsA, int rowsB, int inner,
                                  ParallelNetworkOps ops) {
        double[] product = new double[rowsA * rowsB];
        multiplyTransB(a, b, product, rowsA, rowsB, inner, ops);
        add(product, out, rowsA * rowsB);
    }

    @Override
    public void multiply(double[] c, double[] x, double[] g, int m, int n, int p, ParallelNetworkOps ops) {
        rowProduct(c, rows(x, n, p), g, m, n, p, ops);
    }

    /** The rows of a flat rows x cols matrix as arrays. */
    private static double[][] rows(double[] x, int rows, int cols) {
        check("x", x.length, (long) rows * cols);
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = java.util.Arrays.copyOfRange(x, r * cols, (r + 1) * cols);
        }
        return out;
    }

    @Override
    public void multiplyAdd(double[] c, double[] x, double[] g, int m, int n, int p, ParallelNetworkOps ops) {
        double[] product = new double[m * p];
        multiply(c, x, product, m, n, p, ops);
        add(product, g, m * p);
    }

    @Override
    public void gram(double[] a, double[] out, int rows, int inner, ParallelNetworkOps ops) {
        multiplyTransB(a, a, out, rows, rows, inner, ops);
        for (int j = 0; j < rows; j++) { // already equal bit for bit (the same products in the same order)
            for (int k = j + 1; k < rows; k++) {
                out[j * rows + k] = out[k * rows + j];
            }
        }
    }

    /**
     * {@link #gram} of the rows read from {@code offset}: the zero terms beyond r + shift add nothing to a sum taken in
     * increasing inner index, so skipping them would give these numbers too.
     */
    @Override
    public void lowerGram(double[] a, int offset, double[] out, int rows, int inner, int shift,
                          ParallelNetworkOps ops) {
        gram(offset == 0 ? a : java.util.Arrays.copyOfRange(a, offset, offset + rows * inner), out, rows, inner, ops);
    }

    /**
     * {@link #multiplyTransB} (the zeros above the diagonal add nothing to a sum in increasing inner index); out may
     * be a, which the product reads whole before anything is written.
     */
    @Override
    public void multiplyTransLower(double[] a, double[] lower, double[] out, int rows, int size,
                                   ParallelNetworkOps ops) {
        multiplyTransB(a, lower, out, rows, size, size, ops);
    }

    @Override
    public void gramPiece(double[] a, double[] out, int ld, int inner, int r0, int r1, int c0, int c1) {
        int count = r1 - r0;
        int cols = c1 - c0;
        if (count <= 0 || cols <= 0) {
            return;
        }
        boolean diagonal = r0 == c0;
        if (!diagonal && c1 > r0) {
            throw new IllegalArgumentException("gramPiece: columns [" + c0 + ", " + c1 + ") reach past rows ["
                    + r0 + ", " + r1 + ")");
        }
        double[][] bt = new double[inner][cols];
        for (int c = 0; c < cols; c++) {
            int o = (c0 + c) * inner;
            for (int k = 0; k < inner; k++) {
                bt[k][c] = a[o + k];
            }
        }
        double[][] piece = new double[r1][];
        for (int r = r0; r < r1; r++) {
            piece[r] = new double[cols];
        }
        NetworkOps.multiply(a, inner, bt, piece, r0, r1, 0, cols);
        for (int r = 0; r < count; r++) {
            System.arraycopy(piece[r0 + r], 0, out, (r0 + r) * ld + c0, diagonal ? r + 1 : cols);
        }
    }

    @Override
    public String toString() {
        return "Java kernels";
    }

    /** c (rows x cols) = a (rows x inner) b (inner x cols, given as rows), by {@link ParallelNetworkOps#multiply}. */
    private static void rowProduct(double[] a, double[][] b, double[] c, int rows, int inner, int cols,
                                   ParallelNetworkOps ops) {
        check("a", a.length, (long) rows * inner);
        check("out", c.length, (long) rows * cols);
        if (rows == 0 || cols == 0) {
            return;
        }
        double[][] out = new double[rows][cols];
        ops.multiply(a, inner, b, out, rows, cols);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(out[r], 0, c, r * cols, cols);
        }
    }

    /** target[i] = product[i] + target[i] for i &lt; count. */
    private static void add(double[] product, double[] target, int count) {
        for (int i = 0; i < count; i++) {
            target[i] = product[i] + target[i];
        }
    }

    private static void check(String what, int length, long needed) {
        if (length < needed) {
            throw new IllegalArgumentException("product: " + what + " has " + length + " entries, needs " + needed);
        }
    }
}
