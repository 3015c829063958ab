package org.benignlab.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The assumptions A1-A6 of Frei, Chatterji and Bartlett (2022) for a configuration (MODEL.md,
 * "Assumptions"), for a failure probability δ and a constant C: each with the value of both sides,
 * whether it holds, and the largest C for which it holds. The theory's C is unspecified (some large
 * constant); reporting the largest C says how far inside or outside the theorem a configuration is.
 */
public final class Assumptions {
    private Assumptions() {
    }

    /**
     * A configuration's numbers, with the cluster's declarations ({@code ClusterProperties}).
     *
     * @param n     training points
     * @param p     dimension
     * @param m     width
     * @param mu    ‖μ‖, or NaN when unknown (data from files)
     * @param eta   the noise rate bound η
     * @param alpha the step size α, or NaN when the optimiser has none
     * @param h     the activation's smoothness H, or NaN when it is not smooth
     * @param omega the initialisation scale ω
     * @param subGaussianNorm    the cluster's sub-Gaussian norm K (NaN: not sub-Gaussian or not declared); A1-A6 are
     *                           checked in units where it is 1 (the data divided by K)
     * @param coordinateVariance the cluster's coordinate variance σ² (NaN: not declared); the signal-to-noise
     *                           quantities use it
     * @param lambda             the cluster's strong log-concavity λ (0: not strongly log-concave; NaN: unknown)
     */
    public record Inputs(double n, double p, double m, double mu, double eta, double alpha, double h, double omega,
                         double subGaussianNorm, double coordinateVariance, double lambda) {

        /** Inputs for the paper's unit-variance Gaussian coordinates (Example 2.1): K = 1, σ² = 1, λ = 1. */
        public Inputs(double n, double p, double m, double mu, double eta, double alpha, double h, double omega) {
            this(n, p, m, mu, eta, alpha, h, omega, 1, 1, 1);
        }
    }

    /**
     * One assumption.
     *
     * @param id        A1 ... A6
     * @param statement the inequality, in the paper's symbols
     * @param left      its left side, evaluated (NaN when unknown)
     * @param right     its right side at the chosen C, evaluated (NaN when unknown)
     * @param holds     whether it holds at the chosen C and δ (false when unknown)
     * @param largestC  the largest C for which it holds (a supremum for the strict A4; +∞ when any C does;
     *                  NaN when C does not enter or a value is unknown)
     * @param note      why it cannot be evaluated, or empty
     */
    public record Check(String id, String statement, double left, double right, boolean holds, double largestC,
                        String note) {
    }

    /**
     * A1-A6 at constant {@code c} and failure probability {@code delta} in (0, 1/2) (the paper's range), for
     * the data divided by the cluster's sub-Gaussian norm K, where the paper's K &lt;= 1 holds with equality:
     * ‖μ‖ becomes ‖μ‖/K (A2, A3), the step α becomes α K² and ω becomes ω K (A5, A6: W x is unchanged when x is
     * divided by K and W multiplied by K, and gradient descent on the rescaled problem takes the step α K²).
     * For K = 1 these are the paper's inequalities as written. Without a sub-Gaussian norm (K NaN) A2, A3, A5 and
     * A6 are not evaluated: the assumptions are stated for sub-Gaussian clusters.
     */
    public static List<Check> check(Inputs in, double c, double delta) {
        if (!(c > 0) || !(delta > 0 && delta < 0.5)) {
            throw new IllegalArgumentException("need C > 0 and 0 < delta < 1/2, got C = " + c + ", delta = " + delta);
        }
        double k = in.subGaussianNorm();
        String noK = Double.isNaN(k) ? "the cluster declares no sub-Gaussian norm K (not sub-Gaussian): the "
                + "assumptions are stated for sub-Gaussian coordinates" : "";
        double muK = in.mu() / k;
        List<Check> out = new ArrayList<>();
        double l1 = Math.log(1 / delta);
        out.add(ge("A1", "n >= C log(1/δ)", in.n(), l1, c, ""));
        double l2 = Math.log(in.n() / delta);
        double a2 = Math.max(in.n() * muK * muK, in.n() * in.n() * l2);
        out.add(ge("A2", "p >= C max{n ‖μ‖²/K², n² log(n/δ)}", in.p(), a2, c, noK.isEmpty() ? unknownMu(in) : noK));
        out.add(ge("A3", "‖μ‖²/K² >= C log(n/δ)", muK * muK, l2, c, noK.isEmpty() ? unknownMu(in) : noK));
        if (Double.isNaN(in.eta())) {
            out.add(new Check("A4", "η < 1/C", Double.NaN, 1 / c, false, Double.NaN, "noise rate unknown"));
        } else {
            out.add(new Check("A4", "η < 1/C", in.eta(), 1 / c, in.eta() * c < 1,
                    in.eta() == 0 ? Double.POSITIVE_INFINITY : 1 / in.eta(), ""));
        }
        double smooth = Math.max(1, in.h() / Math.sqrt(in.m()));
        String note5 = Double.isNaN(in.h()) ? "the activation is not smooth (no H)"
                : Double.isNaN(in.alpha()) ? "the optimiser has no step size" : noK;
        double k5 = smooth * in.p() * in.p();
        double alphaK = in.alpha() * k * k;
        out.add(note5.isEmpty()
                ? new Check("A5", "α K² <= 1 / (C max{1, H/√m} p²)", alphaK, 1 / (c * k5), alphaK * c * k5 <= 1,
                        1 / (alphaK * k5), "")
                : new Check("A5", "α K² <= 1 / (C max{1, H/√m} p²)", alphaK, Double.NaN, false, Double.NaN, note5));
        double left6 = in.omega() * Math.sqrt(in.m() * in.p());
        String note6 = Double.isNaN(in.alpha()) ? "the optimiser has no step size" : noK;
        out.add(!note6.isEmpty()
                ? new Check("A6", "ω √(m p) <= α K", left6, Double.NaN, false, Double.NaN, note6)
                : new Check("A6", "ω √(m p) <= α K", left6, in.alpha() * k, left6 <= in.alpha() * k, Double.NaN, ""));
        return out;
    }

    private static String unknownMu(Inputs in) {
        return Double.isNaN(in.mu()) ? "‖μ‖ unknown (data from files)" : "";
    }

    /** left >= C * k. */
    private static Check ge(String id, String statement, double left, double k, double c, String note) {
        if (!note.isEmpty() || Double.isNaN(left) || Double.isNaN(k)) {
            return new Check(id, statement, left, c * k, false, Double.NaN, note.isEmpty() ? "value unknown" : note);
        }
        return new Check(id, statement, left, c * k, left >= c * k, k <= 0 ? Double.POSITIVE_INFINITY : left / k, "");
    }

    /**
     * n ‖μ‖⁴ / (σ⁴ p), the signal-to-noise ratio in the exponent of Theorem 3.1's bound, with ‖μ‖ measured against
     * the cluster's coordinate standard deviation σ (n‖μ‖⁴/p for σ² = 1); NaN when σ² is not declared.
     */
    public static double signal(Inputs in) {
        return Theory.signal(in.n(), in.p(), in.mu(), in.coordinateVariance());
    }

    /**
     * ‖μ‖ / (σ p^(1/4)): Jin's threshold says learning is impossible (n fixed) when this tends to 0; NaN when σ² is
     * not declared.
     */
    public static double jinRatio(Inputs in) {
        return in.mu() / Math.sqrt(in.coordinateVariance()) / Math.pow(in.p(), 0.25);
    }

    /**
     * Theorem 3.1's bound η + 2 exp(−n‖μ‖⁴/(C σ⁴ p)), or NaN where it is undefined ({@link #boundNote}).
     */
    public static double bound(Inputs in, double c) {
        return boundNote(in).isEmpty() ? Theory.bound(in.eta(), in.n(), in.p(), in.mu(), c, in.coordinateVariance())
                : Double.NaN;
    }

    /** Why Theorem 3.1's bound is undefined for these inputs, or the empty string. */
    public static String boundNote(Inputs in) {
        if (in.lambda() == 0) {
            return "the cluster is not strongly log-concave (λ = 0): Theorem 3.1 does not apply";
        }
        if (Double.isNaN(in.coordinateVariance())) {
            return "the cluster declares no coordinate variance σ²";
        }
        if (Double.isNaN(in.mu()) || Double.isNaN(in.eta())) {
            return Double.isNaN(in.mu()) ? "‖μ‖ unknown (data from files)" : "noise rate unknown";
        }
        return "";
    }

    /** A number for a table: 3 significant digits, ∞ and n/a spelled out. */
    public static String show(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v != 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3)) {
            String[] parts = String.format(Locale.ROOT, "%.3e", v).split("e");
            return stripZeros(parts[0]) + "e" + Integer.parseInt(parts[1]);
        }
        return stripZeros(new java.math.BigDecimal(v).round(new java.math.MathContext(4)).toPlainString());
    }

    private static String stripZeros(String s) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
