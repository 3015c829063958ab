package org.benignlab.engine;

/**
 * The first layer as W = W0 + B X with B in R^{m x n} (MODEL.md, "Structure the code can exploit"). The
 * optimiser sees the flat row-major B and, as its gradient, the coefficients C = -(1/n) A^T of
 * ∇L̂(W) = C X: exact for every optimiser whose update is a fixed linear combination of past gradients.
 * <pre>
 *   training pre-activations   Z^T = Z0^T + B K                      (m x n, n²·m per step)
 *   test pre-activations       Z_test = X_test W0^T + (X_test X^T) B^T (testSize·n·m per recorded step)
 *   W W^T = G0 + B Z0 + (B Z0)^T + B K B^T                           (m²·n + m·n² per recorded step)
 *   ||W||_F^2 = ||W0||_F^2 + 2 &lt;Z0^T, B&gt; + tr(B K B^T)          (the trace of W W^T)
 * </pre>
 * B K B^T is symmetrised as (H + H^T)/2 before the eigenvalue. Without the spectral norm only the two traces are
 * formed (n²·m + O(n·m) per recorded step, and G0 is not needed). ||W||_F^2 is clamped at 0 (it can come out
 * a rounding error below 0 only when W is 0 up to rounding). When the Gram matrix overflows (entries of W
 * beyond about 1e154) the norms are +infinity. Products run on the engine's {@link Products} backend (whose
 * splitting is fixed by the sizes), so the numbers do not depend on the thread count. The additions ride on the
 * products ({@link Products#multiplyAdd}: on the native BLAS dgemm with beta = 1, Z^T = Z0^T + B K in one call per
 * block, the test pre-activations likewise), so a step runs no Java loop over its n·m pre-activations besides the
 * element-wise work of {@link TrainingLoop}; B K is computed again at a recorded step for H.
 */
final class SpanNetwork implements TrainingLoop.Network {
    private final SpanProblem d;
    private final Products products;
    private final ParallelNetworkOps ops;
    private final int n;
    private final int m;
    private final double[] b;
    // K, Z0^T and Z0 flat and product buffers (allocated at first use)
    private double[] kFlat;
    private double[] z0tFlat;
    private double[] ztFlat;
    private double[] z0Flat;
    private double[] bkFlat;
    private double[] eFlat;
    private double[] hFlat;
    private double[] blockFlat;
    /** The rows of X_test X^T that {@link #blockFlat} holds: [blockFrom, blockFrom + blockRows). */
    private int blockFrom = -1;
    private int blockRows;
    private double[] zFlat;
    // evaluation buffer (allocated at the first recorded step)
    private double[][] gram;
    private double changeSq = Double.NaN;
    /** ||W - W0||_F when {@link #changeSq} overflowed and the norms were recomputed scaled. */
    private double change = Double.NaN;

    SpanNetwork(SpanProblem problem, Products products, ParallelNetworkOps ops) {
        this.d = problem;
        this.products = products;
        this.ops = ops;
        this.n = problem.n;
        this.m = problem.m;
        this.b = new double[m * n];
    }

    @Override
    public double[] parameters() {
        return b;
    }

    @Override
    public double[] trainingPreActivationsT() {
        if (ztFlat == null) {
            z0tFlat = NativeBlas.flatten(d.z0t, 0, m, n, null);
            ztFlat = new double[m * n];
        }
        if (isZero(b)) { // step 0: Z^T = Z0^T, without an m·n² product of zeros
            return z0tFlat;
        }
        System.arraycopy(z0tFlat, 0, ztFlat, 0, m * n);
        products.multiplyAdd(b, kFlat(), ztFlat, m, n, n, ops); // Z^T = Z0^T + B K
        return ztFlat;
    }

    /**
     * Whether every entry of x is zero (B at step 0, before the first update): then B K, B Z0 and B K B^T are zero and
     * need no product (adding their zeros changes no number, except the sign of an exact zero). Stops at the first
     * non-zero entry, so it costs next to nothing once B has moved.
     */
    private static boolean isZero(double[] x) {
        for (double v : x) {
            if (v != 0.0) {
                return false;
            }
        }
        return true;
    }

    /** K flat (made at first use). */
    private double[] kFlat() {
        if (kFlat == null) {
            kFlat = NativeBlas.flatten(d.k, 0, n, n, null);
        }
        return kFlat;
    }

    @Override
    public double[] gradient(double[] ct) {
        return ct;
    }

    /** Also throws what the background projections threw, as soon as they are done (rather than leave rows unset). */
    @Override
    public boolean testReady() {
        if (d.testProjections == null) {
            return true;
        }
        if (!d.testProjections.isDone()) {
            return false;
        }
        awaitTest(); // done: returns at once, or throws the projections' failure
        return true;
    }

    @Override
    public void awaitTest() {
        if (d.testProjections == null) {
            return;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    d.testProjections.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // wait anyway: the projections are the run's test set
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void prepareEvaluation() {
        if (gram == null) {
            gram = new double[m][m];
            eFlat = new double[m * m];
            hFlat = new double[m * m];
        }
    }

    @Override
    public void testPreActivations(double[] params, int from, int rows, double[][] z) {
        if (isZero(params)) { // B = 0 (step 0): X_test W0^T, without a product of zeros
            for (int r = 0; r < rows; r++) {
                System.arraycopy(d.testW0[from + r], 0, z[r], 0, m);
            }
            return;
        }
        if (blockFlat == null || blockFrom != from || blockRows != rows) { // a test set of one block: flattened once
            blockFlat = NativeBlas.flatten(d.testK, from, rows, n, blockFlat);
            blockFrom = from;
            blockRows = rows;
        }
        zFlat = NativeBlas.flatten(d.testW0, from, rows, m, zFlat);
        products.multiplyTransBAdd(blockFlat, params, zFlat, rows, m, n, ops); // X_test W0^T + (X_test X^T) B^T
        NativeBlas.unflatten(zFlat, z, rows, m);
    }

    @Override
    public double[] weightNorms(boolean spectral) {
        if (!spectral || d.g0 == null) {
            return new double[] {frobeniusOnly(), Double.NaN};
        }
        if (z0Flat == null) {
            z0Flat = NativeBlas.flatten(d.z0, 0, n, m, null);
        }
        if (bkFlat == null) {
            bkFlat = new double[m * n];
        }
        double frobenius;
        if (isZero(b)) { // W = W0: E = H = 0
            java.util.Arrays.fill(eFlat, 0.0);
            java.util.Arrays.fill(hFlat, 0.0);
            frobenius = frobenius(0.0, 0.0);
        } else {
            products.multiply(b, kFlat(), bkFlat, m, n, n, ops);         // B K
            products.multiply(b, z0Flat, eFlat, m, n, m, ops);           // E = B Z0
            products.multiplyTransB(bkFlat, b, hFlat, m, m, n, ops);     // H = (B K) B^T
            frobenius = frobeniusFromB();
        }
        for (int j = 0; j < m; j++) {
            gramRow(j, m, d.g0[j], eFlat, hFlat, gram);
        }
        double norm2 = NetworkOps.spectralNorm(gram);
        if (!Double.isFinite(norm2)) { // W W^T overflowed: +∞, or NaN where ∞ − ∞ met in a sum
            norm2 = scaledSpectralNorm();
        }
        return new double[] {frobenius, norm2};
    }

    /**
     * ||W||_2 when W W^T = G0 + E + E^T + H overflowed: with B' = B / 2^k (2^k about max |B_ji|),
     * W / 2^k = W0 / 2^k + B' X has Gram matrix G0 / 4^k + E' + E'^T + H', E' = B' Z0 / 2^k, H' = B' K B'^T, and
     * ||W||_2 = 2^k ||W / 2^k||_2. Serial, in index order, O(m n² + m² n); on this rare path only. NaN for a NaN
     * entry of B, +∞ for an infinite one.
     */
    private double scaledSpectralNorm() {
        double max = NetworkOps.maxAbs(b);
        if (!Double.isFinite(max)) {
            return max;
        }
        int k = Math.getExponent(max);
        double[] bs = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            bs[i] = Math.scalb(b[i], -k);
        }
        double[] es = new double[m * m]; // B' Z0, then E' = B' Z0 / 2^k
        double[] bks = new double[m * n]; // B' K
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                double bji = bs[j * n + i];
                double[] z0i = d.z0[i];
                for (int l = 0; l < m; l++) {
                    es[j * m + l] += bji * z0i[l];
                }
                double[] ki = d.k[i];
                for (int l = 0; l < n; l++) {
                    bks[j * n + l] += bji * ki[l];
                }
            }
        }
        for (int i = 0; i < es.length; i++) {
            es[i] = Math.scalb(es[i], -k);
        }
        double[] hs = new double[m * m]; // H' = (B' K) B'^T
        for (int j = 0; j < m; j++) {
            for (int l = 0; l < m; l++) {
                double v = 0.0;
                for (int i = 0; i < n; i++) {
                    v += bks[j * n + i] * bs[l * n + i];
                }
                hs[j * m + l] = v;
            }
        }
        double[][] scaledGram = new double[m][m];
        for (int j = 0; j < m; j++) {
            double[] g0j = new double[m];
            for (int l = 0; l < m; l++) {
                g0j[l] = Math.scalb(d.g0[j][l], -2 * k);
            }
            gramRow(j, m, g0j, es, hs, scaledGram);
        }
        return Math.scalb(NetworkOps.spectralNorm(scaledGram), k);
    }

    /**
     * ||W||_F from the traces alone: tr(B Z0) = Σ_ji B_ji Z0_ij and tr(B K B^T) = Σ_j &lt;(B K)_j, B_j&gt;, so
     * n²·m (for B K) + O(n·m) instead of the m²·n + m·n² of the whole W W^T.
     */
    private double frobeniusOnly() {
        if (bkFlat == null) {
            bkFlat = new double[m * n];
        }
        if (isZero(b)) { // W = W0
            return frobenius(0.0, 0.0);
        }
        products.multiply(b, kFlat(), bkFlat, m, n, n, ops);         // B K
        return frobeniusFromB();
    }

    /**
     * ||W||_F ({@link #frobenius}) from tr(B Z0) = Σ_ji B_ji Z0_ij and tr(B K B^T) = Σ_ji (B K)_ji B_ji, each summed
     * over j, then i, with {@link #bkFlat} holding B K: the same sums whether or not the spectral norm is computed,
     * so ||W||_F does not depend on it (not the diagonals of E and H, whose sums group the terms otherwise).
     */
    private double frobeniusFromB() {
        double traceE = 0.0;
        double traceH = 0.0;
        for (int j = 0; j < m; j++) {
            double[] z0tj = d.z0t[j];
            int o = j * n;
            for (int i = 0; i < n; i++) {
                traceE += b[o + i] * z0tj[i];
                traceH += bkFlat[o + i] * b[o + i];
            }
        }
        return frobenius(traceE, traceH);
    }

    /**
     * ||W||_F = sqrt(||W0||_F^2 + 2 tr(B Z0) + tr(B K B^T)) (clamped at 0), keeping ||W - W0||_F^2 = ||B X||_F^2 =
     * tr(B K B^T) for {@link #changeFromInit()}. When that sum is not finite while B is (the traces overflow, or
     * give ∞ − ∞ = NaN, for entries of B beyond about 1e150), both norms are recomputed from B / s with
     * s = max |B_ji| ({@link #scaledNorms}), so finite coefficients give the norms of W as dense does; a NaN or
     * infinite entry of B gives NaN or +∞.
     */
    private double frobenius(double traceE, double traceH) {
        changeSq = traceH;
        double froSq = d.w0NormSq + 2 * traceE + traceH;
        if (Double.isFinite(froSq) && Double.isFinite(traceH)) {
            return Math.sqrt(Math.max(0.0, froSq));
        }
        double[] scaled = scaledNorms();
        changeSq = Double.NaN;
        change = scaled[1];
        return scaled[0];
    }

    /**
     * {||W||_F, ||W - W0||_F} from B' = B / s, s = max |B_ji|: ||W||_F = s sqrt(||W0||_F^2 / s^2 + 2 tr(B' Z0) / s
     * + tr(B' K B'^T)) and ||B X||_F = s sqrt(tr(B' K B'^T)), every term below double precision's range. Serial, in
     * index order; O(n² m), on this rare path only.
     */
    private double[] scaledNorms() {
        double s = 0.0;
        for (double v : b) {
            if (Double.isNaN(v)) {
                return new double[] {Double.NaN, Double.NaN};
            }
            s = Math.max(s, Math.abs(v));
        }
        if (Double.isInfinite(s)) {
            return new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        double traceE = 0.0;
        double traceH = 0.0;
        double[] row = new double[n];
        for (int j = 0; j < m; j++) {
            int o = j * n;
            double[] z0tj = d.z0t[j];
            for (int i = 0; i < n; i++) {
                traceE += b[o + i] / s * z0tj[i];
            }
            java.util.Arrays.fill(row, 0.0);
            for (int l = 0; l < n; l++) {
                double bl = b[o + l] / s;
                double[] kl = d.k[l];
                for (int i = 0; i < n; i++) {
                    row[i] += bl * kl[i];
                }
            }
            for (int i = 0; i < n; i++) {
                traceH += row[i] * (b[o + i] / s);
            }
        }
        double fro = d.w0NormSq / s / s + 2 * traceE / s + traceH;
        return new double[] {s * Math.sqrt(Math.max(0.0, fro)), s * Math.sqrt(Math.max(0.0, traceH))};
    }

    /**
     * Row j of W W^T = G0 + E + E^T + (H + H^T)/2 up to the diagonal, written to both triangles (so the matrix
     * is exactly symmetric): gram[j][k] = gram[k][j] = g0_jk + e_jk + e_kj + 0.5 (h_jk + h_kj) for k &lt;= j.
     * (One small method per row, so that it is compiled after a few recorded steps rather than interpreted.)
     */
    private static void gramRow(int j, int m, double[] g0j, double[] e, double[] h, double[][] gram) {
        double[] row = gram[j];
        int oj = j * m;
        for (int k = 0; k <= j; k++) {
            int ok = k * m;
            double v = g0j[k] + e[oj + k] + e[ok + j] + 0.5 * (h[oj + k] + h[ok + j]);
            row[k] = v;
            gram[k][j] = v;
        }
    }

    @Override
    public double changeFromInit() {
        return Double.isNaN(changeSq) ? change : Math.sqrt(Math.max(0.0, changeSq));
    }

    @Override
    public double initNorm() {
        return Math.sqrt(d.w0NormSq);
    }

    @Override
    public double[][] trainGram() {
        return d.k;
    }
}
