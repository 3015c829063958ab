package org.benignlab.engine;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Hands an engine's arrays to the {@link ArraysSink} of an {@link ArrayOutput}, checking each against
 * {@link EngineKind#savedArrays} (same names, shapes and dtypes, same order), so that what is written is what
 * the plan (and the README made from it) says. Reads the engine's arrays, never modifies them, and draws
 * nothing. One per {@link Engine#train} call; not thread-safe.
 */
final class ArraySaver {
    private final ArrayOutput output;
    private final List<ArrayOutput.Entry> plan;
    private final int n;
    private final int m;
    private final int p;
    private int next;
    // kept for the final W = W0 + B X of the span engine (only when the final arrays are asked for)
    private IntFunction<double[]> keptX;
    private IntFunction<double[]> keptW0;

    ArraySaver(ArrayOutput output, EngineKind engine, TrainingSetup setup) {
        this.output = output == null ? ArrayOutput.none() : output;
        this.plan = engine.savedArrays(setup, this.output.groups());
        this.n = setup.n();
        this.m = setup.width();
        this.p = setup.p();
    }

    boolean wants(ArrayGroup group) {
        return output.wants(group);
    }

    /**
     * The {@link ArrayGroup#DATA} arrays (if asked for).
     *
     * @param train the training sample (labels and flips read)
     * @param x     row i of its points (length p), or null when the engine has none (sketch)
     * @param mu    ||μ|| for μ = ||μ|| e_1, or NaN when μ is unknown or not saved (given data, sketch)
     * @param k     K = X X^T, n x n
     */
    void data(Dataset train, IntFunction<double[]> x, double mu, double[][] k) {
        if (!wants(ArrayGroup.DATA)) {
            return;
        }
        if (x != null) {
            rows("X", n, p, x);
        }
        floats("y", new int[] {n}, train.labels);
        floats("y_clean", new int[] {n}, train.cleanLabels);
        byte[] noisy = new byte[n];
        for (int i = 0; i < n; i++) {
            noisy[i] = (byte) (train.flipped[i] ? 1 : 0);
        }
        int8("noisy", new int[] {n}, noisy);
        if (!Double.isNaN(mu)) {
            double[] vector = new double[p];
            vector[0] = mu;
            floats("mu", new int[] {p}, vector);
        }
        rows("K", n, n, i -> k[i]);
    }

    /**
     * The {@link ArrayGroup#INIT} arrays (if asked for).
     *
     * @param a  second layer, length m
     * @param w0 row j of W0 (length p), or null when the engine has no W0 (sketch)
     * @param z0 Z0 = X W0^T, n x m
     */
    void init(double[] a, IntFunction<double[]> w0, double[][] z0) {
        if (!wants(ArrayGroup.INIT)) {
            return;
        }
        floats("a", new int[] {m}, a);
        if (w0 != null) {
            rows("W0", m, p, w0);
        }
        rows("Z0", n, m, i -> z0[i]);
    }

    /**
     * Keeps X and W0 (row i of X and row j of W0 on request, length p; the arrays behind them are kept, not
     * copied) for {@link #finalSpan}, when the final arrays are asked for.
     */
    void keepForFinal(IntFunction<double[]> x, IntFunction<double[]> w0) {
        if (wants(ArrayGroup.FINAL)) {
            keptX = x;
            keptW0 = w0;
        }
    }

    /**
     * The {@link ArrayGroup#FINAL} arrays of the dense engine: W and Z.
     *
     * @param w  W, flat m x p
     * @param zt Z^T, m x n
     */
    void finalDense(double[] w, double[][] zt) {
        if (!wants(ArrayGroup.FINAL)) {
            return;
        }
        double[] row = new double[p];
        rows("W", m, p, j -> {
            System.arraycopy(w, j * p, row, 0, p);
            return row;
        });
        z(zt);
    }

    /**
     * The {@link ArrayGroup#FINAL} arrays of the span and sketch engines: W = W0 + B X (when X and W0 were
     * kept, i.e. the span engine), B and Z. Row j of W: w0_j + Σ_i B_ji x_i, summed in increasing i.
     *
     * @param b  B, flat m x n
     * @param zt Z^T, m x n
     */
    void finalSpan(double[] b, double[][] zt) {
        if (!wants(ArrayGroup.FINAL)) {
            return;
        }
        if (keptX != null) {
            double[][] xs = new double[n][];
            for (int i = 0; i < n; i++) {
                xs[i] = keptX.apply(i);
            }
            double[] row = new double[p];
            rows("W", m, p, j -> {
                System.arraycopy(keptW0.apply(j), 0, row, 0, p);
                for (int i = 0; i < n; i++) {
                    double c = b[j * n + i];
                    double[] xi = xs[i];
                    for (int k = 0; k < p; k++) {
                        row[k] += c * xi[k];
                    }
                }
                return row;
            });
        }
        floats("B", new int[] {m, n}, b);
        z(zt);
    }

    private void z(double[][] zt) {
        double[] row = new double[m];
        rows("Z", n, m, i -> {
            for (int j = 0; j < m; j++) {
                row[j] = zt[j][i];
            }
            return row;
        });
    }

    /** Every planned array was written (called after the final arrays). */
    void checkComplete() {
        if (next != plan.size()) {
            throw new IllegalStateException("arrays: wrote " + next + " of the " + plan.size() + " planned, next "
                    + plan.get(next).name());
        }
    }

    /**
     * K = X X^T and Z0 = X W0^T by dot products of rows, each entry summed in increasing k by one thread
     * (rows of K and Z0 spread over the threads as fixed blocks): the same numbers for every thread count.
     * K is exactly symmetric. Cost n(n+1)/2·p + n·m·p.
     *
     * @param x  n rows of length p (not modified)
     * @param w0 W0 flat m x p (not modified)
     * @return {K, Z0}
     */
    static double[][][] gram(double[][] x, double[] w0, int m, int p, ParallelNetworkOps ops) {
        int n = x.length;
        double[][] k = new double[n][n];
        double[][] z0 = new double[n][m];
        ops.forEachBlock(n, i -> {
            double[] xi = x[i];
            for (int j = 0; j <= i; j++) {
                k[i][j] = dot(xi, x[j], 0, p);
            }
            for (int j = 0; j < m; j++) {
                z0[i][j] = dot(xi, w0, j * p, p);
            }
        });
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                k[j][i] = k[i][j];
            }
        }
        return new double[][][] {k, z0};
    }

    private static double dot(double[] a, double[] b, int offset, int length) {
        double s = 0.0;
        for (int q = 0; q < length; q++) {
            s += a[q] * b[offset + q];
        }
        return s;
    }

    private ArrayOutput.Entry expect(String name, long[] shape, String dtype) {
        if (next >= plan.size()) {
            throw new IllegalStateException("arrays: " + name + " is not in the plan " + names());
        }
        ArrayOutput.Entry e = plan.get(next);
        if (!e.name().equals(name) || !java.util.Arrays.equals(e.shape(), shape) || !e.dtype().equals(dtype)) {
            throw new IllegalStateException("arrays: writing " + name + " " + java.util.Arrays.toString(shape) + " "
                    + dtype + " but the plan says " + e.name() + " " + e.shapeText() + " " + e.dtype());
        }
        next++;
        return e;
    }

    private List<String> names() {
        return plan.stream().map(ArrayOutput.Entry::name).toList();
    }

    private void floats(String name, int[] shape, double[] values) {
        expect(name, longs(shape), "float64");
        output.sink().write(name, shape, values);
    }

    private void int8(String name, int[] shape, byte[] values) {
        expect(name, longs(shape), "int8");
        output.sink().writeInt8(name, shape, values);
    }

    private void rows(String name, int rows, int columns, IntFunction<double[]> row) {
        expect(name, new long[] {rows, columns}, "float64");
        output.sink().writeRows(name, rows, columns, row);
    }

    private static long[] longs(int[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[i];
        }
        return out;
    }
}
