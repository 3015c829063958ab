package org.benignlab.testkit;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.DoubleFunction;

import org.benignlab.api.Activation;

/**
 * The contract of an {@link Activation} (paper, Section 2.2): φ(0) = 0, γ &lt;= φ' &lt;= 1 (or
 * 0 &lt;= φ' &lt;= 1 when no leakiness is declared), |φ''| &lt;= H when smoothness is declared,
 * 1-Lipschitz, monotone (φ rises by at least γ|d| over any step d, by at least 0 without a declared
 * γ), and φ', φ'' equal to finite differences of φ, φ' away from kinks and break points.
 *
 * <p>A counterexample starts with the property it breaks ({@code leakiness γ = 0.5}, {@code smoothness
 * H = 0.1}, {@code monotone}, {@code 1-Lipschitz}, {@code φ(0) = 0}, {@code derivative},
 * {@code second derivative}, {@code finite}, {@code declarations}) and gives the point.
 *
 * <p>Usage from any test framework: {@code ActivationContract.check(phi, z)} for many z (for
 * instance from a property-based generator, mixed with {@link #interestingPoints(Activation)}),
 * asserting that the result is empty.
 */
public final class ActivationContract {

    /** Finite-difference step, relative to max(1, |z|). */
    public static final double STEP = 1e-6;

    /**
     * Slack on the bounds γ &lt;= φ' &lt;= 1: a correct φ' evaluated in double precision may miss a
     * bound of order 1 by a few ulps (2.2e-16 each); 1e-12 is far above that and far below any real
     * violation worth reporting.
     */
    private static final double BOUND_SLACK = 1e-12;

    /** |φ(0)| above this is a violation of φ(0) = 0 (a few ulps of O(1) intermediate values is allowed). */
    private static final double ZERO_SLACK = 1e-12;

    /** How many ulps of the largest value involved a correct evaluation of φ or φ' may be off by. */
    private static final double ROUNDING_ULPS = 8;

    /** φ'' "jumps" on [z-h, z+h] when its values there differ by more than this fraction of their size. */
    private static final double JUMP_FRACTION = 1e-3;

    /** Signed distances d for the Lipschitz and monotonicity checks φ(z + d) - φ(z). */
    private static final double[] DISTANCES = {1e-4, -1e-4, 1e-2, -1e-2, 0.5, -0.5, 3, -3, 20, -20};

    /** A kink closer than this many steps h to z makes the finite-difference checks skip z. */
    private static final double KINK_GUARD_STEPS = 4;

    private ActivationContract() {
    }

    /**
     * Checks the contract at one point.
     *
     * @param a the activation (not modified)
     * @param z a finite point
     * @return empty when the contract holds at z; otherwise a description of the counterexample
     * @throws IllegalArgumentException if z is not finite
     */
    public static Optional<String> check(Activation a, double z) {
        if (!Double.isFinite(z)) {
            throw new IllegalArgumentException("z must be finite, got " + z);
        }
        Optional<String> declared = checkDeclarations(a);
        if (declared.isPresent()) {
            return declared;
        }
        OptionalDouble leak = a.leakiness();
        OptionalDouble smooth = a.smoothness();
        double gamma = leak.orElse(0.0);
        boolean hasH = smooth.isPresent();
        double h = smooth.orElse(Double.NaN);

        double f0 = a.value(0.0);
        if (!(Math.abs(f0) <= ZERO_SLACK)) {
            return fail("φ(0) = 0: φ(0) = %s", f0);
        }
        double f = a.value(z);
        double d1 = a.derivative(z);
        double d2 = a.secondDerivative(z);
        if (!Double.isFinite(f) || !Double.isFinite(d1) || !Double.isFinite(d2)) {
            return fail("finite: not finite at z = %s: φ = %s, φ' = %s, φ'' = %s", z, f, d1, d2);
        }
        if (d1 > 1 + BOUND_SLACK) {
            return fail("1-Lipschitz: φ'(%s) = %s is outside [%s, 1]", z, d1, gamma);
        }
        if (d1 < gamma - BOUND_SLACK) {
            return fail("%s: φ'(%s) = %s is outside [%s, 1]", leak.isPresent() ? "leakiness γ = " + gamma
                    : "monotone (no leakiness declared, so φ' >= 0)", z, d1, gamma);
        }
        if (hasH && Math.abs(d2) > h * (1 + BOUND_SLACK) + Double.MIN_NORMAL) {
            return fail("smoothness H = %s: |φ''(%s)| = %s exceeds H", h, z, Math.abs(d2));
        }

        for (double d : DISTANCES) {
            double zd = z + d;
            double dd = zd - z; // the distance actually represented
            if (dd == 0 || !Double.isFinite(zd)) {
                continue;
            }
            double fd = a.value(zd);
            if (!Double.isFinite(fd)) {
                return fail("finite: φ(%s) = %s is not finite", zd, fd);
            }
            double diff = fd - f;
            double rounding = ROUNDING_ULPS * Math.ulp(Math.max(1.0, Math.max(Math.abs(f), Math.abs(fd))));
            if (Math.abs(diff) > Math.abs(dd) + rounding) {
                return fail("1-Lipschitz: not 1-Lipschitz: |φ(%s) - φ(%s)| = %s > %s", zd, z, Math.abs(diff),
                        Math.abs(dd));
            }
            // φ' >= γ (>= 0 without leakiness) means φ rises by at least γ|dd| in the direction of dd
            if (Math.signum(dd) * diff < gamma * Math.abs(dd) - rounding) {
                return fail("%s: φ(%s) - φ(%s) = %s, but φ' >= %s requires a change of at least %s in the direction "
                        + "of %s", leak.isPresent() ? "leakiness γ = " + gamma : "monotone", zd, z, diff, gamma,
                        gamma * Math.abs(dd), dd);
            }
            if (hasH) {
                // |φ''| <= H is the same as φ' being H-Lipschitz; this form also holds across break points
                double dp = a.derivative(zd);
                if (Math.abs(dp - d1) > h * Math.abs(dd) * (1 + BOUND_SLACK) + BOUND_SLACK) {
                    return fail("smoothness H = %s: φ' is not H-Lipschitz: |φ'(%s) - φ'(%s)| = %s > H * %s",
                            h, zd, z, Math.abs(dp - d1), Math.abs(dd));
                }
            }
        }

        double step = STEP * Math.max(1.0, Math.abs(z));
        if (nearKink(a.kinks(), z, KINK_GUARD_STEPS * step)) {
            return Optional.empty();
        }
        double zp = z + step;
        double zm = z - step;
        double width = zp - zm; // exact for nearby doubles, so the quotient has no error from the step itself
        double fp = a.value(zp);
        double fm = a.value(zm);
        double central = (fp - fm) / width;
        double sm = a.secondDerivative(zm);
        double sp = a.secondDerivative(zp);
        // The central difference is the mean of φ' over [z-h, z+h]. If φ' is H-Lipschitz it is within
        // H * h / 2 of φ'(z); we allow H * width / 2 = H * h. Without a declared H the local size of φ''
        // stands in for it. The rounding term: each φ value is off by a few ulps, divided by the width.
        double curvature = hasH ? h : Math.max(Math.abs(d2), Math.max(Math.abs(sm), Math.abs(sp)));
        double tol1 = curvature * width / 2
                + ROUNDING_ULPS * Math.ulp(Math.max(1.0, Math.max(Math.abs(fp), Math.abs(fm)))) / width
                + 1e-9;
        if (!(Math.abs(central - d1) <= tol1)) {
            return fail("derivative: φ'(%s) = %s, but the central difference of φ with h = %s is %s (tolerance %s)",
                    z, d1, step, central, tol1);
        }

        // φ'' against the central difference of φ', unless φ'' jumps on [z-h, z+h] (a break point such
        // as ±1/H of the smoothed leaky ReLU, where the difference is a mean of two different values).
        double oscillation = Math.max(Math.abs(sp - d2), Math.abs(d2 - sm));
        double size = Math.max(Math.max(Math.abs(sm), Math.abs(sp)), Math.max(Math.abs(d2), hasH ? h : 0.0));
        if (oscillation > JUMP_FRACTION * size + 1e-12) {
            return Optional.empty();
        }
        double pp = a.derivative(zp);
        double pm = a.derivative(zm);
        double central2 = (pp - pm) / width;
        // If φ'' is continuous on the interval, the mean of φ'' lies within its oscillation of φ''(z);
        // we allow twice the oscillation seen at three points, plus rounding of φ' as above.
        double tol2 = 2 * oscillation + 1e-9 * Math.max(1.0, size)
                + ROUNDING_ULPS * Math.ulp(Math.max(1.0, Math.max(Math.abs(pp), Math.abs(pm)))) / width;
        if (!(Math.abs(central2 - d2) <= tol2)) {
            return fail("second derivative: φ''(%s) = %s, but the central difference of φ' with h = %s is %s "
                    + "(tolerance %s)",
                    z, d2, step, central2, tol2);
        }
        return Optional.empty();
    }

    /**
     * Checks the contract at every point given and returns the first counterexample.
     *
     * @param a  the activation (not modified)
     * @param zs finite points (not modified)
     */
    public static Optional<String> checkAll(Activation a, double... zs) {
        return firstFailure(zs, z -> check(a, z));
    }

    /**
     * Checks only what the activation declares about itself: γ in (0, 1], H finite and &gt;= 0, no
     * kinks when H is declared (an H-smooth φ has an H-Lipschitz φ', hence no kink), finite kinks.
     */
    public static Optional<String> checkDeclarations(Activation a) {
        OptionalDouble leak = a.leakiness();
        if (leak.isPresent() && !(leak.getAsDouble() > 0 && leak.getAsDouble() <= 1)) {
            return fail("declarations: declared leakiness γ = %s is not in (0, 1]", leak.getAsDouble());
        }
        OptionalDouble smooth = a.smoothness();
        if (smooth.isPresent() && !(Double.isFinite(smooth.getAsDouble()) && smooth.getAsDouble() >= 0)) {
            return fail("declarations: declared smoothness H = %s is not a finite number >= 0", smooth.getAsDouble());
        }
        double[] kinks = a.kinks();
        if (kinks == null) {
            return fail("declarations: kinks() returned null; return an empty array for a smooth activation");
        }
        if (smooth.isPresent() && kinks.length > 0) {
            return fail("declarations: declares smoothness H = %s and kinks %s; an H-smooth φ has no kinks",
                    smooth.getAsDouble(), Arrays.toString(kinks));
        }
        for (double k : kinks) {
            if (!Double.isFinite(k)) {
                return fail("declarations: kink %s is not finite", k);
            }
        }
        return Optional.empty();
    }

    /**
     * Points where activations tend to go wrong: 0 and tiny values, ±1 and ±50, the break points
     * ±1/H (and just either side) when H &gt; 0 is declared, and each kink and points just outside
     * the finite-difference guard around it. Sorted, without duplicates. Mix these into a generator.
     */
    public static double[] interestingPoints(Activation a) {
        TreeSet<Double> points = new TreeSet<>();
        for (double z : new double[] {0, 1e-12, 1e-9, 1e-6, 1e-3, 0.5, 1, 2, 50}) {
            points.add(z);
            points.add(-z);
        }
        OptionalDouble smooth = a.smoothness();
        if (smooth.isPresent() && smooth.getAsDouble() > 0 && Double.isFinite(1 / smooth.getAsDouble())) {
            double b = 1 / smooth.getAsDouble();
            double step = STEP * Math.max(1.0, b);
            for (double z : new double[] {b, Math.nextUp(b), Math.nextDown(b), b + step / 2, b - step / 2,
                    b + 3 * step, b - 3 * step, b * 1.5, b / 2}) {
                points.add(z);
                points.add(-z);
            }
        }
        double[] kinks = a.kinks();
        if (kinks != null) {
            for (double k : kinks) {
                if (Double.isFinite(k)) {
                    double step = STEP * Math.max(1.0, Math.abs(k));
                    for (double off : new double[] {0, step, -step, 5 * step, -5 * step, 1e-3, -1e-3}) {
                        points.add(k + off);
                    }
                }
            }
        }
        points.remove(-0.0);
        points.add(0.0);
        return points.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean nearKink(double[] kinks, double z, double guard) {
        for (double k : kinks) {
            if (Math.abs(z - k) <= guard) {
                return true;
            }
        }
        return false;
    }

    /** The first counterexample {@code check} finds at the points {@code zs}, in order. */
    static Optional<String> firstFailure(double[] zs, DoubleFunction<Optional<String>> check) {
        for (double z : zs) {
            Optional<String> r = check.apply(z);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    static Optional<String> fail(String format, Object... args) {
        return Optional.of(String.format(java.util.Locale.ROOT, format, args));
    }
}
