package org.benignlab.engine;

import java.util.Arrays;

/**
 * {@link Products} on Java kernels: C = A B by the blocked loop of {@link NetworkOps} (two rows of C and two inner
 * indices at a time, each entry summed in increasing inner index from 0) on flat arrays; A B^T as A (B^T) with B
 * transposed first. Rows of the output are split over the threads in parts fixed by the sizes, each computed by the
 * serial loop, so the numbers equal the serial kernel's bit for bit whatever the thread count.
 */
final class JavaProducts implements Products {
    static final JavaProducts INSTANCE = new JavaProducts();

    /** About how many doubles of B a block of the loop keeps in cache (as {@link NetworkOps}). */
    private static final int BLOCK_DOUBLES = 32 * 1024;

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
        double[] bt = transpose(b, rowsB, inner, ops);
        product(a, bt, out, rowsA, inner, rowsB, ops);
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
        product(c, x, g, m, n, p, ops);
    }

    @Override
    public void multiplyAdd(double[] c, double[] x, double[] g, int m, int n, int p, ParallelNetworkOps ops) {
        double[] product = new double[m * p];
        product(c, x, product, m, n, p, ops);
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
        double[] bt = new double[inner * cols];
        for (int c = 0; c < cols; c++) {
            int o = (c0 + c) * inner;
            for (int k = 0; k < inner; k++) {
                bt[k * cols + c] = a[o + k];
            }
        }
        double[] piece = new double[count * cols];
        core(a, r0 * inner, inner, bt, cols, piece, 0, cols, count, inner);
        for (int r = 0; r < count; r++) {
            System.arraycopy(piece, r * cols, out, (r0 + r) * ld + c0, diagonal ? r + 1 : cols);
        }
    }

    @Override
    public String toString() {
        return "Java kernels";
    }

    /** c (rows x cols) = a (rows x inner) b (inner x cols), rows split over the threads. */
    private static void product(double[] a, double[] b, double[] c, int rows, int inner, int cols,
                                ParallelNetworkOps ops) {
        check("a", a.length, (long) rows * inner);
        check("b", b.length, (long) inner * cols);
        check("out", c.length, (long) rows * cols);
        if (rows == 0 || cols == 0) {
            return;
        }
        int parts = Math.min(ops.threads(), rows);
        ops.forEachBlock(parts, t -> {
            int r0 = (int) ((long) rows * t / parts);
            int r1 = (int) ((long) rows * (t + 1) / parts);
            core(a, r0 * inner, inner, b, cols, c, r0 * cols, cols, r1 - r0, inner);
        });
    }

    /** B^T (cols x rows) of b (rows x cols), columns of B split over the threads. */
    private static double[] transpose(double[] b, int rows, int cols, ParallelNetworkOps ops) {
        check("b", b.length, (long) rows * cols);
        double[] bt = new double[rows * cols];
        int parts = Math.max(1, Math.min(ops.threads(), cols));
        ops.forEachBlock(parts, t -> {
            int k0 = (int) ((long) cols * t / parts);
            int k1 = (int) ((long) cols * (t + 1) / parts);
            for (int r = 0; r < rows; r++) {
                int o = r * cols;
                for (int k = k0; k < k1; k++) {
                    bt[k * rows + r] = b[o + k];
                }
            }
        });
        return bt;
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

    /**
     * c[oc + r·ldc + k] = Σ_q a[oa + r·lda + q] b[q·ldb + k] for r &lt; rows, k &lt; ldb: column blocks x inner
     * blocks (so that a block of B stays in cache), then two rows of C and two inner indices at a time; each entry
     * is summed in increasing q from 0 (c + s0 x0 + s1 x1 evaluates as (c + s0 x0) + s1 x1).
     */
    private static void core(double[] a, int oa, int lda, double[] b, int ldb, double[] c, int oc, int ldc,
                             int rows, int inner) {
        int width = ldb;
        for (int r = 0; r < rows; r++) {
            Arrays.fill(c, oc + r * ldc, oc + r * ldc + width, 0.0);
        }
        if (rows == 0 || width == 0 || inner == 0) {
            return;
        }
        int colBlock = Math.max(256, BLOCK_DOUBLES / inner);
        for (int cb = 0; cb < width; cb += colBlock) {
            int ce = Math.min(width, cb + colBlock);
            int innerBlock = Math.max(16, BLOCK_DOUBLES / Math.min(width, colBlock));
            for (int qb = 0; qb < inner; qb += innerBlock) {
                int qe = Math.min(inner, qb + innerBlock);
                int r = 0;
                for (; r + 1 < rows; r += 2) {
                    int c0 = oc + r * ldc;
                    int c1 = c0 + ldc;
                    int a0 = oa + r * lda;
                    int a1 = a0 + lda;
                    int q = qb;
                    for (; q + 1 < qe; q += 2) {
                        double s0 = a[a0 + q];
                        double s1 = a[a0 + q + 1];
                        double t0 = a[a1 + q];
                        double t1 = a[a1 + q + 1];
                        int b0 = q * ldb;
                        int b1 = b0 + ldb;
                        for (int k = cb; k < ce; k++) {
                            double x0 = b[b0 + k];
                            double x1 = b[b1 + k];
                            c[c0 + k] = c[c0 + k] + s0 * x0 + s1 * x1;
                            c[c1 + k] = c[c1 + k] + t0 * x0 + t1 * x1;
                        }
                    }
                    if (q < qe) {
                        double s0 = a[a0 + q];
                        double t0 = a[a1 + q];
                        int b0 = q * ldb;
                        for (int k = cb; k < ce; k++) {
                            double x0 = b[b0 + k];
                            c[c0 + k] = c[c0 + k] + s0 * x0;
                            c[c1 + k] = c[c1 + k] + t0 * x0;
                        }
                    }
                }
                if (r < rows) {
                    int c0 = oc + r * ldc;
                    int a0 = oa + r * lda;
                    int q = qb;
                    for (; q + 1 < qe; q += 2) {
                        double s0 = a[a0 + q];
                        double s1 = a[a0 + q + 1];
                        int b0 = q * ldb;
                        int b1 = b0 + ldb;
                        for (int k = cb; k < ce; k++) {
                            c[c0 + k] = c[c0 + k] + s0 * b[b0 + k] + s1 * b[b1 + k];
                        }
                    }
                    if (q < qe) {
                        double s0 = a[a0 + q];
                        int b0 = q * ldb;
                        for (int k = cb; k < ce; k++) {
                            c[c0 + k] = c[c0 + k] + s0 * b[b0 + k];
                        }
                    }
                }
            }
        }
    }
}
