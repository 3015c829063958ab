package org.benignlab.engine;

import java.util.Arrays;
import org.benignlab.api.Activation;
import org.benignlab.api.Loss;

/**
 * Serial numeric kernels of the two-layer network f(x; W) = Σ_j a_j φ(&lt;w_j, x&gt;) and of the gradient
 * of the empirical risk (paper, Section 2.2; MODEL.md):
 * <pre>
 *   Z = X W^T (n x m),   f_i = Σ_j a_j φ(Z_ij),
 *   A_ij = g_i y_i a_j φ'(Z_ij),  g_i = -ℓ'(y_i f_i),   ∇L̂(W) = -(1/n) A^T X (m x p).
 * </pre>
 *
 * <p><b>Layout.</b> W is one flat row-major array (m x p, what the optimiser sees). Matrices that kernels
 * read as vectors are arrays of rows ({@code double[][]}): the inner loops then index every array with
 * the same loop variable, which lets the JIT vectorise them. The training forward pass uses X^T
 * (p x n, made once by {@link #transpose(double[][])}) and produces Z^T (m x n); the test pass uses
 * W^T (p x m, made by {@link #transpose(double[], int, int, double[][])}) and produces Z (rows x m).
 *
 * <p><b>Summation order.</b> Every matrix product accumulates each entry in increasing order of the
 * inner index, starting from 0: c = ((0 + a_0 b_0) + a_1 b_1) + ... (Java does not fuse multiply-add,
 * and the vectorised loops add lane by lane in this same order). The result therefore does not depend
 * on cache blocking or on how rows and columns are split among threads: {@link ParallelNetworkOps}
 * equals these kernels bit for bit. Z computed as W X^T or as X W^T is the same, bit for bit.
 *
 * <p>Kernels do not allocate (except {@link #transpose(double[][])}); all outputs are caller buffers.
 */
public final class NetworkOps {

    /** Doubles of the right-hand matrix kept hot per cache block (256 KiB). */
    private static final int BLOCK_DOUBLES = 32 * 1024;

    private NetworkOps() {
    }

    // ------------------------------------------------------------------------------------------------
    // Matrix products (the engine's two hot loops)

    /**
     * C[r][c] = Σ_q A_rq B[q][c] for rows r in [rowFrom, rowTo) and columns c in [colFrom, colTo), with A
     * given as a flat row-major array: A_rq = a[r · aStride + q]. Entries of C outside the range are not
     * touched. The inner dimension is {@code b.length}.
     *
     * @param a       left matrix, flat (not modified)
     * @param aStride row stride of {@code a}, &gt;= b.length
     * @param b       right matrix, rows of length &gt;= colTo (not modified)
     * @param c       result rows, length &gt;= colTo (modified: the range is overwritten)
     */
    public static void multiply(double[] a, int aStride, double[][] b, double[][] c,
                                int rowFrom, int rowTo, int colFrom, int colTo) {
        if (aStride < b.length) {
            throw new IllegalArgumentException("multiply: aStride " + aStride + " < inner dimension " + b.length);
        }
        if (rowTo > rowFrom && (long) (rowTo - 1) * aStride + b.length > a.length) {
            throw new IllegalArgumentException("multiply: a has " + a.length + " entries, too few for "
                    + rowTo + " rows of stride " + aStride);
        }
        checkRanges(b, c, rowFrom, rowTo, colFrom, colTo);
        multiplyCore(null, a, aStride, b, c, rowFrom, rowTo, colFrom, colTo);
    }

    /**
     * C[r][c] = Σ_q A[r][q] B[q][c] for rows r in [rowFrom, rowTo) and columns c in [colFrom, colTo).
     * Entries of C outside the range are not touched. The inner dimension is {@code b.length}.
     *
     * @param a left matrix rows, each of length &gt;= b.length (not modified)
     * @param b right matrix rows, length &gt;= colTo (not modified)
     * @param c result rows, length &gt;= colTo (modified: the range is overwritten)
     */
    public static void multiply(double[][] a, double[][] b, double[][] c, int rowFrom, int rowTo,
                                int colFrom, int colTo) {
        if (a.length < rowTo) {
            throw new IllegalArgumentException("multiply: a has " + a.length + " rows, need " + rowTo);
        }
        for (int r = rowFrom; r < rowTo; r++) {
            if (a[r].length < b.length) {
                throw new IllegalArgumentException("multiply: row " + r + " of a has length " + a[r].length
                        + ", inner dimension is " + b.length);
            }
        }
        checkRanges(b, c, rowFrom, rowTo, colFrom, colTo);
        multiplyCore(a, null, 0, b, c, rowFrom, rowTo, colFrom, colTo);
    }

    private static void checkRanges(double[][] b, double[][] c, int rowFrom, int rowTo, int colFrom, int colTo) {
        if (rowFrom < 0 || rowFrom > rowTo || rowTo > c.length) {
            throw new IllegalArgumentException("multiply: row range [" + rowFrom + ", " + rowTo + ") outside c with "
                    + c.length + " rows");
        }
        if (colFrom < 0 || colFrom > colTo) {
            throw new IllegalArgumentException("multiply: bad column range [" + colFrom + ", " + colTo + ")");
        }
        for (int r = rowFrom; r < rowTo; r++) {
            if (c[r].length < colTo) {
                throw new IllegalArgumentException("multiply: row " + r + " of c has length " + c[r].length
                        + ", need " + colTo);
            }
        }
        for (int q = 0; q < b.length; q++) {
            if (b[q].length < colTo) {
                throw new IllegalArgumentException("multiply: row " + q + " of b has length " + b[q].length
                        + ", need " + colTo);
            }
        }
    }

    /**
     * The product loop: column blocks x inner blocks (so that a block of B stays in cache), then two rows of
     * C at a time and two inner indices at a time. Each entry is still summed in increasing inner order:
     * c + s0 x0 + s1 x1 evaluates as (c + s0 x0) + s1 x1.
     */
    private static void multiplyCore(double[][] aRows, double[] aFlat, int aStride, double[][] b, double[][] c,
                                     int rowFrom, int rowTo, int colFrom, int colTo) {
        int inner = b.length;
        for (int r = rowFrom; r < rowTo; r++) {
            Arrays.fill(c[r], colFrom, colTo, 0.0);
        }
        if (rowFrom >= rowTo || colFrom >= colTo || inner == 0) {
            return;
        }
        int width = colTo - colFrom;
        int colBlock = Math.max(256, BLOCK_DOUBLES / inner);
        for (int cb = colFrom; cb < colTo; cb += colBlock) {
            int ce = Math.min(colTo, cb + colBlock);
            int innerBlock = Math.max(16, BLOCK_DOUBLES / Math.min(width, colBlock));
            for (int qb = 0; qb < inner; qb += innerBlock) {
                int qe = Math.min(inner, qb + innerBlock);
                int r = rowFrom;
                for (; r + 1 < rowTo; r += 2) {
                    double[] c0 = c[r];
                    double[] c1 = c[r + 1];
                    double[] a0 = aRows != null ? aRows[r] : aFlat;
                    double[] a1 = aRows != null ? aRows[r + 1] : aFlat;
                    int o0 = aRows != null ? 0 : r * aStride;
                    int o1 = aRows != null ? 0 : (r + 1) * aStride;
                    int q = qb;
                    for (; q + 1 < qe; q += 2) {
                        double s0 = a0[o0 + q];
                        double s1 = a0[o0 + q + 1];
                        double t0 = a1[o1 + q];
                        double t1 = a1[o1 + q + 1];
                        double[] b0 = b[q];
                        double[] b1 = b[q + 1];
                        for (int k = cb; k < ce; k++) {
                            double x0 = b0[k];
                            double x1 = b1[k];
                            c0[k] = c0[k] + s0 * x0 + s1 * x1;
                            c1[k] = c1[k] + t0 * x0 + t1 * x1;
                        }
                    }
                    if (q < qe) {
                        double s0 = a0[o0 + q];
                        double t0 = a1[o1 + q];
                        double[] b0 = b[q];
                        for (int k = cb; k < ce; k++) {
                            double x0 = b0[k];
                            c0[k] = c0[k] + s0 * x0;
                            c1[k] = c1[k] + t0 * x0;
                        }
                    }
                }
                if (r < rowTo) {
                    double[] c0 = c[r];
                    double[] a0 = aRows != null ? aRows[r] : aFlat;
                    int o0 = aRows != null ? 0 : r * aStride;
                    int q = qb;
                    for (; q + 1 < qe; q += 2) {
                        double s0 = a0[o0 + q];
                        double s1 = a0[o0 + q + 1];
                        double[] b0 = b[q];
                        double[] b1 = b[q + 1];
                        for (int k = cb; k < ce; k++) {
                            c0[k] = c0[k] + s0 * b0[k] + s1 * b1[k];
                        }
                    }
                    if (q < qe) {
                        double s0 = a0[o0 + q];
                        double[] b0 = b[q];
                        for (int k = cb; k < ce; k++) {
                            c0[k] = c0[k] + s0 * b0[k];
                        }
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Forward pass

    /**
     * Training pre-activations, transposed: Z^T = W X^T, i.e. zt[j][i] = &lt;w_j, x_i&gt; = Σ_k W_jk X_ik,
     * for hidden units j in [jFrom, jTo).
     *
     * @param w  W, flat row-major m x p with p = xt.length (not modified)
     * @param xt X^T, p rows of length n (not modified)
     * @param zt Z^T, m rows of length &gt;= n (modified: rows jFrom..jTo-1, columns 0..n-1)
     */
    public static void preActivationsT(double[] w, double[][] xt, double[][] zt, int jFrom, int jTo) {
        int p = xt.length;
        int n = p == 0 ? 0 : xt[0].length;
        if ((long) zt.length * p != w.length) {
            throw new IllegalArgumentException("preActivationsT: W has " + w.length + " entries, expected m * p = "
                    + zt.length + " * " + p);
        }
        multiply(w, p, xt, zt, jFrom, jTo, 0, n);
    }

    /** {@link #preActivationsT(double[], double[][], double[][], int, int)} for all hidden units. */
    public static void preActivationsT(double[] w, double[][] xt, double[][] zt) {
        preActivationsT(w, xt, zt, 0, zt.length);
    }

    /**
     * Pre-activations of points given as rows: z[r][j] = &lt;x_r, w_j&gt; = Σ_k X_rk W^T_kj for r in
     * [rowFrom, rowTo).
     *
     * @param x  points, rows of length p (not modified)
     * @param wt W^T, p rows of length m (not modified)
     * @param z  Z, rows of length &gt;= m (modified: rows rowFrom..rowTo-1, columns 0..m-1)
     */
    public static void preActivations(double[][] x, double[][] wt, double[][] z, int rowFrom, int rowTo) {
        int m = wt.length == 0 ? 0 : wt[0].length;
        multiply(x, wt, z, rowFrom, rowTo, 0, m);
    }

    /**
     * Outputs from Z^T: f_i = Σ_j a_j φ(zt[j][i]) for i &lt; f.length, summed in increasing j.
     *
     * @param zt  Z^T, m rows (not modified)
     * @param a   second layer a_j, length m (not modified)
     * @param phi activation (not modified)
     * @param f   outputs (modified: entries 0..f.length-1 overwritten)
     */
    public static void outputsT(double[][] zt, double[] a, Activation phi, double[] f) {
        outputsT(zt, a, phi, f, new double[f.length]);
    }

    /**
     * {@link #outputsT(double[][], double[], Activation, double[])} with a work array of length &gt;= f.length
     * (modified), so that a step loop allocates nothing.
     */
    public static void outputsT(double[][] zt, double[] a, Activation phi, double[] f, double[] values) {
        checkLength("outputsT: a", a.length, zt.length);
        outputsT(NativeBlas.flatten(zt, 0, zt.length, f.length, null), a, phi, f, values, 0, f.length);
    }

    /**
     * {@link #outputsT(double[][], double[], Activation, double[], double[])} on Z^T flat (row j at j·n, n =
     * f.length), for the points i in [from, to) only (f and the work array written there only): each f_i is the
     * same number as over the whole range. The training loop's form ({@link ParallelNetworkOps#outputsT}).
     */
    static void outputsT(double[] zt, double[] a, Activation phi, double[] f, double[] values, int from, int to) {
        int n = f.length;
        checkLength("outputsT: zt", zt.length, (long) a.length * n);
        Arrays.fill(f, from, to, 0.0);
        // φ on a row first, then the sums (as in gradientCoefficients)
        for (int j = 0; j < a.length; j++) {
            addRow(zt, j * n, a[j], phi, f, values, from, to);
        }
    }

    /**
     * f_i += a_j φ(z_ji) for i in [from, to): one row of {@link #outputsT}. A method of its own, called once per row,
     * so that the JIT compiles it once by its call count early in a run, rather than compiling the whole loop twice
     * (on stack while a long first call runs, then again).
     */
    private static void addRow(double[] row, int o, double aj, Activation phi, double[] f, double[] values, int from,
                               int to) {
        for (int i = from; i < to; i++) {
            values[i] = phi.value(row[o + i]);
        }
        for (int i = from; i < to; i++) {
            f[i] += aj * values[i];
        }
    }

    /**
     * Outputs from Z given as rows: f_r = Σ_j a_j φ(z[r][j]) for r &lt; rows, summed in increasing j (the
     * same numbers as {@link #outputsT} on the transpose).
     *
     * @param z    Z, rows of length &gt;= m (not modified)
     * @param rows number of rows to evaluate
     * @param a    second layer, length m (not modified)
     * @param phi  activation (not modified)
     * @param f    outputs, length &gt;= rows (modified: entries 0..rows-1)
     */
    public static void outputs(double[][] z, int rows, double[] a, Activation phi, double[] f) {
        outputs(z, 0, rows, a, phi, f);
    }

    /** {@link #outputs(double[][], int, double[], Activation, double[])} for the rows [from, to) only. */
    static void outputs(double[][] z, int from, int to, double[] a, Activation phi, double[] f) {
        for (int r = from; r < to; r++) {
            double[] row = z[r];
            double s = 0.0;
            for (int j = 0; j < a.length; j++) {
                s += a[j] * phi.value(row[j]);
            }
            f[r] = s;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Gradient

    /**
     * The gradient's coefficient matrix C = -(1/n) A^T (m x n, flat row-major), with
     * A_ij = g_i y_i a_j φ'(Z_ij) and g_i = -ℓ'(y_i f_i) ({@link Loss#g}). Evaluated as
     * C_ji = (c_i · a_j) · φ'(zt[j][i]) with c_i = -(g_i · y_i) / n, where n = y.length.
     *
     * @param zt   Z^T, m rows of length &gt;= n (not modified)
     * @param a    second layer, length m (not modified)
     * @param y    observed labels, length n (not modified)
     * @param f    outputs f_i, length n (not modified)
     * @param loss ℓ (not modified)
     * @param phi  φ (not modified)
     * @param rowScale work array of length n (modified: receives c_i)
     * @param ct   C, length m · n (modified: overwritten)
     */
    public static void gradientCoefficients(double[][] zt, double[] a, double[] y, double[] f, Loss loss,
                                            Activation phi, double[] rowScale, double[] ct) {
        gradientCoefficients(zt, a, y, f, loss, phi, rowScale, ct, new double[y.length]);
    }

    /**
     * {@link #gradientCoefficients(double[][], double[], double[], double[], Loss, Activation, double[], double[])}
     * with a work array of length &gt;= n (modified), so that a step loop allocates nothing.
     */
    public static void gradientCoefficients(double[][] zt, double[] a, double[] y, double[] f, Loss loss,
                                            Activation phi, double[] rowScale, double[] ct, double[] derivatives) {
        int m = a.length;
        int n = y.length;
        checkLength("gradientCoefficients: zt", zt.length, m);
        checkLength("gradientCoefficients: f", f.length, n);
        checkLength("gradientCoefficients: rowScale", rowScale.length, n);
        checkLength("gradientCoefficients: ct", ct.length, (long) m * n);
        checkLength("gradientCoefficients: work", Math.min(derivatives.length, n), n);
        gradientCoefficients(NativeBlas.flatten(zt, 0, m, n, null), a, y, f, loss, phi, rowScale, ct, derivatives, 0,
                n);
    }

    /**
     * {@link #gradientCoefficients(double[][], double[], double[], double[], Loss, Activation, double[], double[],
     * double[])} on Z^T flat (row j at j·n, n = y.length), for the points i in [from, to) only (columns i of C, and
     * rowScale and the work array there): each C_ji is the same number as over the whole range. The lengths are
     * checked by the caller. The training loop's form ({@link ParallelNetworkOps#gradientCoefficients}).
     */
    static void gradientCoefficients(double[] zt, double[] a, double[] y, double[] f, Loss loss, Activation phi,
                                     double[] rowScale, double[] ct, double[] derivatives, int from, int to) {
        int n = y.length;
        for (int i = from; i < to; i++) {
            rowScale[i] = -(loss.g(y[i] * f[i]) * y[i]) / n;
        }
        for (int j = 0; j < a.length; j++) {
            coefficientRow(zt, j * n, a[j], phi, rowScale, ct, j * n, derivatives, from, to);
        }
    }

    /**
     * Row j of {@link #gradientCoefficients} (C_ji for i in [from, to), at ct[o + i]), a method of its own as addRow.
     * Two passes, φ' into a scratch row first: fused with the scaling, or written straight into ct, the loop does not
     * vectorise; the same numbers either way.
     */
    private static void coefficientRow(double[] row, int ro, double aj, Activation phi, double[] rowScale, double[] ct,
                                       int o, double[] derivatives, int from, int to) {
        for (int i = from; i < to; i++) {
            derivatives[i] = phi.derivative(row[ro + i]);
        }
        for (int i = from; i < to; i++) {
            ct[o + i] = (rowScale[i] * aj) * derivatives[i];
        }
    }

    /**
     * The gradient G = C X = -(1/n) A^T X (m x p) for columns k in [kFrom, kTo): G_jk = Σ_i C_ji X_ik,
     * computed into {@code rows} and copied into the flat array {@code grad}.
     *
     * @param ct   C, flat m x n with n = x.length (not modified)
     * @param x    X, n rows of length p (not modified)
     * @param rows work rows, m rows of length p (modified: columns kFrom..kTo-1)
     * @param grad ∇L̂(W), flat row-major m x p (modified: columns kFrom..kTo-1 of every row)
     */
    public static void gradient(double[] ct, double[][] x, double[][] rows, double[] grad, int kFrom, int kTo) {
        int n = x.length;
        int m = rows.length;
        checkLength("gradient: ct", ct.length, (long) m * n);
        int p = m == 0 ? 0 : rows[0].length;
        checkLength("gradient: grad", grad.length, (long) m * p);
        multiply(ct, n, x, rows, 0, m, kFrom, kTo);
        for (int j = 0; j < m; j++) {
            System.arraycopy(rows[j], kFrom, grad, j * p + kFrom, kTo - kFrom);
        }
    }

    /** {@link #gradient(double[], double[][], double[][], double[], int, int)} for all columns. */
    public static void gradient(double[] ct, double[][] x, double[][] rows, double[] grad) {
        gradient(ct, x, rows, grad, 0, rows.length == 0 ? 0 : rows[0].length);
    }

    // ------------------------------------------------------------------------------------------------
    // Small helpers

    /**
     * W^T from flat W: wt[k][j] = w[j · p + k] for k in [kFrom, kTo).
     *
     * @param w  W, flat m x p (not modified)
     * @param wt W^T, p rows of length m (modified: rows kFrom..kTo-1)
     */
    public static void transpose(double[] w, int m, int p, double[][] wt, int kFrom, int kTo) {
        checkLength("transpose: w", w.length, (long) m * p);
        checkLength("transpose: wt", wt.length, p);
        final int tile = 64;
        for (int kb = kFrom; kb < kTo; kb += tile) {
            int ke = Math.min(kTo, kb + tile);
            for (int j = 0; j < m; j++) {
                int o = j * p;
                for (int k = kb; k < ke; k++) {
                    wt[k][j] = w[o + k];
                }
            }
        }
    }

    /** {@link #transpose(double[], int, int, double[][], int, int)} for all rows of W^T. */
    public static void transpose(double[] w, int m, int p, double[][] wt) {
        transpose(w, m, p, wt, 0, p);
    }

    /**
     * A new transposed copy of a matrix given as rows: result[k][i] = x[i][k].
     *
     * @param x rows of equal length (not modified); at least one row
     */
    public static double[][] transpose(double[][] x) {
        int rows = x.length;
        int cols = rows == 0 ? 0 : x[0].length;
        double[][] t = new double[cols][rows];
        for (int i = 0; i < rows; i++) {
            double[] row = x[i];
            if (row.length != cols) { // no message built unless it fails (string concatenation is slow to link)
                throw new IllegalArgumentException("transpose: row " + i + " has length " + row.length
                        + ", expected " + cols);
            }
            for (int k = 0; k < cols; k++) {
                t[k][i] = row[k];
            }
        }
        return t;
    }

    /**
     * ||W||_F = sqrt(Σ w_k^2), summed in index order. When that sum overflows or underflows (entries
     * beyond about 1e154 or below 1e-154) the norm is recomputed as s · sqrt(Σ (w_k / s)^2) with
     * s = max |w_k|, so finite weights give a finite norm; a NaN entry gives NaN, an infinite one infinity.
     *
     * @param w parameters (not modified)
     */
    public static double frobeniusNorm(double[] w) {
        double s = 0.0;
        for (double v : w) {
            s += v * v;
        }
        if (s > Double.MIN_NORMAL && s < Double.POSITIVE_INFINITY || s == 0.0 && allZero(w)) {
            return Math.sqrt(s);
        }
        double max = 0.0;
        for (double v : w) {
            double abs = Math.abs(v);
            if (Double.isNaN(abs)) {
                return Double.NaN;
            }
            max = Math.max(max, abs);
        }
        if (max == 0.0 || Double.isInfinite(max)) {
            return max;
        }
        double scaled = 0.0;
        for (double v : w) {
            double r = v / max;
            scaled += r * r;
        }
        return max * Math.sqrt(scaled);
    }

    /**
     * The spectral norm ||W||_2 = sqrt(λ_max(S)) from the Gram matrix S = W W^T (symmetric positive
     * semi-definite, m x m): the largest eigenvalue by Lanczos with an explicit residual test (relative
     * residual at most 1e-13, so the eigenvalue to about 1e-13 relative), falling back to EJML's symmetric QR
     * algorithm when that test does not pass ({@link EigenOps}); serial and a function of S alone, so the result
     * is deterministic. Clamped at 0 before the square root. S must be symmetric (a caller that forms it from a
     * sum of products should symmetrise it; a matrix that is not exactly symmetric goes to the full
     * decomposition). A NaN entry gives NaN; an infinite entry (W W^T overflowed, entries of W beyond about
     * 1e154) gives +infinity.
     *
     * @param gram S, m rows of length m (not modified)
     * @throws IllegalArgumentException if S is not square
     * @throws IllegalStateException if the eigenvalue iteration of the fallback does not converge
     */
    public static double spectralNorm(double[][] gram) {
        int m = gram.length;
        boolean infinite = false;
        for (double[] row : gram) {
            checkLength("spectralNorm: gram row", row.length, m);
            for (double v : row) {
                if (Double.isNaN(v)) {
                    return Double.NaN;
                }
                infinite |= Double.isInfinite(v);
            }
        }
        if (infinite) {
            return Double.POSITIVE_INFINITY;
        }
        if (m == 0) {
            return 0.0;
        }
        return Math.sqrt(Math.max(0.0, EigenOps.largest(gram)));
    }

    /**
     * The stable rank ||W||_F^2 / ||W||_2^2, clamped to [1, maxRank]. Mathematically it lies in [1, rank W]
     * (||W||_2 <= ||W||_F <= sqrt(rank W) ||W||_2) and rank W <= maxRank = min(m, p); the two norms are
     * computed by different routes (a sum of squares, an eigenvalue), so their quotient can fall a few ulps
     * outside (0.9999999999999998 for a rank-one W), and the clamp keeps the reported value inside the range the
     * definition gives. NaN when ||W||_2 is 0 (W = 0: no direction to measure, 0/0), not finite, or NaN, or when
     * ||W||_F is not finite.
     *
     * @param frobenius ||W||_F
     * @param spectral  ||W||_2
     * @param maxRank   an upper bound of rank W, min(m, p)
     */
    public static double stableRank(double frobenius, double spectral, int maxRank) {
        if (!(spectral > 0) || Double.isInfinite(spectral) || !Double.isFinite(frobenius)) {
            return Double.NaN;
        }
        double ratio = frobenius / spectral;
        return Math.min(maxRank, Math.max(1.0, ratio * ratio));
    }

    private static boolean allZero(double[] w) {
        for (double v : w) {
            if (v != 0.0) {
                return false;
            }
        }
        return true;
    }

    static void checkLength(String what, long actual, long expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(what + " has length " + actual + ", expected " + expected);
        }
    }

    /**
     * max_i |a_i|, or NaN when some entry is NaN (then whatever else is in {@code a}); +∞ when an entry is
     * infinite and none is NaN; 0 for no entries.
     *
     * @param a the values (not modified)
     */
    static double maxAbs(double[] a) {
        double max = 0.0;
        for (double v : a) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
