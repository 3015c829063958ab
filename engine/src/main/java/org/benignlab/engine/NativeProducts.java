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
        lowerGram(a, 0, out, rows, inner, inner, ops);
        if (!NativeBlas.oneCall()) { // one call: NativeBlas.gram wrote both triangles
            for (int j = 0; j < rows; j++) {
                for (int k = j + 1; k < rows; k++) {
                    out[j * rows + k] = out[k * rows + j];
                }
            }
        }
    }

    /**
     * The pieces of {@link #gram}'s lower triangle, each summing only over the columns where its rows can be nonzero:
     * rows [r0, r1) against rows [c0, c1) (c1 &lt;= r1) over the first min(inner, c1 + shift) columns, about a third of
     * the multiply-adds of {@link #gram} for a square lower-triangular A; the upper triangle is not written. One dsyrk
     * over all columns (both triangles) when OpenBLAS threads its calls.
     */
    @Override
    public void lowerGram(double[] a, int offset, double[] out, int rows, int inner, int shift,
                          ParallelNetworkOps ops) {
        if (NativeBlas.oneCall() || rows == 0 || inner == 0) {
            NativeBlas.gram(offset == 0 ? a : java.util.Arrays.copyOfRange(a, offset, offset + rows * inner), out,
                    rows, inner);
            return;
        }
        int groups = NativeBlas.groups(rows);
        int pieces = groups * (groups + 1) / 2;
        ops.forEachBlock(pieces, new java.util.function.IntConsumer() { // no lambda: ParallelNetworkOps
            @Override
            public void accept(int q) {
                int i = (int) ((Math.sqrt(8.0 * q + 1) - 1) / 2); // row group of the q-th piece of the lower triangle
                while (i * (i + 1) / 2 > q) {
                    i--;
                }
                while ((i + 1) * (i + 2) / 2 <= q) {
                    i++;
                }
                int j = q - i * (i + 1) / 2;
                int c1 = NativeBlas.bound(rows, groups, j + 1);
                int extent = (int) Math.min(inner, (long) c1 + shift);
                NativeBlas.gramPiece(a, offset, inner, extent, out, rows, NativeBlas.bound(rows, groups, i),
                        NativeBlas.bound(rows, groups, i + 1), NativeBlas.bound(rows, groups, j), c1);
            }
        });
    }

    /**
     * A copied into out, then dtrmm in place on blocks of {@value NativeBlas#PIECE} rows (fixed by the sizes) spread
     * over {@code ops}' threads, or one dtrmm when OpenBLAS threads its calls itself.
     */
    @Override
    public void multiplyTransLower(double[] a, double[] lower, double[] out, int rows, int size,
                                   ParallelNetworkOps ops) {
        System.arraycopy(a, 0, out, 0, rows * size);
        if (NativeBlas.oneCall()) {
            NativeBlas.multiplyTransLowerRows(out, lower, size, 0, rows);
            return;
        }
        int blocks = (rows + NativeBlas.PIECE - 1) / NativeBlas.PIECE;
        ops.forEachBlock(blocks, new java.util.function.IntConsumer() { // no lambda: ParallelNetworkOps
            @Override
            public void accept(int b) {
                NativeBlas.multiplyTransLowerRows(out, lower, size, b * NativeBlas.PIECE,
                        Math.min(rows, (b + 1) * NativeBlas.PIECE));
            }
        });
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
