package org.benignlab.reports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.benignlab.api.MetricNames;

/**
 * Lemma 4.11: for t ≥ 1 the normalized clean margin E[ỹ f(x; W(t))]/‖W(t)‖_F is at least
 * γ²‖μ‖²√n/(C √p). Each run gives the smallest C its trajectory allows, C = γ²‖μ‖²√(n/p) / min_{t≥1}
 * margin (+∞ for a margin ≤ 0); within each repetition log C is regressed on log n, log p and log ‖μ‖,
 * and no slope may drift. The control is the same fit with ‖μ‖ in place of ‖μ‖².
 */
final class MarginClaim implements Claims.Check {
    /** Drift tolerance of each slope. */
    static final double TAU = 0.25;

    static final Claims.Claim CLAIM = new Claims.Claim("normalized-margin", "Lemma 4.11",
            "for every t >= 1 the normalized clean margin E[ỹ f(x; W(t))]/‖W(t)‖_F is at least c γ²‖μ‖²√n/√p (the "
                    + "paper's c = 1/(8 max(√C₁, C₂)))",
            "per run, the smallest normalized margin over the recorded steps t >= 1 gives C = γ²‖μ‖²√(n/p) / margin "
                    + "(+∞ if the margin is <= 0); within each repetition log C is regressed on log n, log p and "
                    + "log ‖μ‖. Supported if every slope lies within ±0.25 of 0 (two one-sided t tests across "
                    + "repetitions, Holm over the three; 0.25 is a factor 1.8 in C per decade of an axis), unless the "
                    + "Clopper-Pearson interval of the fraction of repetitions with all margins positive and all "
                    + "slopes within 0.25 lies below 1/2; not supported if a slope lies outside (Holm), or most repetitions fail, or the "
                    + "Clopper-Pearson interval of the fraction of runs with a positive margin lies below 1/2; "
                    + "otherwise inconclusive. C_min (largest 95% upper bound of C over configurations) is compared "
                    + "with the largest C for which A1-A5 hold (flagged when above it)",
            "a margin is not positive in most repetitions, or the constant drifts: the margin grows slower or faster "
                    + "than ‖μ‖²√(n/p) along n, p or ‖μ‖",
            "the same fit with the wrong variable γ²‖μ‖√(n/p) (‖μ‖ in place of ‖μ‖²): C' = C/‖μ‖ drifts along ‖μ‖ "
                    + "and the rule must say \"not supported\" (η = 1/2, where the clean margin is 0 by symmetry, "
                    + "cannot be run: noise rates are limited to [0, 1/2))",
            List.of(),
            List.of("sweep.grid.data.n=[25, 100]", "sweep.grid.data.p=[100000, 10000000]",
                    "sweep.grid.data.mu=[\"(p/n)^0.25\", \"3*(p/n)^0.25\"]", "sweep.repetitions=3"));

    @Override
    public Claims.Outcome main(Experiment e) throws IOException {
        return judge(e, 2);
    }

    @Override
    public Claims.Outcome control(Experiment main, Experiment control) throws IOException {
        return judge(main, 1);
    }

    private static Claims.Outcome judge(Experiment e, int muPower) throws IOException {
        List<DriftFit.Point> points = new ArrayList<>();
        int unknown = 0;
        int nonPositive = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (RunRecord r : ClaimRuns.completed(e)) {
            Double n = ClaimRuns.n(r);
            Double p = ClaimRuns.p(r);
            Double mu = ClaimRuns.mu(r);
            Double gamma = ClaimRuns.gamma(r);
            double margin = ClaimRuns.series(r, MetricNames.NORMALIZED_MARGIN).stream().filter(q -> q.step() >= 1)
                    .mapToDouble(MetricsTable.Point::value).min().orElse(Double.NaN);
            if (n == null || p == null || mu == null || gamma == null || Double.isNaN(margin)) {
                unknown++;
                continue;
            }
            double bound = gamma * gamma * Math.pow(mu, muPower) * Math.sqrt(n / p);
            nonPositive += margin > 0 ? 0 : 1;
            smallest = Math.min(smallest, margin);
            points.add(new DriftFit.Point(r, ClaimStats.logs(n, p, mu),
                    margin > 0 ? bound / margin : Double.POSITIVE_INFINITY));
        }
        String bound = muPower == 2 ? "γ²‖μ‖²√(n/p)" : "γ²‖μ‖√(n/p)";
        if (points.isEmpty()) {
            return new Claims.Outcome(Claims.Verdict.INCONCLUSIVE, "no run recorded the normalized margin with n, p, "
                    + "‖μ‖ and γ (" + unknown + " runs lack one: γ n/a when the activation declares none; the margin "
                    + "needs training.diagnostics 'margin')", "nothing to fit", ClaimStats.Fraction.of(0, 0));
        }
        DriftFit.Result fit = DriftFit.fit(points, List.of("n", "p", "‖μ‖"), TAU);
        // every repetition counts: one with a non-positive margin, or without a fit, does not satisfy the lemma
        java.util.SortedSet<Integer> reps = new java.util.TreeSet<>();
        points.forEach(q -> reps.add(q.run().repetition()));
        int ok = 0;
        for (int rep : reps) {
            int i = fit.repetitions().indexOf(rep);
            boolean positive = points.stream().filter(q -> q.run().repetition() == rep)
                    .allMatch(q -> Double.isFinite(q.c()));
            ok += positive && i >= 0 && fit.inside(i) ? 1 : 0;
        }
        ClaimStats.Fraction f = ClaimStats.Fraction.of(ok, reps.size());
        ClaimRuns.LargestC largestC = ClaimRuns.largestC(points.stream().map(DriftFit.Point::run).toList());
        String measured = String.format(Locale.ROOT, "%d runs (%d without the numbers), smallest margin %s, %d not "
                        + "positive; C = %s / min margin; drift of log C: %s; C_min = %s at %s (%s)", points.size(), unknown, Formats.human(smallest), nonPositive, bound,
                fit.band().show(), Formats.human(fit.cMin()), fit.where(), largestC.against(fit.cMin()));
        Claims.Verdict v;
        String why;
        ClaimStats.Fraction positive = ClaimStats.Fraction.of(points.size() - nonPositive, points.size());
        if (fit.band().outside() || f.verdict() == Claims.Verdict.NOT_SUPPORTED
                || positive.verdict() == Claims.Verdict.NOT_SUPPORTED) {
            v = Claims.Verdict.NOT_SUPPORTED;
            why = fit.band().outside() ? "C drifts beyond ±" + TAU + " along an axis (Holm)"
                    : positive.verdict() == Claims.Verdict.NOT_SUPPORTED ? "most runs have a non-positive margin ("
                    + positive.show() + " positive)" : "most repetitions have a non-positive margin or a drifting C";
        } else if (fit.band().inside() && f.verdict() != Claims.Verdict.NOT_SUPPORTED) {
            v = Claims.Verdict.SUPPORTED;
            why = "C does not drift along n, p or ‖μ‖ (within ±" + TAU + ", Holm) and the margins are positive";
        } else {
            v = Claims.Verdict.INCONCLUSIVE;
            why = "no drift is not shown (too few repetitions for the t tests, or slopes too close to ±" + TAU + ")";
        }
        return new Claims.Outcome(v, measured, why, f);
    }
}
