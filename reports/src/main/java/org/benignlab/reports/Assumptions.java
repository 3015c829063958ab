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
     * A configuration's numbers.
     *
     * @param n     training points
     * @param p     dimension
     * @param m     width
     * @param mu    ‖μ‖, or NaN when unknown (data from files)
     * @param eta   the noise rate bound η
     * @param alpha the step size α, or NaN when the optimiser has none
     * @param h     the activation's smoothness H, or NaN when it is not smooth
     * @param omega the initialisation scale ω
     */
    public record Inputs(double n, double p, double m, double mu, double eta, double alpha, double h, double omega) {
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

    /** A1-A6 at constant {@code c} and failure probability {@code delta}. */
    public static List<Check> check(Inputs in, double c, double delta) {
        if (!(c > 0) || !(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("need C > 0 and 0 < delta < 1, got C = " + c + ", delta = " + delta);
        }
        List<Check> out = new ArrayList<>();
        double l1 = Math.log(1 / delta);
        out.add(ge("A1", "n >= C log(1/δ)", in.n(), l1, c, ""));
        double l2 = Math.log(in.n() / delta);
        double a2 = Math.max(in.n() * in.mu() * in.mu(), in.n() * in.n() * l2);
        out.add(ge("A2", "p >= C max{n ‖μ‖², n² log(n/δ)}", in.p(), a2, c, unknownMu(in)));
        out.add(ge("A3", "‖μ‖² >= C log(n/δ)", in.mu() * in.mu(), l2, c, unknownMu(in)));
        if (Double.isNaN(in.eta())) {
            out.add(new Check("A4", "η < 1/C", Double.NaN, 1 / c, false, Double.NaN, "noise rate unknown"));
        } else {
            out.add(new Check("A4", "η < 1/C", in.eta(), 1 / c, in.eta() * c < 1,
                    in.eta() == 0 ? Double.POSITIVE_INFINITY : 1 / in.eta(), ""));
        }
        double smooth = Math.max(1, in.h() / Math.sqrt(in.m()));
        String note5 = Double.isNaN(in.h()) ? "the activation is not smooth (no H)"
                : Double.isNaN(in.alpha()) ? "the optimiser has no step size" : "";
        double k5 = smooth * in.p() * in.p();
        out.add(note5.isEmpty()
                ? new Check("A5", "α <= 1 / (C max{1, H/√m} p²)", in.alpha(), 1 / (c * k5), in.alpha() * c * k5 <= 1,
                        1 / (in.alpha() * k5), "")
                : new Check("A5", "α <= 1 / (C max{1, H/√m} p²)", in.alpha(), Double.NaN, false, Double.NaN, note5));
        double left6 = in.omega() * Math.sqrt(in.m() * in.p());
        out.add(Double.isNaN(in.alpha())
                ? new Check("A6", "ω √(m p) <= α", left6, Double.NaN, false, Double.NaN, "the optimiser has no step size")
                : new Check("A6", "ω √(m p) <= α", left6, in.alpha(), left6 <= in.alpha(), Double.NaN, ""));
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

    /** n ‖μ‖⁴ / p, the signal-to-noise ratio in the exponent of Theorem 3.1's bound. */
    public static double signal(Inputs in) {
        return in.n() * Math.pow(in.mu(), 4) / in.p();
    }

    /** ‖μ‖ / p^(1/4): Jin's threshold says learning is impossible (n fixed) when this tends to 0. */
    public static double jinRatio(Inputs in) {
        return in.mu() / Math.pow(in.p(), 0.25);
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
