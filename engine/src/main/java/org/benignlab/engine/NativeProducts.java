package org.benignlab.engine;

/** {@link Products} on the native BLAS of {@link NativeBlas} (its splitting into fixed pieces, its provenance). */
final class NativeProducts implements Products {
    static final NativeProducts INSTANCE = new NativeProducts();

    private NativeProducts() {
    }

    @Override
    public String description() {
        return NativeBlas.description();
    }

    @Override
    public boolean selfThreaded() {
        return NativeBlas.oneCall();
    }

    @Override
    public void multiplyTransB(double[] a, double[] b, double[] out, int rowsA, int rowsB, int inner,
                               ParallelNetworkOps ops) {
        NativeBlas.multiplyTransB(a, b, out, rowsA, rowsB, inner, ops);
    }

    @Override
    public void multiplyTransBAdd(double[] a, double[] b, double[] out, int rowsA, int rowsB, int inner,
                                  ParallelNetworkOps ops) {
        NativeBlas.multiplyTransBAdd(a, b, out, rowsA, rowsB, inner, ops);
    }

    @Override
    public void multiply(double[] c, double[] x, double[] g, int m, int n, int p, ParallelNetworkOps ops) {
        NativeBlas.multiply(c, x, g, m, n, p, ops);
    }

    @Override
    public void multiplyAdd(double[] c, double[] x, double[] g, int m, int n, int p, ParallelNetworkOps ops) {
        NativeBlas.multiplyAdd(c, x, g, m, n, p, ops);
    }

    /**
     * One dsyrk when OpenBLAS threads its calls itself; otherwise the lower triangle in pieces of about
     * {@value NativeBlas#PIECE} x {@value NativeBlas#PIECE} ({@link NativeBlas#gramPiece}: dgemm off the diagonal,
     * dsyrk on it) spread over {@code ops}' threads, then copied onto the upper triangle. The pieces are fixed by
     * {@code rows} alone, so the numbers do not depend on the thread count.
     */
    @Override
    public void gram(double[] a, double[] out, int rows, int inner, ParallelNetworkOps ops) {
        if (NativeBlas.oneCall() || rows == 0 || inner == 0) {
            NativeBlas.gram(a, out, rows, inner);
            return;
        }
        int groups = NativeBlas.groups(rows);
        int pieces = groups * (groups + 1) / 2;
        ops.forEachBlock(pieces, q -> {
            int i = (int) ((Math.sqrt(8.0 * q + 1) - 1) / 2); // row group of the q-th piece of the lower triangle
            while (i * (i + 1) / 2 > q) {
                i--;
            }
            while ((i + 1) * (i + 2) / 2 <= q) {
                i++;
            }
            int j = q - i * (i + 1) / 2;
            NativeBlas.gramPiece(a, out, rows, inner, NativeBlas.bound(rows, groups, i),
                    NativeBlas.bound(rows, groups, i + 1), NativeBlas.bound(rows, groups, j),
                    NativeBlas.bound(rows, groups, j + 1));
        });
        for (int j = 0; j < rows; j++) {
            for (int k = j + 1; k < rows; k++) {
                out[j * rows + k] = out[k * rows + j];
            }
        }
    }

    @Override
    public void gramPiece(double[] a, double[] out, int ld, int inner, int r0, int r1, int c0, int c1) {
        NativeBlas.gramPiece(a, out, ld, inner, r0, r1, c0, c1);
    }

    @Override
    public String toString() {
        return "native BLAS";
    }
}
