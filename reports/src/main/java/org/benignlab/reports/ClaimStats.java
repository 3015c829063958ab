package org.benignlab.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * The statistics the claims share, on top of {@link Stats}: least-squares fits within one repetition,
 * equivalence and difference tests of per-repetition slopes across repetitions (Holm over the axes),
 * the fraction of repetitions that satisfy a claim with its Clopper-Pearson interval, an upper
 * confidence bound for a constant, and the constant C₁ of Lemma 4.3 (E.1) for Gaussian clusters.
 *
 * <p>Derived quantities (slopes, constants) are computed within each repetition, then summarised across
 * repetitions (the independent units); nothing is pooled across repetitions.
 */
final class ClaimStats {
    private ClaimStats() {
    }

    /** Level of every test and interval here. */
    static final double ALPHA = 0.05;
    /**
     * The theorem holds with probability at least 1 − 2δ; the fraction of repetitions satisfying a claim is
     * compared with 1/2, that is δ = 1/4, the largest δ for which the statement says anything.
     */
    static final double DELTA = 0.25;

    /**
     * How many repetitions (or runs) satisfied a claim, of how many that could decide it.
     *
     * @param satisfied the count that satisfied it
     * @param trials    the count that decided (satisfied or violated)
     * @param ci        the 95% Clopper-Pearson interval of satisfied / trials (null without trials)
     */
    record Fraction(int satisfied, int trials, Stats.Interval ci) {
        static Fraction of(int satisfied, int trials) {
            return new Fraction(satisfied, trials, Stats.clopperPearson(satisfied, trials));
        }

        double value() {
            return trials == 0 ? Double.NaN : (double) satisfied / trials;
        }

        /** Supported when the interval lies above 1/2, not supported when below, else inconclusive. */
        Claims.Verdict verdict() {
            if (ci == null) {
                return Claims.Verdict.INCONCLUSIVE;
            }
            return ci.low() > 0.5 ? Claims.Verdict.SUPPORTED
                    : ci.high() < 0.5 ? Claims.Verdict.NOT_SUPPORTED : Claims.Verdict.INCONCLUSIVE;
        }

        String show() {
            return ci == null ? "no run decided"
                    : String.format(Locale.ROOT, "%d/%d (95%% Clopper-Pearson %s-%s)", satisfied, trials,
                            Formats.human(ci.low()), Formats.human(ci.high()));
        }
    }

    /**
     * Ordinary least squares of y on the columns of x with an intercept; returns the slopes (without the
     * intercept), or null when there are too few rows (fewer than columns + 2) or the design is singular.
     *
     * @param x rows of regressors (not modified)
     * @param y responses (not modified)
     */
    static double[] slopes(double[][] x, double[] y) {
        if (x.length < x[0].length + 2) {
            return null;
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression(1e-10); // QR singularity threshold
        try {
            ols.newSampleData(y.clone(), copy(x));
            double[] beta = ols.estimateRegressionParameters();
            double[] out = new double[beta.length - 1];
            System.arraycopy(beta, 1, out, 0, out.length);
            for (double b : out) {
                if (!Double.isFinite(b)) {
                    return null;
                }
            }
            return out;
        } catch (MathIllegalArgumentException e) {
            return null;
        }
    }

    private static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }

    /**
     * One axis of a band test: the per-repetition slopes, their 95% t interval, and the Holm-adjusted
     * p-values of "inside the band" (two one-sided tests: |mean − expected| &lt; tau) and "outside it".
     */
    record Axis(String name, double expected, double[] slopes, Stats.Interval ci, double pInside, double pOutside) {
        String show() {
            double mean = Stats.mean(slopes);
            return String.format(Locale.ROOT, "%s %s (95%% %s)", name, Formats.human(mean),
                    ci == null ? "n/a: fewer than two repetitions fitted" : Formats.human(ci.low()) + " to " + Formats.human(ci.high()));
        }
    }

    /**
     * Band tests of per-repetition slopes against expected values, each axis at tolerance {@code tau},
     * Holm-adjusted over the axes (a rule that must hold on every axis).
     *
     * @param names    the axes' names
     * @param expected the expected slope of each axis
     * @param perRep   one slope vector per repetition (each of length names.size())
     */
    record Band(List<Axis> axes, double tau) {
        /** Every axis shown to lie inside its band (needs at least two repetitions). */
        boolean inside() {
            return !axes.isEmpty() && axes.stream().allMatch(a -> a.pInside() <= ALPHA);
        }

        /** Some axis shown to lie outside its band. */
        boolean outside() {
            return axes.stream().anyMatch(a -> a.pOutside() <= ALPHA);
        }

        /** Whether repetition {@code i}'s own slopes lie within tau of the expected values. */
        boolean repetitionInside(int i) {
            return axes.stream().allMatch(a -> Math.abs(a.slopes()[i] - a.expected()) <= tau);
        }

        int repetitions() {
            return axes.isEmpty() ? 0 : axes.get(0).slopes().length;
        }

        String show() {
            List<String> parts = new ArrayList<>();
            for (Axis a : axes) {
                parts.add(a.show());
            }
            return String.join(", ", parts);
        }

        static Band of(List<String> names, double[] expected, List<double[]> perRep, double tau) {
            int k = names.size();
            List<Axis> axes = new ArrayList<>();
            double[] pIn = new double[k];
            double[] pOut = new double[k];
            double[][] s = new double[k][perRep.size()];
            for (int a = 0; a < k; a++) {
                for (int r = 0; r < perRep.size(); r++) {
                    s[a][r] = perRep.get(r)[a];
                }
                double[] centred = new double[perRep.size()];
                double[] negated = new double[perRep.size()];
                for (int r = 0; r < perRep.size(); r++) {
                    centred[r] = s[a][r] - expected[a];
                    negated[r] = -centred[r];
                }
                Double below = Stats.tTestGreater(negated, -tau); // H0: mean - e >= tau
                Double above = Stats.tTestGreater(centred, -tau); // H0: mean - e <= -tau
                Double high = Stats.tTestGreater(centred, tau); // H0: mean - e <= tau
                Double low = Stats.tTestGreater(negated, tau); // H0: mean - e >= -tau
                pIn[a] = below == null ? 1 : Math.max(below, above);
                pOut[a] = high == null ? 1 : Math.min(1, 2 * Math.min(high, low));
            }
            double[] in = k == 0 ? pIn : Stats.holm(pIn);
            double[] out = k == 0 ? pOut : Stats.holm(pOut);
            for (int a = 0; a < k; a++) {
                axes.add(new Axis(names.get(a), expected[a], s[a], Stats.tInterval(s[a]), in[a], out[a]));
            }
            return new Band(axes, tau);
        }
    }

    /**
     * A 95% upper confidence bound of a positive constant from its per-repetition values: the upper end
     * of the t interval of their logarithms, exponentiated; NaN for fewer than two values; +∞ when a
     * value is +∞ (a repetition no finite constant explains).
     */
    static double upperBound(double[] values) {
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == Double.POSITIVE_INFINITY) {
                return Double.POSITIVE_INFINITY;
            }
            logs[i] = Math.log(values[i]);
        }
        Stats.Interval t = Stats.tInterval(logs);
        return t == null ? Double.NaN : Math.exp(t.high());
    }

    /**
     * The constant C₁ of Lemma 4.3, event E.1 (p/C₁ ≤ ‖x_k‖² ≤ C₁ p for every k), for isotropic Gaussian
     * clusters, as the proof obtains it: ‖x_k‖² = ‖z_k‖² + 2ỹ_k⟨z_k, μ⟩ + ‖μ‖² with ‖z_k‖² ~ χ²_p, bounded
     * with probability 1 − δ over the n points by the Laurent-Massart inequalities (p ± 2√(p t) + 2t,
     * one side) and the Gaussian tail |⟨z, μ⟩| ≤ ‖μ‖ √(2t), t = log(4n/δ). At least 1.
     */
    static double c1(double n, double p, double mu, double delta) {
        double t = Math.log(4 * n / delta);
        double cross = 2 * mu * Math.sqrt(2 * t);
        double high = (p + 2 * Math.sqrt(p * t) + 2 * t + cross + mu * mu) / p;
        double lowNorm = p - 2 * Math.sqrt(p * t) - cross + mu * mu;
        double low = lowNorm > 0 ? p / lowNorm : Double.POSITIVE_INFINITY;
        return Math.max(1, Math.max(high, low));
    }

    /** log of each value. */
    static double[] logs(double... xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = Math.log(xs[i]);
        }
        return out;
    }
}
