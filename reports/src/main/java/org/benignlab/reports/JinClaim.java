package org.benignlab.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.benignlab.api.MetricNames;

/**
 * Jin's threshold in its general form: the network learns up to n(1 − 2η)²‖μ‖⁴/p of order 1, so the
 * crossover ‖μ‖* (clean error halfway between 1/2 and the Bayes error Φ(−‖μ‖)) scales like p^¼ n^−¼.
 * Within each repetition ‖μ‖* is located at each (n, p) by interpolation in log ‖μ‖, and log ‖μ‖* is
 * regressed on log n and log p; across repetitions the exponents must be −¼ and ¼. The control is the
 * same fit against the wrong variable n‖μ‖²/p, whose exponents would be −½ and ½.
 */
final class JinClaim implements Claims.Check {
    /** Tolerance on each exponent. */
    static final double TAU = 0.1;

    static final Claims.Claim CLAIM = new Claims.Claim("jin-threshold", "Section 3 (Jin's threshold)",
            "for η = 0 and fixed n no classifier learns when ‖μ‖ = o(p^¼); in general the variable is "
                    + "n(1-2η)²‖μ‖⁴/p, and the network learns right up to that threshold: the crossover ‖μ‖* scales "
                    + "like p^¼ n^(-¼)",
            "within each repetition, at each (n, p), the crossover ‖μ‖* is where the clean test error crosses "
                    + "halfway between 1/2 and the Bayes error Φ(-‖μ‖) (first crossing, linear interpolation in "
                    + "log ‖μ‖); log ‖μ‖* is regressed on log n and log p. Supported if both exponents lie within ±0.1 "
                    + "of -1/4 and 1/4 (two one-sided t tests across repetitions, Holm over the two; 0.1 allows for "
                    + "the n‖μ‖²/p term of the one-step classifier's error near the crossover), unless the Clopper-Pearson "
                    + "interval of the fraction of repetitions with both within 0.1 lies below 1/2; not supported if an exponent lies "
                    + "outside (Holm) or most repetitions fail; otherwise inconclusive",
            "the crossover does not scale like p^¼ n^(-¼): for instance like (p/n)^½ (the variable n‖μ‖²/p), or "
                    + "independently of n (the old reading ‖μ‖/p^¼)",
            "the same crossovers fitted against the wrong variable n‖μ‖²/p, whose exponents would be -1/2 and 1/2: "
                    + "the rule must reject them",
            List.of(),
            List.of("sweep.grid.data.n=[25, 100]", "sweep.grid.data.p=[10000, 1000000]", "sweep.repetitions=3"));

    @Override
    public Claims.Outcome main(Experiment e) {
        return judge(e, -0.25, "p^¼ n^(-¼)");
    }

    @Override
    public Claims.Outcome control(Experiment main, Experiment control) {
        return judge(main, -0.5, "(p/n)^½");
    }

    private static Claims.Outcome judge(Experiment e, double nExponent, String form) {
        Map<Integer, Map<String, List<RunRecord>>> reps = new TreeMap<>();
        for (RunRecord r : ClaimRuns.completed(e)) {
            if (ClaimRuns.n(r) == null || ClaimRuns.p(r) == null || ClaimRuns.mu(r) == null
                    || ClaimRuns.metric(r, MetricNames.TEST_ERROR_CLEAN) == null) {
                continue;
            }
            String np = ClaimRuns.n(r) + "/" + ClaimRuns.p(r);
            reps.computeIfAbsent(r.repetition(), k -> new LinkedHashMap<>()).computeIfAbsent(np, k -> new ArrayList<>())
                    .add(r);
        }
        List<double[]> slopes = new ArrayList<>();
        int missing = 0;
        List<String> example = new ArrayList<>();
        for (Map<String, List<RunRecord>> rep : reps.values()) {
            List<double[]> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (List<RunRecord> runs : rep.values()) {
                double star = crossover(runs);
                if (Double.isNaN(star)) {
                    missing++;
                    continue;
                }
                RunRecord r = runs.get(0);
                x.add(ClaimStats.logs(ClaimRuns.n(r), ClaimRuns.p(r)));
                y.add(Math.log(star));
                if (slopes.isEmpty()) {
                    example.add(String.format(Locale.ROOT, "n=%s p=%s: ‖μ‖*=%s", Formats.human(ClaimRuns.n(r)),
                            Formats.human(ClaimRuns.p(r)), Formats.human(star)));
                }
            }
            double[] s = x.isEmpty() ? null : ClaimStats.slopes(x.toArray(new double[0][]),
                    y.stream().mapToDouble(Double::doubleValue).toArray());
            if (s != null) {
                slopes.add(s);
            }
        }
        if (slopes.isEmpty()) {
            return new Claims.Outcome(Claims.Verdict.INCONCLUSIVE, "no repetition has crossovers at 4 or more (n, p) "
                    + "(" + missing + " (n, p) without a crossover in the ‖μ‖ grid)", "nothing to fit",
                    ClaimStats.Fraction.of(0, 0));
        }
        ClaimStats.Band band = ClaimStats.Band.of(List.of("n", "p"), new double[] {nExponent, -nExponent}, slopes, TAU);
        int ok = 0;
        for (int i = 0; i < slopes.size(); i++) {
            ok += band.repetitionInside(i) ? 1 : 0;
        }
        ClaimStats.Fraction f = ClaimStats.Fraction.of(ok, slopes.size());
        String measured = String.format(Locale.ROOT, "crossovers in %d repetitions (first: %s; %d (n, p) without one); "
                        + "exponents of ‖μ‖*: %s; compared with %s", slopes.size(), String.join(", ", example), missing,
                band.show(), form);
        Claims.Verdict v;
        String why;
        if (band.outside() || f.verdict() == Claims.Verdict.NOT_SUPPORTED) {
            v = Claims.Verdict.NOT_SUPPORTED;
            why = "an exponent lies more than " + TAU + " from " + form + "'s (Holm), or most repetitions fail";
        } else if (band.inside() && f.verdict() != Claims.Verdict.NOT_SUPPORTED) {
            v = Claims.Verdict.SUPPORTED;
            why = "both exponents lie within " + TAU + " of " + form + "'s (Holm)";
        } else {
            v = Claims.Verdict.INCONCLUSIVE;
            why = "the exponents are neither shown within nor outside " + TAU + " of " + form + "'s (too few "
                    + "repetitions for the t tests, or too close to the tolerance)";
        }
        return new Claims.Outcome(v, measured, why, f);
    }

    /**
     * The first ‖μ‖ at which the mean clean error of the runs at one (n, p) and repetition falls through
     * (1/2 + Φ(−‖μ‖))/2, by linear interpolation in log ‖μ‖; NaN when it does not cross in the grid.
     */
    static double crossover(List<RunRecord> runs) {
        List<RunRecord> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(ClaimRuns::mu));
        double prevX = Double.NaN;
        double prevD = Double.NaN;
        for (RunRecord r : sorted) {
            double mu = ClaimRuns.mu(r);
            double d = ClaimRuns.metric(r, MetricNames.TEST_ERROR_CLEAN) - (0.5 + Theory.bayesErrorClean(mu)) / 2;
            double x = Math.log(mu);
            if (d <= 0) {
                if (Double.isNaN(prevD)) {
                    return Double.NaN; // already below at the smallest ‖μ‖: the grid starts too high
                }
                return Math.exp(prevX + (x - prevX) * prevD / (prevD - d));
            }
            prevX = x;
            prevD = d;
        }
        return Double.NaN;
    }
}
