package org.benignlab.testkit;

import java.util.Optional;

import org.benignlab.api.Loss;

import static org.benignlab.testkit.ActivationContract.fail;

/**
 * The contract of a margin {@link Loss} ℓ(z) of z = y f(x) (paper, Section 2.2): ℓ &gt;= 0,
 * non-increasing (ℓ' &lt;= 0), convex (ℓ' non-decreasing, ℓ below its chords), ℓ' equal to a finite
 * difference of ℓ, g = -ℓ', values finite for |z| &lt;= {@value #FINITE_RANGE} and never NaN. The
 * finite-difference check compares relative to the size of ℓ, so ℓ must be computed to full relative
 * precision where it is small (log1p, not log(1 + x)). {@link #factA1} checks Fact A.1 of the paper
 * (Appendix A) for a loss whose g is the logistic g(z) = 1/(1 + e^z).
 *
 * <p>Why finite only for |z| &lt;= 700: the exponential loss e^-z, a correct and common loss,
 * overflows to infinity for z &lt; -709.78 (e^709.78 is the largest double). A margin of -700 is a
 * network wrong by hundreds of units on a training point, which a run reports as divergence anyway.
 * Beyond the range the contract asks only for no NaN and the right signs (ℓ = +∞, ℓ' = -∞ allowed).
 *
 * <p>A counterexample starts with the property it breaks: {@code non-negative},
 * {@code non-increasing}, {@code convex}, {@code derivative}, {@code g = -ℓ'}, {@code finite} or
 * {@code not NaN}, and gives the point.
 */
public final class LossContract {

    /** Finite-difference step, relative to max(1, |z|). */
    public static final double STEP = 1e-6;

    /** Value and derivative must be finite for |z| up to this (see the class comment for why 700). */
    public static final double FINITE_RANGE = 700;

    /** How many ulps of the largest value involved a correct evaluation of ℓ may be off by. */
    private static final double ROUNDING_ULPS = 16;

    /** Relative slack on the comparison ℓ'(z) &lt;= ℓ'(z + d) (a few ulps, far below any real violation). */
    private static final double SLOPE_SLACK = 1e-12;

    private static final double[] DISTANCES = {1e-3, 0.5, 4};

    private LossContract() {
    }

    /**
     * Checks the contract at one point.
     *
     * @param l the loss (not modified)
     * @param z any non-NaN point (infinite values are allowed: then only "not NaN" and the signs are checked)
     * @return empty when the contract holds at z; otherwise a description of the counterexample
     */
    public static Optional<String> check(Loss l, double z) {
        if (Double.isNaN(z)) {
            throw new IllegalArgumentException("z must not be NaN");
        }
        double v = l.value(z);
        double d = l.derivative(z);
        double g = l.g(z);
        if (Double.isNaN(v) || Double.isNaN(d) || Double.isNaN(g)) {
            return fail("not NaN: NaN at z = %s: ℓ = %s, ℓ' = %s, g = %s", z, v, d, g);
        }
        if (Math.abs(z) <= FINITE_RANGE && !(Double.isFinite(v) && Double.isFinite(d) && Double.isFinite(g))) {
            return fail("finite: not finite at z = %s (|z| <= %s): ℓ = %s, ℓ' = %s, g = %s", z, FINITE_RANGE, v, d,
                    g);
        }
        if (v < 0) {
            return fail("non-negative: ℓ(%s) = %s < 0", z, v);
        }
        if (d > 0) {
            return fail("non-increasing: ℓ'(%s) = %s > 0", z, d);
        }
        // log ℓ is the train loss in log space: where ℓ is a normal positive double it must be log(ℓ) to rounding
        double logV = l.logValue(z);
        if (v >= Double.MIN_NORMAL && Double.isFinite(v)
                && !(Math.abs(logV - Math.log(v)) <= 1e-12 * Math.max(1.0, Math.abs(Math.log(v))))) {
            return fail("log value: logValue(%s) = %s but log ℓ(%s) = %s", z, logV, z, Math.log(v));
        }
        if (!Double.isFinite(z) || !Double.isFinite(v) || !Double.isFinite(d) || !Double.isFinite(g)) {
            return Optional.empty(); // beyond FINITE_RANGE only "not NaN" and the signs are asked
        }
        // g is defined as -ℓ'; an implementation may compute it separately for accuracy
        if (Math.abs(g + d) > 1e-12 * Math.max(Math.abs(g), Math.abs(d)) + Double.MIN_NORMAL) {
            return fail("g = -ℓ': g(%s) = %s but -ℓ'(%s) = %s", z, g, z, -d);
        }
        for (double dist : DISTANCES) {
            double zd = z + dist * Math.max(1.0, Math.abs(z));
            if (!Double.isFinite(zd) || zd == z) {
                continue;
            }
            double vd = l.value(zd);
            double rounding = ROUNDING_ULPS * Math.ulp(Math.max(Math.abs(v), Math.abs(vd)));
            if (vd > v + rounding) {
                return fail("non-increasing: ℓ(%s) = %s > ℓ(%s) = %s", zd, vd, z, v);
            }
            // convex: ℓ' is non-decreasing, and ℓ at the midpoint is at most the mean of the end values
            double dd = l.derivative(zd);
            if (dd < d - (SLOPE_SLACK * Math.max(Math.abs(d), Math.abs(dd)) + Double.MIN_NORMAL)) {
                return fail("convex: ℓ'(%s) = %s < ℓ'(%s) = %s; the slope of a convex loss never decreases",
                        zd, dd, z, d);
            }
            double mid = z + (zd - z) / 2;
            double vm = l.value(mid);
            double chord = v / 2 + vd / 2;
            // mid is rounded to a double: ℓ(mid) may be off by |ℓ'| times a few ulps of the points
            double slack = rounding + 4 * Math.ulp(Math.abs(z) + Math.abs(zd)) * Math.max(Math.abs(d), Math.abs(dd));
            if (vm > chord + slack) {
                return fail("convex: ℓ(%s) = %s lies above the chord between z = %s and %s (mean of the end values %s)",
                        mid, vm, z, zd, chord);
            }
        }

        double step = STEP * Math.max(1.0, Math.abs(z));
        double zp = z + step;
        double zm = z - step;
        if (!Double.isFinite(zp) || !Double.isFinite(zm)) {
            return Optional.empty();
        }
        double width = zp - zm;
        double vp = l.value(zp);
        double vm = l.value(zm);
        if (!Double.isFinite(vp) || !Double.isFinite(vm)) {
            return Optional.empty(); // only at the edge of FINITE_RANGE, for a loss that overflows just beyond it
        }
        double central = (vp - vm) / width;
        // The central difference is the mean of ℓ' over [z-h, z+h]. Where ℓ' is monotone there (every
        // convex loss; any C^2 loss away from an inflection point) the mean lies between ℓ'(z-h) and
        // ℓ'(z+h); this also holds at a kink such as the hinge's. Allowed on top: rounding of the two
        // values of ℓ, and 1e-6 of the bracket's size for the O(h^2) error of a non-monotone ℓ'.
        double dm = l.derivative(zm);
        double dp = l.derivative(zp);
        double lo = Math.min(d, Math.min(dm, dp));
        double hi = Math.max(d, Math.max(dm, dp));
        double tol = ROUNDING_ULPS * Math.ulp(Math.max(Math.abs(vp), Math.abs(vm))) / width
                + 1e-6 * Math.max(Math.abs(lo), Math.abs(hi));
        if (!(central >= lo - tol && central <= hi + tol)) {
            return fail("derivative: ℓ'(%s) = %s (ℓ' on [z-h, z+h] spans [%s, %s]), but the central difference of ℓ "
                    + "with h = %s is %s", z, d, lo, hi, step, central);
        }
        return Optional.empty();
    }

    /**
     * Checks the contract at every point given and returns the first counterexample.
     *
     * @param l  the loss (not modified)
     * @param zs points, none NaN (not modified)
     */
    public static Optional<String> checkAll(Loss l, double... zs) {
        return ActivationContract.firstFailure(zs, z -> check(l, z));
    }

    /**
     * Fact A.1 of the paper for the logistic g: g(z1) / g(z2) &lt;= max(2, 2 e^{-z1} / e^{-z2}).
     * Both sides are compared in log space, log g(z1) - log g(z2) &lt;= log 2 + max(0, z2 - z1), so
     * that no exponential overflows; the relative slack is 1e-12.
     *
     * @param l  the loss whose {@link Loss#g} is checked (not modified)
     * @param z1 finite
     * @param z2 finite, with g(z2) &gt; 0 in double precision (for the logistic loss, z2 &lt;= 700 is safe)
     * @return empty when the inequality holds; otherwise the counterexample
     * @throws IllegalArgumentException if g(z2) underflows to 0 while g(z1) does not (the ratio is
     *                                  then not representable, which says nothing about the loss)
     */
    public static Optional<String> factA1(Loss l, double z1, double z2) {
        if (!Double.isFinite(z1) || !Double.isFinite(z2)) {
            throw new IllegalArgumentException("z1 and z2 must be finite, got " + z1 + ", " + z2);
        }
        double g1 = l.g(z1);
        double g2 = l.g(z2);
        if (Double.isNaN(g1) || Double.isNaN(g2) || g1 < 0 || g2 < 0) {
            return fail("g must be non-negative: g(%s) = %s, g(%s) = %s", z1, g1, z2, g2);
        }
        if (g1 == 0) {
            return Optional.empty(); // ratio 0
        }
        if (g2 == 0) {
            throw new IllegalArgumentException("g(" + z2 + ") underflows to 0; choose a smaller z2");
        }
        double logRatio = Math.log(g1) - Math.log(g2);
        double logBound = Math.log(2) + Math.max(0.0, z2 - z1);
        if (logRatio > logBound + 1e-12 * Math.max(1.0, Math.abs(logBound))) {
            return fail("Fact A.1 fails: log(g(%s) / g(%s)) = %s > log(max(2, 2 e^-z1 / e^-z2)) = %s",
                    z1, z2, logRatio, logBound);
        }
        return Optional.empty();
    }
}
