package org.benignlab.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.benignlab.api.MetricNames;

/**
 * Theorem 3.1 (2): test error ≤ η + 2 exp(−n‖μ‖⁴/(C p)). Each run that trained to loss ε gives the
 * excess error e = (1 − 2η) × clean test error and the smallest C it allows, C = S / log(2/e) with
 * S = n‖μ‖⁴/p. Within each repetition: the excess error must fall with S, and log C, regressed on
 * log n, log p and log S, must not drift along n or p at fixed S (that is what "the variable is
 * n‖μ‖⁴/p" means). The control is the same fit with S replaced by the wrong variable n‖μ‖²/p.
 */
final class TestErrorClaim implements Claims.Check {
    /** Drift tolerance of the slopes of log C in log n and log p. */
    static final double TAU = 0.25;
    /**
     * The excess error must fall at least like exp(−S^¼): the slope of log log(2/e) on log S must exceed
     * this (the bound's exp(−S/C) has slope 1; the Gaussian tail of the one-step classifier, about 1/2 over
     * the measurable range of errors).
     */
    static final double FALL = 0.25;
    /** A configuration is informative when its mean clean error is below this (learning has begun). */
    static final double INFORMATIVE = 0.25;

    static final Claims.Claim CLAIM = new Claims.Claim("test-error-vs-signal", "Theorem 3.1 (2)",
            "after training to loss ε, the test error on noisy labels is at most η + 2 exp(-n‖μ‖⁴/(C p)): the excess "
                    + "over η falls with n‖μ‖⁴/p, with one C for all n, p and ‖μ‖",
            "every run trains to loss ε < 1/(2n) (runs that did not are left out); its excess error is e = (1 - 2η) x "
                    + "clean test error (an error of 0 counts as 1/(2 x test points)) and its constant C = S/log(2/e), "
                    + "S = n‖μ‖⁴/p; configurations whose mean clean error is 0.25 or more (learning has not begun: the "
                    + "bound is vacuous there) or 0 in every repetition (below the test set's resolution) are left "
                    + "out. Within each repetition log C is regressed on log n, log p and log S: the n and p slopes "
                    + "are drifts, and 1 minus the S slope is b, the slope of log log(2/e) on log S (b = 1 for "
                    + "2 exp(-S/C) with one C). Supported if b > 1/4 (the excess falls at least like exp(-S^¼); "
                    + "one-sided t test across repetitions, 5%) and both drift slopes lie within ±0.25 (two one-sided t tests each, Holm over "
                    + "the two; 0.25 because the one-step classifier's error also depends on n‖μ‖²/p and η, so the "
                    + "collapse holds up to a constant in the exponent, not exactly), unless the Clopper-Pearson "
                    + "interval of the fraction of repetitions whose own slopes satisfy both lies below 1/2; not supported if b < 1/4 is shown or a drift "
                    + "slope lies outside ±0.25 (Holm) or most repetitions fail; otherwise inconclusive. C_min (largest "
                    + "95% upper bound of C over configurations) is compared with the largest C for which A1-A5 hold (flagged when above it)",
            "the excess error did not fall with n‖μ‖⁴/p, or the constant C needed grows (or shrinks) with n or p "
                    + "at fixed n‖μ‖⁴/p",
            "the same fit on the wrong variable n‖μ‖²/p (the constant C' = (n‖μ‖²/p)/log(2/e)): at fixed n‖μ‖²/p the "
                    + "error still depends on n‖μ‖⁴/p, so C' drifts with n and p and the rule must say \"not supported\"",
            List.of(),
            List.of("sweep.grid.data.n=[25, 100]", "sweep.grid.data.p=[100000, 10000000]", "sweep.repetitions=3",
                    "data.test=5000"));

    /** The variable of the fit: n‖μ‖⁴/p for the claim, n‖μ‖²/p for the control. */
    private record Variable(String name, int muPower) {
        double of(double n, double p, double mu) {
            return n * Math.pow(mu, muPower) / p;
        }
    }

    @Override
    public Claims.Outcome main(Experiment e) {
        return judge(e, new Variable("n‖μ‖⁴/p", 4));
    }

    @Override
    public Claims.Outcome control(Experiment main, Experiment control) {
        return judge(main, new Variable("n‖μ‖²/p", 2));
    }

    private static Claims.Outcome judge(Experiment e, Variable var) {
        Map<String, List<RunRecord>> configs = new LinkedHashMap<>();
        int notTrained = 0;
        int unknown = 0;
        for (RunRecord r : ClaimRuns.completed(e)) {
            if (ClaimRuns.n(r) == null || ClaimRuns.p(r) == null || ClaimRuns.mu(r) == null || ClaimRuns.eta(r) == null
                    || ClaimRuns.metric(r, MetricNames.TEST_ERROR_CLEAN) == null || ClaimRuns.testPoints(r) == null) {
                unknown++;
            } else if (!"stop_loss".equals(r.summary().stopReason())) {
                notTrained++;
            } else {
                configs.computeIfAbsent(r.configKey(), k -> new ArrayList<>()).add(r);
            }
        }
        List<DriftFit.Point> points = new ArrayList<>();
        int informative = 0;
        for (List<RunRecord> runs : configs.values()) {
            double mean = runs.stream().mapToDouble(r -> ClaimRuns.metric(r, MetricNames.TEST_ERROR_CLEAN)).average()
                    .orElse(1);
            boolean allZero = runs.stream().allMatch(r -> ClaimRuns.metric(r, MetricNames.TEST_ERROR_CLEAN) == 0);
            if (mean >= INFORMATIVE || allZero) {
                continue;
            }
            informative++;
            for (RunRecord r : runs) {
                double n = ClaimRuns.n(r);
                double p = ClaimRuns.p(r);
                double mu = ClaimRuns.mu(r);
                double s = var.of(n, p, mu);
                double e1 = excess(r);
                points.add(new DriftFit.Point(r, ClaimStats.logs(n, p, s), s / Math.log(2 / e1)));
            }
        }
        if (informative < 4) {
            return new Claims.Outcome(Claims.Verdict.INCONCLUSIVE, String.format(Locale.ROOT, "%d informative "
                    + "configurations (%d runs did not reach ε, %d lack n, p, ‖μ‖, η or the clean error)", informative,
                    notTrained, unknown), "a fit needs at least 4 informative configurations",
                    ClaimStats.Fraction.of(0, 0));
        }
        DriftFit.Result fit = DriftFit.fit(points, List.of("n", "p", var.name()), 2, TAU);
        // how fast the excess error falls: the slope b of log log(2/e) on log S at fixed n and p, which is
        // 1 minus the S-slope of log C in the same fit (2 exp(-S/C) with a constant C has b = 1)
        double[] fallSlopes = java.util.Arrays.stream(fit.covariates().axes().get(0).slopes()).map(x -> 1 - x).toArray();
        double[] negated = java.util.Arrays.stream(fallSlopes).map(x -> -x).toArray();
        Double pFall = Stats.tTestGreater(fallSlopes, FALL);
        Double pRise = Stats.tTestGreater(negated, -FALL);
        int ok = 0;
        for (int i = 0; i < fallSlopes.length; i++) {
            ok += fallSlopes[i] > FALL && fit.inside(i) ? 1 : 0;
        }
        ClaimStats.Fraction f = ClaimStats.Fraction.of(ok, fallSlopes.length);
        ClaimRuns.LargestC largestC = ClaimRuns.largestC(points.stream().map(DriftFit.Point::run).toList());
        Stats.Interval fallCi = Stats.tInterval(fallSlopes);
        String measured = String.format(Locale.ROOT, "%d informative configurations, %d repetitions fitted: slope of "
                        + "log log(2/excess error) on log %s %s (95%% %s); drift of log C: %s (the variable's slope %s); C_min = %s at %s "
                        + "(%s)", informative, fallSlopes.length, var.name(),
                Formats.human(Stats.mean(fallSlopes)), fallCi == null ? "n/a" : Formats.human(fallCi.low()) + " to "
                        + Formats.human(fallCi.high()), fit.band().show(), fit.covariates().show(),
                Formats.human(fit.cMin()), fit.where(), largestC.against(fit.cMin()));
        boolean falls0 = pFall != null && pFall <= ClaimStats.ALPHA;
        boolean rises = pRise != null && pRise <= ClaimStats.ALPHA;
        Claims.Verdict v;
        String why;
        if (rises || fit.band().outside() || f.verdict() == Claims.Verdict.NOT_SUPPORTED) {
            v = Claims.Verdict.NOT_SUPPORTED;
            why = rises ? "the excess error falls slower than exp(-S^¼) in S = " + var.name() + " (shown)" : fit.band().outside()
                    ? "log C drifts along n or p beyond ±" + TAU + " (Holm)" : "most repetitions fail";
        } else if (falls0 && fit.band().inside() && f.verdict() != Claims.Verdict.NOT_SUPPORTED) {
            v = Claims.Verdict.SUPPORTED;
            why = "the excess error falls at least like exp(-S^¼) in S = " + var.name() + " and C does not drift along n or p (within ±" + TAU
                    + ", Holm)";
        } else {
            v = Claims.Verdict.INCONCLUSIVE;
            why = "falls with " + var.name() + ": " + (falls0 ? "shown" : "not shown") + "; no drift: "
                    + (fit.band().inside() ? "shown" : "not shown") + " (too few repetitions for the t tests, or "
                    + "slopes too close to the tolerance)";
        }
        return new Claims.Outcome(v, measured, why, f);
    }

    /** (1 − 2η) × clean test error, with an error of 0 counted as 1/(2 × test points). */
    private static double excess(RunRecord r) {
        double eta = ClaimRuns.eta(r);
        double clean = Math.max(ClaimRuns.metric(r, MetricNames.TEST_ERROR_CLEAN), 1 / (2 * ClaimRuns.testPoints(r)));
        return (1 - 2 * eta) * clean;
    }
}
