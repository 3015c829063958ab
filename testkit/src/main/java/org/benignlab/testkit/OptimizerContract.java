package org.benignlab.testkit;

import java.util.Arrays;
import java.util.Optional;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.Optimizer;

import static org.benignlab.testkit.ActivationContract.fail;

/**
 * The contract of an {@link Optimizer}. The gradient sequences are random (uniform in [-1, 1),
 * from the seed), not gradients of anything: the contract is about the update rule alone.
 *
 * <p>{@link #checkLinearity}: when the optimizer declares {@link Optimizer#linearInGradients()},
 * the displacement D(G) = params(T) - params(0) produced by a gradient sequence G must be linear
 * in G and must not depend on params(0). That is exactly what the span engine (MODEL.md, "Structure
 * the code can exploit") needs to represent W(t) = W0 + B(t) X with B(0) = 0.
 * {@link #checkDeterminism}: the same inputs give bit-identical parameters, and two states of one
 * optimizer do not share anything. {@link #checkDescent}: fed the true gradients of a convex quadratic
 * whose minimiser is far away compared with the optimizer's steps, it decreases the quadratic.
 *
 * <p>A counterexample starts with the property it breaks ({@code linear in gradients},
 * {@code determinism}, {@code descent}, {@code finite}, {@code gradient untouched}).
 */
public final class OptimizerContract {

    /** Relative tolerance of the linearity checks. */
    public static final double RELATIVE_TOLERANCE = 1e-9;

    private OptimizerContract() {
    }

    /** Steps of {@link #checkDescent}. */
    public static final int DESCENT_STEPS = 10;

    /**
     * Distance scale of {@link #checkDescent}: the start is this far from the minimiser in every
     * coordinate (up to a factor 2), and the gradients there are of order 1, so an optimizer whose
     * steps are much smaller than this (any sensible step size) sees a small step on a convex problem.
     */
    public static final double DESCENT_DISTANCE = 1e3;

    /** {@link #checkDeterminism}, {@link #checkLinearity} and {@link #checkDescent}; the first counterexample. */
    public static Optional<String> check(Optimizer o, long seed, int dim, int steps) {
        Optional<String> r = checkDeterminism(o, seed, dim, steps);
        if (r.isEmpty()) {
            r = checkLinearity(o, seed, dim, steps);
        }
        return r.isPresent() ? r : checkDescent(o, seed, dim);
    }

    /**
     * A small step decreases a convex quadratic. With f(p) = Σ_k a_k (p_k - c_k)^2 / (2R), a_k uniform
     * in [0.5, 2], R = {@value #DESCENT_DISTANCE} and a start with |p_k - c_k| in [R, 2R] (random
     * signs), the gradient a_k (p_k - c_k) / R has entries of order 1 while the minimiser is R away in
     * every coordinate. Over {@value #DESCENT_STEPS} steps, each fed the true gradient at the current
     * parameters, f must never increase (beyond rounding) and must have decreased after the first step.
     * A descent method (GD, momentum, Nesterov, Adam, normalized GD, step-size schedules) with steps
     * much shorter than R passes; a sign error or a step of order R fails.
     *
     * @param o    the optimizer (not modified)
     * @param seed seed of the quadratic and the start
     * @param dim  number of parameters, &gt;= 1
     */
    public static Optional<String> checkDescent(Optimizer o, long seed, int dim) {
        requireShape(dim, 1);
        UniformRandomProvider rng = TestRandom.of(seed ^ 0x9E3779B97F4A7C15L);
        double[] a = new double[dim];
        double[] c = new double[dim];
        double[] p = new double[dim];
        for (int k = 0; k < dim; k++) {
            a[k] = 0.5 + 1.5 * rng.nextDouble();
            c[k] = 10 * TestRandom.symmetric(rng);
            p[k] = c[k] + (rng.nextBoolean() ? 1 : -1) * DESCENT_DISTANCE * (1 + rng.nextDouble());
        }
        Optimizer.State state = o.start(dim);
        if (state == null) {
            return fail("descent: start(%d) returned null", dim);
        }
        double f = quadratic(a, c, p);
        double f0 = f;
        double[] g = new double[dim];
        for (int t = 0; t < DESCENT_STEPS; t++) {
            for (int k = 0; k < dim; k++) {
                g[k] = a[k] * (p[k] - c[k]) / DESCENT_DISTANCE;
            }
            state.step(t, p, g.clone());
            double next = quadratic(a, c, p);
            if (!Double.isFinite(next)) {
                return fail("descent: step %d gave non-finite parameters %s", t, Arrays.toString(p));
            }
            if (next > f + 1e-12 * f) {
                return fail("descent: step %d, fed the true gradient of a convex quadratic whose minimiser is %s away, "
                        + "increased it from %s to %s (seed %d, dim %d)", t, DESCENT_DISTANCE, f, next, seed, dim);
            }
            if (t == 0 && !(next < f0)) {
                return fail("descent: the first step, fed the true gradient of a convex quadratic, did not decrease it "
                        + "(%s before, %s after; seed %d, dim %d)", f0, next, seed, dim);
            }
            f = next;
        }
        return Optional.empty();
    }

    private static double quadratic(double[] a, double[] c, double[] p) {
        double f = 0;
        for (int k = 0; k < a.length; k++) {
            double d = p[k] - c[k];
            f += a[k] * d * d;
        }
        return f / (2 * DESCENT_DISTANCE);
    }

    /**
     * For an optimizer that declares linearity in gradients: with random sequences G1, G2 (steps x
     * dim) and a random c, from params = 0, D(G1 + G2) = D(G1) + D(G2) and D(c G1) = c D(G1); and
     * from a random start P0, the displacement under G1 equals D(G1). Agreement is to
     * {@link #RELATIVE_TOLERANCE} of the largest displacement (max norm) involved. An optimizer that
     * does not declare linearity passes trivially.
     *
     * @param o     the optimizer (not modified)
     * @param seed  seed of the gradient sequences
     * @param dim   number of parameters, &gt;= 1
     * @param steps number of steps, &gt;= 1
     */
    public static Optional<String> checkLinearity(Optimizer o, long seed, int dim, int steps) {
        requireShape(dim, steps);
        if (!o.linearInGradients()) {
            return Optional.empty();
        }
        UniformRandomProvider rng = TestRandom.of(seed);
        double[][] g1 = randomSequence(rng, steps, dim);
        double[][] g2 = randomSequence(rng, steps, dim);
        double c = (rng.nextBoolean() ? 1 : -1) * (0.25 + 2.75 * rng.nextDouble());
        double[][] sum = new double[steps][dim];
        double[][] scaled = new double[steps][dim];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < dim; k++) {
                sum[t][k] = g1[t][k] + g2[t][k];
                scaled[t][k] = c * g1[t][k];
            }
        }
        double[] zero = new double[dim];
        double[] start = new double[dim];
        for (int k = 0; k < dim; k++) {
            start[k] = 10 * TestRandom.symmetric(rng);
        }
        Run r1 = run(o, zero, g1);
        Run r2 = run(o, zero, g2);
        Run r12 = run(o, zero, sum);
        Run rc = run(o, zero, scaled);
        Run rs = run(o, start, g1);
        for (Run r : new Run[] {r1, r2, r12, rc, rs}) {
            if (r.problem != null) {
                return Optional.of(r.problem);
            }
        }
        double[] d1 = r1.params;
        double[] d2 = r2.params;
        double[] d1PlusD2 = new double[dim];
        double[] cD1 = new double[dim];
        double[] fromStart = new double[dim];
        for (int k = 0; k < dim; k++) {
            d1PlusD2[k] = d1[k] + d2[k];
            cD1[k] = c * d1[k];
            fromStart[k] = rs.params[k] - start[k];
        }
        double scaleSum = Math.max(maxAbs(r12.params), maxAbs(d1) + maxAbs(d2));
        Optional<String> r = compare("D(G1 + G2)", r12.params, "D(G1) + D(G2)", d1PlusD2, scaleSum);
        if (r.isPresent()) {
            return r;
        }
        r = compare("D(c G1)", rc.params, "c D(G1) with c = " + c, cD1, Math.max(maxAbs(rc.params), maxAbs(cD1)));
        if (r.isPresent()) {
            return r;
        }
        // from a non-zero start, rounding of params(t) = P0 + displacement adds ulps of |P0| per step
        double scaleStart = Math.max(maxAbs(d1), Math.max(maxAbs(fromStart), steps * 1e-6 * maxAbs(start)));
        return compare("D(G1) from a random start", fromStart, "D(G1) from 0", d1, scaleStart);
    }

    /**
     * The same gradient sequence from the same start gives bit-identical parameters in a fresh
     * state, and two states of the same optimizer stepped alternately give the same parameters as
     * one state alone (a state must not share anything with another). Also checks that the
     * gradient array is not modified and that finite inputs give finite parameters.
     *
     * @param o     the optimizer (not modified)
     * @param seed  seed of the gradient sequence and of the start
     * @param dim   number of parameters, &gt;= 1
     * @param steps number of steps, &gt;= 1
     */
    public static Optional<String> checkDeterminism(Optimizer o, long seed, int dim, int steps) {
        requireShape(dim, steps);
        UniformRandomProvider rng = TestRandom.of(seed);
        double[][] g = randomSequence(rng, steps, dim);
        double[] start = new double[dim];
        for (int k = 0; k < dim; k++) {
            start[k] = TestRandom.symmetric(rng);
        }
        Run a = run(o, start, g);
        Run b = run(o, start, g);
        if (a.problem != null) {
            return Optional.of(a.problem);
        }
        if (b.problem != null) {
            return Optional.of(b.problem);
        }
        if (!bitEqual(a.params, b.params)) {
            return fail("determinism: two runs with the same gradients differ: %s vs %s", Arrays.toString(a.params),
                    Arrays.toString(b.params));
        }
        Optimizer.State s1 = o.start(dim);
        Optimizer.State s2 = o.start(dim);
        double[] p1 = start.clone();
        double[] p2 = start.clone();
        for (int t = 0; t < steps; t++) {
            s1.step(t, p1, g[t].clone());
            s2.step(t, p2, g[t].clone());
        }
        if (!bitEqual(p1, a.params) || !bitEqual(p2, a.params)) {
            return fail("determinism: two states stepped alternately give %s and %s, one state alone gives %s: "
                    + "states share data",
                    Arrays.toString(p1), Arrays.toString(p2), Arrays.toString(a.params));
        }
        return Optional.empty();
    }

    private static final class Run {
        final double[] params;
        final String problem;

        Run(double[] params, String problem) {
            this.params = params;
            this.problem = problem;
        }
    }

    private static Run run(Optimizer o, double[] start, double[][] gradients) {
        int dim = start.length;
        Optimizer.State state = o.start(dim);
        if (state == null) {
            return new Run(null, "determinism: start(" + dim + ") returned null");
        }
        double[] params = start.clone();
        for (int t = 0; t < gradients.length; t++) {
            double[] grad = gradients[t].clone();
            state.step(t, params, grad);
            if (!Arrays.equals(grad, gradients[t])) {
                return new Run(null, "gradient untouched: step " + t + " modified the gradient array");
            }
            for (double p : params) {
                if (!Double.isFinite(p)) {
                    return new Run(null, "finite: step " + t + " gave a non-finite parameter from finite inputs: "
                            + Arrays.toString(params));
                }
            }
        }
        return new Run(params, null);
    }

    private static Optional<String> compare(String leftName, double[] left, String rightName, double[] right,
                                            double scale) {
        double tol = RELATIVE_TOLERANCE * scale + Double.MIN_NORMAL;
        for (int k = 0; k < left.length; k++) {
            if (!(Math.abs(left[k] - right[k]) <= tol)) {
                return fail("linear in gradients: declared, but not linear in gradients: %s[%d] = %s but %s[%d] = %s "
                        + "(tolerance %s)",
                        leftName, k, left[k], rightName, k, right[k], tol);
            }
        }
        return Optional.empty();
    }

    private static double[][] randomSequence(UniformRandomProvider rng, int steps, int dim) {
        double[][] g = new double[steps][dim];
        for (double[] row : g) {
            for (int k = 0; k < dim; k++) {
                row[k] = TestRandom.symmetric(rng);
            }
        }
        return g;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static boolean bitEqual(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToLongBits(a[i]) != Double.doubleToLongBits(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static void requireShape(int dim, int steps) {
        if (dim < 1 || steps < 1) {
            throw new IllegalArgumentException("dim and steps must be >= 1, got " + dim + " and " + steps);
        }
    }
}
