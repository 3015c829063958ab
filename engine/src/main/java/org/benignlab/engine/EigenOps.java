package org.benignlab.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.eig.SymmetricQRAlgorithmDecomposition_DDRM;
import org.ejml.dense.row.decomposition.hessenberg.TridiagonalDecompositionHouseholder_DDRM;

/**
 * The largest eigenvalue of a symmetric positive semi-definite matrix S (m x m, an array of rows), as the
 * spectral norm needs it (||W||_2² = λ_max(W W^T)). Serial and deterministic: the value is a function of S
 * alone (no state kept between calls, no random stream).
 *
 * <p><b>Lanczos</b> ({@link #largestByLanczos}): the Krylov space of S from a fixed start vector (drawn in each
 * call from XoShiRo256++ with the fixed seed {@value #START_SEED}, so every component is generically non-zero;
 * no warm start from an earlier call, so that a recorded value does not depend on which steps were recorded
 * before it), the three-term recurrence followed by a full re-orthogonalisation against all earlier basis
 * vectors (classical Gram-Schmidt), so the basis stays orthonormal to rounding and no spurious copies of
 * converged eigenvalues appear. The largest eigenvalue θ of the tridiagonal T_k is found by bisection on Sturm
 * counts and its eigenvector s by inverse iteration, after each of the first 12 basis vectors and every third
 * one after; when the Lanczos estimate β_k |s_k| of the residual is small, the Ritz vector y = Q_k s is formed
 * and the residual checked <em>explicitly</em>: with ρ = y^T S y (the Rayleigh quotient) and r = S y - ρ y,
 * <pre>
 *   accepted when ||r|| &lt;= tolerance · ρ,   tolerance = {@value #TOLERANCE}
 * </pre>
 * which guarantees an eigenvalue of S within ||r|| of ρ (a relative error of at most 1e-13 for ρ, half that
 * for its square root), without any assumption on the spectral gap; in practice the error is ||r||²/gap, far
 * smaller. That eigenvalue is the largest one unless the start vector is (numerically) orthogonal to the top
 * eigenvector, which a generic start rules out for any matrix not built against it. The value returned is ρ.
 *
 * <p><b>Fallback</b> ({@link #largestByEigen}): EJML's symmetric QR algorithm (Householder tridiagonalisation,
 * all eigenvalues, serial) when the test has not passed after min(m, {@value #MAX_ITERATIONS}) iterations, when
 * S is not exactly symmetric, or when a non-finite number appears. Cost: k iterations cost k·m² (the products
 * S q) plus about k²·m (re-orthogonalisation), against about (4/3)·m³ for the full decomposition: few iterations
 * once training has given W a dominant direction (stable rank near 1), more on W0 W0^T at step 0 (a
 * Marchenko-Pastur bulk, whose top eigenvalues lie close together).
 */
final class EigenOps {
    /** Relative residual the Lanczos result must reach: ||S y - ρ y|| &lt;= TOLERANCE · ρ. */
    static final double TOLERANCE = 1e-13;

    /** Most Lanczos iterations before the fallback (fewer when m is smaller). */
    static final int MAX_ITERATIONS = 80;

    /** Seed of the fixed Lanczos start vector. */
    static final long START_SEED = 0x5EC7_2A1L;

    /**
     * The state XoShiRo256++ starts from for {@link #START_SEED}: the words {@code RandomSource.XO_SHI_RO_256_PP
     * .create(START_SEED)} expands the seed to (SplitMix64), written out so that {@code RandomSource} is never loaded
     * (EigenOpsTest checks them against it). Its class initialisation loads every generator class of Commons RNG, and
     * the first other concrete generator class invalidates the code the JIT compiled for the samplers while
     * XoShiRo256++ was the only one: the next data generation of the process then runs interpreted until compiled
     * again (the span engine's data after a dense run in one process took 56 ms instead of 7; benchmarks/README.md).
     */
    static final long[] START_STATE = {0xB9B60C08F1C0B4B7L, 0x62116A4882A36613L, 0x910E993759E4991DL,
        0x24A680316C68B908L};

    private EigenOps() {
    }

    /**
     * λ_max(S) for a symmetric positive semi-definite S with finite entries: Lanczos, else the full
     * decomposition (class comment). Not clamped: a rounding error may leave it slightly below 0 when S is 0 up
     * to rounding.
     *
     * @param s S, m rows of length m, m &gt;= 1 (not modified)
     */
    static double largest(double[][] s) {
        double v = largestByLanczos(s, Math.min(s.length, MAX_ITERATIONS), TOLERANCE);
        return Double.isNaN(v) ? largestByEigen(s) : v;
    }

    /**
     * λ_max(S) by EJML's symmetric QR algorithm (all eigenvalues).
     *
     * @param s S, m rows of length m, m &gt;= 1 (not modified)
     * @throws IllegalStateException if the iteration does not converge
     */
    static double largestByEigen(double[][] s) {
        int m = s.length;
        SymmetricQRAlgorithmDecomposition_DDRM eig =
                new SymmetricQRAlgorithmDecomposition_DDRM(new TridiagonalDecompositionHouseholder_DDRM(), false);
        if (!eig.decompose(new DMatrixRMaj(s))) {
            throw new IllegalStateException("spectralNorm: the symmetric eigenvalue iteration did not converge for a "
                    + m + " x " + m + " Gram matrix");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            max = Math.max(max, eig.getEigenvalue(i).real);
        }
        return max;
    }

    /**
     * λ_max(S) by Lanczos with the explicit residual test of the class comment, or NaN when it does not pass
     * within {@code maxIterations} iterations (or S is not exactly symmetric, or a non-finite number appears).
     *
     * @param s             S, m rows of length m, m &gt;= 1, finite entries (not modified)
     * @param maxIterations at most this many basis vectors, 1..m
     * @param tolerance     the relative residual to reach
     */
    static double largestByLanczos(double[][] s, int maxIterations, double tolerance) {
        return largestByLanczos(s, maxIterations, tolerance, new int[1]);
    }

    /**
     * {@link #largestByLanczos(double[][], int, double)}, reporting in {@code iterations[0]} how many basis
     * vectors were used (for tests).
     */
    static double largestByLanczos(double[][] s, int maxIterations, double tolerance, int[] iterations) {
        int m = s.length;
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < j; k++) {
                if (s[j][k] != s[k][j]) {
                    return Double.NaN;
                }
            }
        }
        if (m == 1) {
            return s[0][0];
        }
        int kMax = Math.min(maxIterations, m);
        double[][] q = new double[kMax][];
        double[] alpha = new double[kMax];
        double[] beta = new double[kMax];
        double[] w = new double[m];
        double[] sy = new double[m];
        double[] y = new double[m];
        double[] coef = new double[kMax];
        double[] ritz = new double[kMax];

        double[] q0 = new double[m];
        UniformRandomProvider rng = new XoShiRo256PlusPlus(START_STATE.clone());
        for (int i = 0; i < m; i++) {
            q0[i] = rng.nextDouble() - 0.5;
        }
        scale(q0, 1 / norm(q0));
        q[0] = q0;
        for (int k = 0; k < kMax; k++) {
            double[] qk = q[k];
            iterations[0] = k + 1;
            // three-term recurrence, then one full re-orthogonalisation against q_0..q_k
            multiply(s, qk, w);
            if (k > 0) {
                axpy(-beta[k - 1], q[k - 1], w);
            }
            double a = dot(qk, w);
            axpy(-a, qk, w);
            for (int i = 0; i <= k; i++) {
                coef[i] = dot(q[i], w);
            }
            for (int i = 0; i <= k; i++) {
                axpy(-coef[i], q[i], w);
            }
            alpha[k] = a + coef[k];
            double b = norm(w);
            beta[k] = b;
            if (!Double.isFinite(alpha[k]) || !Double.isFinite(b)) {
                return Double.NaN;
            }
            boolean last = k + 1 == kMax;
            // the Ritz value at every iteration up to 12, then at every third one (and at the last)
            if (!last && k >= 12 && k % 3 != 0) {
                nextVector(q, k, w, b);
                continue;
            }
            double theta = largestTridiagonal(alpha, beta, k + 1);
            if (!(theta > 0)) {
                if (theta == 0 && allZero(s)) {
                    return 0.0;
                }
                if (!last && b > 0) {
                    nextVector(q, k, w, b);
                    continue;
                }
                return Double.NaN;
            }
            tridiagonalEigenvector(alpha, beta, k + 1, theta, ritz);
            boolean exhausted = b <= 1e-3 * tolerance * theta; // (numerically) invariant subspace
            if (last || exhausted || b * Math.abs(ritz[k]) <= 0.5 * tolerance * theta) {
                // explicit check with the Ritz vector y = Q s
                java.util.Arrays.fill(y, 0.0);
                for (int i = 0; i <= k; i++) {
                    axpy(ritz[i], q[i], y);
                }
                scale(y, 1 / norm(y));
                multiply(s, y, sy);
                double rho = dot(y, sy);
                double r = 0.0;
                for (int i = 0; i < m; i++) {
                    double d = sy[i] - rho * y[i];
                    r += d * d;
                }
                if (Double.isFinite(rho) && rho > 0 && Math.sqrt(r) <= tolerance * rho) {
                    return rho;
                }
                if (last || exhausted) {
                    return Double.NaN;
                }
            }
            nextVector(q, k, w, b);
        }
        return Double.NaN;
    }

    private static void nextVector(double[][] q, int k, double[] w, double b) {
        double[] next = w.clone();
        scale(next, 1 / b);
        q[k + 1] = next;
    }

    /** out = S v, as Σ_j v_j S_j (the rows of a symmetric S are its columns). */
    private static void multiply(double[][] s, double[] v, double[] out) {
        int m = v.length;
        java.util.Arrays.fill(out, 0.0);
        for (int j = 0; j < m; j++) {
            double vj = v[j];
            double[] row = s[j];
            for (int i = 0; i < m; i++) {
                out[i] += vj * row[i];
            }
        }
    }

    /** Σ a_i b_i in four interleaved partial sums (a fixed order: the same numbers every time). */
    private static double dot(double[] a, double[] b) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int n = a.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void axpy(double c, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += c * x[i];
        }
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void scale(double[] a, double c) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= c;
        }
    }

    private static boolean allZero(double[][] s) {
        for (double[] row : s) {
            for (double v : row) {
                if (v != 0.0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The largest eigenvalue of the symmetric tridiagonal T (diagonal alpha[0..k-1], off-diagonal
     * beta[0..k-2]), by bisection on Sturm counts to full precision.
     */
    static double largestTridiagonal(double[] alpha, double[] beta, int k) {
        // Gershgorin bounds
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            double r = (i > 0 ? Math.abs(beta[i - 1]) : 0) + (i < k - 1 ? Math.abs(beta[i]) : 0);
            lo = Math.min(lo, alpha[i] - r);
            hi = Math.max(hi, alpha[i] + r);
        }
        if (k == 1) {
            return alpha[0];
        }
        double scale = Math.max(Math.abs(lo), Math.abs(hi));
        if (scale == 0) {
            return 0.0;
        }
        // invariant: at most... count(hi) == k eigenvalues below hi; the largest lies in (lo, hi]
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (countBelow(alpha, beta, k, mid, scale) == k) {
                hi = mid; // every eigenvalue is below mid
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** Number of eigenvalues of T less than x (Sturm sequence of the LDL^T pivots). */
    private static int countBelow(double[] alpha, double[] beta, int k, double x, double scale) {
        int count = 0;
        double d = alpha[0] - x;
        double tiny = Math.max(Double.MIN_NORMAL, Math.ulp(scale));
        if (d == 0) {
            d = -tiny;
        }
        if (d < 0) {
            count++;
        }
        for (int i = 1; i < k; i++) {
            d = alpha[i] - x - beta[i - 1] * beta[i - 1] / d;
            if (d == 0) {
                d = -tiny;
            }
            if (d < 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * An eigenvector of the tridiagonal T for the eigenvalue theta, by two steps of inverse iteration with
     * T - theta·I (Gaussian elimination with partial pivoting), normalised to length 1.
     *
     * @param out receives the vector in entries 0..k-1 (modified)
     */
    static void tridiagonalEigenvector(double[] alpha, double[] beta, int k, double theta, double[] out) {
        if (k == 1) {
            out[0] = 1.0;
            return;
        }
        double scale = 0.0;
        for (int i = 0; i < k; i++) {
            scale = Math.max(scale, Math.abs(alpha[i]) + (i < k - 1 ? Math.abs(beta[i]) : 0));
        }
        double shift = theta + 4 * Math.ulp(Math.max(scale, Double.MIN_NORMAL));
        java.util.Arrays.fill(out, 0, k, 1.0);
        double[] diag = new double[k];
        double[] upper = new double[k];
        double[] upper2 = new double[k];
        double[] lower = new double[k];
        double[] mult = new double[k];
        boolean[] swapped = new boolean[k];
        // LU with partial pivoting of T - shift·I (tridiagonal: U has two super-diagonals)
        for (int i = 0; i < k; i++) {
            diag[i] = alpha[i] - shift;
            upper[i] = i < k - 1 ? beta[i] : 0.0;
            lower[i] = i < k - 1 ? beta[i] : 0.0;
            upper2[i] = 0.0;
        }
        double eps = Math.ulp(1.0) * Math.max(scale, Double.MIN_NORMAL);
        for (int i = 0; i < k - 1; i++) {
            if (Math.abs(lower[i]) > Math.abs(diag[i])) {
                // swap rows i and i+1
                swapped[i] = true;
                double d = lower[i];
                double u = diag[i + 1];
                double u2 = i + 1 < k - 1 ? upper[i + 1] : 0.0;
                double m = diag[i] / d;
                mult[i] = m;
                double oldUpper = upper[i];
                diag[i] = d;
                upper[i] = u;
                upper2[i] = u2;
                diag[i + 1] = oldUpper - m * u;
                if (i + 1 < k - 1) {
                    upper[i + 1] = -m * u2;
                }
            } else {
                swapped[i] = false;
                double d = diag[i] == 0 ? eps : diag[i];
                diag[i] = d;
                double m = lower[i] / d;
                mult[i] = m;
                diag[i + 1] -= m * upper[i];
                upper2[i] = 0.0;
            }
        }
        if (diag[k - 1] == 0) {
            diag[k - 1] = eps;
        }
        for (int round = 0; round < 2; round++) {
            // forward: apply the row operations to out
            for (int i = 0; i < k - 1; i++) {
                if (swapped[i]) {
                    double t = out[i];
                    out[i] = out[i + 1];
                    out[i + 1] = t - mult[i] * out[i];
                } else {
                    out[i + 1] -= mult[i] * out[i];
                }
            }
            // back substitution with U (diag, upper, upper2)
            for (int i = k - 1; i >= 0; i--) {
                double v = out[i];
                if (i + 1 < k) {
                    v -= upper[i] * out[i + 1];
                }
                if (i + 2 < k) {
                    v -= upper2[i] * out[i + 2];
                }
                out[i] = v / diag[i];
            }
            double max = 0.0;
            for (int i = 0; i < k; i++) {
                max = Math.max(max, Math.abs(out[i]));
            }
            if (!(max > 0) || Double.isInfinite(max)) {
                java.util.Arrays.fill(out, 0, k, 0.0);
                out[k - 1] = 1.0;
                return;
            }
            for (int i = 0; i < k; i++) {
                out[i] /= max;
            }
        }
        double n2 = 0.0;
        for (int i = 0; i < k; i++) {
            n2 += out[i] * out[i];
        }
        double inv = 1 / Math.sqrt(n2);
        for (int i = 0; i < k; i++) {
            out[i] *= inv;
        }
    }
}
