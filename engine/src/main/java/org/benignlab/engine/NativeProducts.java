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

    @Override
    public void gram(double[] a, double[] out, int rows, int inner, ParallelNetworkOps ops) {
        NativeBlas.gram(a, out, rows, inner);
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
