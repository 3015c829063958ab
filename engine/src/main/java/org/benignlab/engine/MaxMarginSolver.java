package org.benignlab.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The linear maximum-margin classifier through the origin (hard-margin SVM without bias) from the Gram matrix
 * alone: the direction gradient descent on a linear model with logistic loss converges to (Soudry et al. 2018).
 *
 * <p><b>Problem.</b> Primal: min ½||w||² subject to y_i &lt;w, x_i&gt; &gt;= 1 for all i. Dual, with
 * Q = diag(y) K diag(y) (n x n, K = X X^T): max D(α) = Σ α_i − ½ α^T Q α subject to α &gt;= 0 (no equality
 * constraint: there is no bias). Then w = Σ α_i y_i x_i, so a test point's output is Σ_i α_i y_i &lt;x_i, x&gt;,
 * and the KKT conditions read α_i &gt;= 0, (Qα)_i &gt;= 1, α_i ((Qα)_i − 1) = 0.
 *
 * <p><b>Duality gap.</b> For any α &gt;= 0 with μ(α) = min_i (Qα)_i &gt; 0, w/μ is feasible for the primal, so
 * P(α) = ½ α^T Q α / μ² is an upper bound on the optimum and D(α) a lower bound; gap(α) = P − D &gt;= 0, and the
 * optimal value, hence the margin 1/||w*|| = 1/sqrt(2·opt), is bracketed by [D, P]. The solver stops when
 * gap &lt;= {@link #TOLERANCE} · P.
 *
 * <p><b>Method</b> (hand-written: no library in the build solves a QP; see engine/README.md):
 * <ol>
 *   <li>Q α = 1 by Cholesky (EJML). If it succeeds with every α_i &gt; 0, the KKT conditions hold with every point
 *       a support vector (the usual case when p ≫ n: then the maximum-margin classifier is the minimum-norm
 *       interpolator).</li>
 *   <li>Otherwise dual coordinate descent (Hsieh et al. 2008, without the bias) from max(α, 0) (or 0): sweeps over
 *       i = 0..n−1 in order, α_i ← max(0, α_i − ((Qα)_i − 1) / Q_ii), Qα updated in O(n) per coordinate. After
 *       every {@value #POLISH_EVERY} sweeps and when the gap rule holds, a polish: with S = {i : α_i &gt; 0},
 *       α_S = Q_SS^{-1} 1 (Cholesky), accepted when α_S &gt; 0 and its gap is smaller; a polished point that
 *       satisfies the KKT conditions ends the search.</li>
 *   <li>Not separable: every {@value #POLISH_EVERY} sweeps, the change d of α since the last check gives an upper bound
 *       sqrt(d̂^T Q d̂) (d̂ = d⁺ / Σ d⁺) on the margin of every classifier ({@link #marginBound}); when it is at most
 *       {@link #SEPARABILITY} · max_i ||x_i|| the solver stops as unsolved with that bound (on a set that is not
 *       separable the dual is unbounded and α runs off along a d &gt;= 0 with Q d = 0).</li>
 *   <li>At most {@link #maxSweeps(int)} sweeps; a problem not solved to the gap rule by then (too ill-conditioned)
 *       is reported as unsolved.</li>
 * </ol>
 * Deterministic: a fixed order, one thread; the same K and y give the same bits.
 */
public final class MaxMarginSolver {
    private MaxMarginSolver() {
    }

    /** Relative duality gap (P − D) / P at which the solver stops. */
    public static final double TOLERANCE = 1e-12;
    /** Coordinate-descent sweeps between two polishing attempts. */
    static final int POLISH_EVERY = 20;

    /**
     * A solution.
     *
     * @param alpha          the dual weights α (length n; NaN entries when not solved)
     * @param margin         the geometric margin min_i (Qα)_i / sqrt(α^T Q α) (NaN when not solved)
     * @param supportVectors the number of i with α_i &gt; 0
     * @param gap            the final relative duality gap (P − D) / P (infinite when no α had μ(α) &gt; 0)
     * @param sweeps         coordinate-descent sweeps used (0 when the first Cholesky solve was optimal)
     * @param solved         whether the gap rule holds
     * @param marginBound    when not solved because the set is not separable through the origin (to
     *                       {@link #SEPARABILITY}): an upper bound on the margin of every classifier, at most
     *                       {@link #SEPARABILITY} · max_i ||x_i|| (NaN otherwise)
     */
    public record Solution(double[] alpha, double margin, int supportVectors, double gap, int sweeps,
                           boolean solved, double marginBound) {
    }

    /**
     * The solver stops as "not separable" when it proves that no classifier through the origin has a margin above
     * this fraction of max_i ||x_i|| ({@link #marginBound}).
     */
    public static final double SEPARABILITY = 1e-8;

    /** The sweep cap: max(2000, 4·10^9 / n²) sweeps, i.e. at most about 4·10^9 multiply-adds of coordinate descent. */
    static int maxSweeps(int n) {
        return (int) Math.max(2000, Math.min(Integer.MAX_VALUE, 4e9 / ((double) n * n)));
    }

    /**
     * Solves the dual for the Gram matrix {@code k} and labels {@code y}.
     *
     * @param k K = X X^T, n x n, symmetric (not modified)
     * @param y labels in {-1, +1}, length n (not modified)
     */
    public static Solution solve(double[][] k, double[] y) {
        int n = y.length;
        if (k.length != n) {
            throw new IllegalArgumentException("MaxMarginSolver: K is " + k.length + " x ? for " + n + " labels");
        }
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] = y[i] * y[j] * k[i][j];
            }
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        double[] alpha = restrictedSolve(q, all);
        if (alpha != null && positive(alpha, all)) {
            double gap = relativeGap(q, alpha);
            if (gap <= TOLERANCE) {
                return solution(q, alpha, gap, 0, true);
            }
        }
        double[] a = new double[n];
        if (alpha != null) {
            for (int i = 0; i < n; i++) {
                a[i] = Math.max(0.0, alpha[i]);
            }
        }
        double[] qa = multiply(q, a);
        int cap = maxSweeps(n);
        double best = relativeGap(q, a);
        double maxDiag = 0.0;
        for (int i = 0; i < n; i++) {
            maxDiag = Math.max(maxDiag, q[i][i]);
        }
        double[] previous = a.clone();
        for (int sweep = 1; sweep <= cap; sweep++) {
            for (int i = 0; i < n; i++) {
                double qii = q[i][i];
                if (!(qii > 0)) {
                    continue; // x_i = 0: its constraint 0 >= 1 cannot hold; the gap never closes
                }
                double next = Math.max(0.0, a[i] - (qa[i] - 1.0) / qii);
                double delta = next - a[i];
                if (delta != 0.0) {
                    a[i] = next;
                    double[] qi = q[i];
                    for (int j = 0; j < n; j++) {
                        qa[j] += delta * qi[j];
                    }
                }
            }
            double gap = relativeGap(q, a);
            best = Math.min(best, gap);
            if (gap <= TOLERANCE || sweep % POLISH_EVERY == 0) {
                double[] polished = polish(q, a);
                if (polished != null) {
                    double pg = relativeGap(q, polished);
                    if (pg <= gap) {
                        System.arraycopy(polished, 0, a, 0, n);
                        qa = multiply(q, a);
                        gap = pg;
                        best = Math.min(best, gap);
                        if (kkt(q, a, qa)) {
                            return solution(q, a, gap, sweep, gap <= TOLERANCE);
                        }
                    }
                }
                if (gap <= TOLERANCE) {
                    return solution(q, a, gap, sweep, true);
                }
                if (sweep % POLISH_EVERY == 0) {
                    double bound = marginBound(q, a, previous);
                    if (bound <= SEPARABILITY * Math.sqrt(maxDiag)) {
                        return unsolved(n, best, sweep, bound);
                    }
                    System.arraycopy(a, 0, previous, 0, n);
                }
            }
        }
        return unsolved(n, best, cap, Double.NaN);
    }

    private static Solution unsolved(int n, double gap, int sweeps, double marginBound) {
        double[] nan = new double[n];
        java.util.Arrays.fill(nan, Double.NaN);
        return new Solution(nan, Double.NaN, 0, gap, sweeps, false, marginBound);
    }

    /**
     * An upper bound on the margin of every w: for d̂ in the simplex, min_i y_i &lt;w, x_i&gt; &lt;= &lt;w, Σ d̂_i y_i x_i&gt;
     * &lt;= ||w|| sqrt(d̂^T Q d̂). Here d̂ is the positive part of the change of α over the last sweeps, normalised:
     * on a set that is not separable through the origin the dual is unbounded and coordinate descent moves α along
     * a direction d &gt;= 0 with Q d = 0 (Gordan's alternative), so the bound falls to rounding. +infinity when α did
     * not grow.
     */
    static double marginBound(double[][] q, double[] a, double[] previous) {
        int n = a.length;
        double[] d = new double[n];
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            d[i] = Math.max(0.0, a[i] - previous[i]);
            sum += d[i];
        }
        if (!(sum > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        for (int i = 0; i < n; i++) {
            d[i] /= sum;
        }
        double[] qd = multiply(q, d);
        double quad = 0.0;
        for (int i = 0; i < n; i++) {
            quad += d[i] * qd[i];
        }
        return Math.sqrt(Math.max(0.0, quad));
    }

    /** (P − D) / P for α (the class comment); +infinity when min_i (Qα)_i &lt;= 0 or α = 0. */
    public static double relativeGap(double[][] q, double[] alpha) {
        double[] qa = multiply(q, alpha);
        double quad = 0.0;
        double sum = 0.0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < alpha.length; i++) {
            quad += alpha[i] * qa[i];
            sum += alpha[i];
            min = Math.min(min, qa[i]);
        }
        if (!(min > 0) || !(quad > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double primal = 0.5 * quad / (min * min);
        double dual = sum - 0.5 * quad;
        return Math.max(0.0, (primal - dual) / primal);
    }

    /** Whether α_i &gt;= 0, (Qα)_i &gt;= 1 − 1e-12 and |α_i ((Qα)_i − 1)| &lt;= 1e-12 · max(1, α_i) for every i. */
    private static boolean kkt(double[][] q, double[] a, double[] qa) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0 || qa[i] < 1 - 1e-12 || Math.abs(a[i] * (qa[i] - 1)) > 1e-12 * Math.max(1.0, a[i])) {
                return false;
            }
        }
        return true;
    }

    /** α_S = Q_SS^{-1} 1 on the support S = {α_i &gt; 0}, zero elsewhere; null when it is not positive. */
    private static double[] polish(double[][] q, double[] a) {
        int count = 0;
        for (double v : a) {
            if (v > 0) {
                count++;
            }
        }
        if (count == 0) {
            return null;
        }
        int[] s = new int[count];
        int c = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > 0) {
                s[c++] = i;
            }
        }
        double[] out = restrictedSolve(q, s);
        return out != null && positive(out, s) ? out : null;
    }

    /** α with α_S = Q_SS^{-1} 1 and 0 elsewhere (EJML Cholesky); null when Q_SS is not positive definite. */
    private static double[] restrictedSolve(double[][] q, int[] s) {
        int size = s.length;
        DMatrixRMaj qs = new DMatrixRMaj(size, size);
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                qs.unsafe_set(r, c, q[s[r]][s[c]]);
            }
        }
        DMatrixRMaj ones = new DMatrixRMaj(size, 1);
        ones.fill(1.0);
        DMatrixRMaj x = new DMatrixRMaj(size, 1);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(size);
        if (!chol.setA(qs)) {
            return null;
        }
        chol.solve(ones, x);
        double[] out = new double[q.length];
        for (int r = 0; r < size; r++) {
            double v = x.get(r, 0);
            if (!Double.isFinite(v)) {
                return null;
            }
            out[s[r]] = v;
        }
        return out;
    }

    private static boolean positive(double[] alpha, int[] s) {
        for (int i : s) {
            if (!(alpha[i] > 0)) {
                return false;
            }
        }
        return true;
    }

    private static Solution solution(double[][] q, double[] alpha, double gap, int sweeps, boolean solved) {
        double[] qa = multiply(q, alpha);
        double quad = 0.0;
        double min = Double.POSITIVE_INFINITY;
        int support = 0;
        for (int i = 0; i < alpha.length; i++) {
            quad += alpha[i] * qa[i];
            min = Math.min(min, qa[i]);
            if (alpha[i] > 0) {
                support++;
            }
        }
        return new Solution(alpha.clone(), min / Math.sqrt(quad), support, gap, sweeps, solved, Double.NaN);
    }

    private static double[] multiply(double[][] q, double[] a) {
        int n = a.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double[] qi = q[i];
            double sum = 0.0;
            for (int j = 0; j < n; j++) {
                sum += qi[j] * a[j];
            }
            out[i] = sum;
        }
        return out;
    }
}
