package org.benignlab.reports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.benignlab.api.MetricNames;

/**
 * Theorem 3.1 (1): for ε &lt; 1/(2n), gradient descent reaches L̂ ≤ ε with every training point classified
 * correctly within T = 128 L̂(W0)/(γ²‖μ‖²αε²) steps (the explicit constant of Lemma 4.12). The runs stop at
 * {@code training.stop_loss} = ε; the steps they needed are compared with that T, and the exponents of the
 * steps in ε and α are fitted within each repetition.
 */
final class LossToEpsilonClaim extends PerRunClaim {
    static final Claims.Claim CLAIM = new Claims.Claim("loss-to-epsilon", "Theorem 3.1 (1)",
            "for any ε < 1/(2n), after T >= C L̂(W0)/(‖μ‖²αε²) steps every training point (noisy labels included) is "
                    + "fitted and L̂(W(T)) <= ε; Lemma 4.12 gives the constant: T = 128 L̂(W0)/(γ²‖μ‖²αε²)",
            "each run trains until L̂ <= ε (training.stop_loss = ε, several ε < 1/(2n) and step sizes α); a run "
                    + "satisfies the theorem if it reached ε with train error 0 within T = 128 L̂(W0)/(γ²‖μ‖²αε²) "
                    + "steps; it violates it if it reached ε later than T or with a training error, if its loss "
                    + "stopped falling above ε (stalled: no new minimum for training.stall_steps steps), or if its "
                    + "step budget was at least T without reaching ε; it is undecided if the budget ran out before T "
                    + "(runs with ε >= 1/(2n) are outside the theorem and not counted); supported if the 95% "
                    + "Clopper-Pearson interval of the fraction of deciding runs that satisfy it lies above 1/2, not "
                    + "supported if below. Reported beside: C_min = max T·‖μ‖²αε²/L̂(W0) (the smallest C of the "
                    + "theorem's T consistent with the runs) and the exponents of T in ε and α, fitted within each "
                    + "repetition (an exponent of α near -1 means the runs match at equal αT)",
            "in most runs the loss stops falling above ε, or reaching ε takes more steps than the theorem's T",
            "non-separable data: p = 1, the identity activation (γ = 1), 30% flipped labels: some point is "
                    + "misclassified by every W, so L̂ >= (log 2)/n > 1/(2n) > ε and the loss stalls above ε",
            List.of("data.p=1", "network.activation.gamma=1.0", "data.mu=1", "data.noise.rate=0.3", "network.width=1",
                    "sweep.grid.training.optimizer.step=[0.5]", "training.steps=20000", "training.stall_steps=1000",
                    "sweep.repetitions=4"),
            List.of("sweep.grid.training.stop_loss=[0.008, 0.002]", "sweep.grid.training.optimizer.step=[\"10/p\", "
                    + "\"30/p\"]", "sweep.repetitions=2"));

    @Override
    Judged judge(RunRecord r) throws IOException {
        Double n = ClaimRuns.n(r);
        Double mu = ClaimRuns.mu(r);
        Double gamma = ClaimRuns.gamma(r);
        Double alpha = ClaimRuns.step(r);
        Double eps = ClaimRuns.config(r, "training.stop_loss");
        Double budget = ClaimRuns.config(r, "training.steps");
        if (n == null || mu == null || gamma == null || alpha == null || eps == null || budget == null) {
            return Judged.lacking(gamma, "n, ‖μ‖, step size, training.stop_loss or training.steps");
        }
        if (!(eps > 0 && eps < 1 / (2 * n))) {
            return new Judged(Call.UNDECIDED, "ε = " + f(eps) + " is not in (0, 1/(2n)): outside the theorem");
        }
        List<MetricsTable.Point> loss = ClaimRuns.series(r, MetricNames.TRAIN_LOSS);
        if (loss.isEmpty() || loss.get(0).step() != 0) {
            return new Judged(Call.UNDECIDED, "n/a: the run did not record L̂(W0)");
        }
        double l0 = loss.get(0).value();
        double bound = 128 * l0 / (gamma * gamma * mu * mu * alpha * eps * eps);
        double steps = r.summary().steps() == null ? Double.NaN : r.summary().steps();
        Double finalLoss = ClaimRuns.metric(r, MetricNames.TRAIN_LOSS);
        Double trainError = ClaimRuns.metric(r, MetricNames.TRAIN_ERROR);
        String reason = r.summary().stopReason();
        String note = String.format(Locale.ROOT, "ε = %s, α = %s: %s after %s steps (loss %s, train error %s) vs T = %s",
                f(eps), f(alpha), reason, f(steps), finalLoss == null ? "n/a" : f(finalLoss),
                trainError == null ? "n/a" : f(trainError), f(bound));
        if ("stop_loss".equals(reason) && finalLoss != null && finalLoss <= eps) {
            return new Judged(steps <= bound && trainError != null && trainError == 0 ? Call.SATISFIED : Call.VIOLATED,
                    note);
        }
        if ("stalled".equals(reason) || budget >= bound) {
            return new Judged(Call.VIOLATED, note);
        }
        return new Judged(Call.UNDECIDED, note + " (the budget ran out before T)");
    }

    @Override
    String extra(List<RunRecord> runs) throws IOException {
        double cMin = 0;
        List<double[]> perRep = new ArrayList<>();
        Map<Integer, List<RunRecord>> reps = new java.util.TreeMap<>();
        for (RunRecord r : runs) {
            Double mu = ClaimRuns.mu(r);
            Double alpha = ClaimRuns.step(r);
            Double eps = ClaimRuns.config(r, "training.stop_loss");
            List<MetricsTable.Point> loss = ClaimRuns.series(r, MetricNames.TRAIN_LOSS);
            if (mu == null || alpha == null || eps == null || !"stop_loss".equals(r.summary().stopReason())
                    || loss.isEmpty() || r.summary().steps() == null) {
                continue;
            }
            cMin = Math.max(cMin, r.summary().steps() * mu * mu * alpha * eps * eps / loss.get(0).value());
            reps.computeIfAbsent(r.repetition(), k -> new ArrayList<>()).add(r);
        }
        for (List<RunRecord> rep : reps.values()) {
            double[][] x = new double[rep.size()][];
            double[] y = new double[rep.size()];
            for (int i = 0; i < rep.size(); i++) {
                RunRecord r = rep.get(i);
                x[i] = ClaimStats.logs(ClaimRuns.config(r, "training.stop_loss"), ClaimRuns.step(r));
                y[i] = Math.log(r.summary().steps());
            }
            double[] s = ClaimStats.slopes(x, y);
            if (s != null) {
                perRep.add(s);
            }
        }
        String exps = perRep.isEmpty() ? "exponents of T: n/a (too few runs reached ε in a repetition)"
                : "exponents of T within each repetition: " + ClaimStats.Band.of(List.of("ε", "α"),
                        new double[] {0, 0}, perRep, 0).show() + " (the theorem's T has -2 and -1)";
        return (cMin > 0 ? "C_min of the theorem's T = " + f(cMin) : "C_min n/a") + "; " + exps;
    }
}
