package org.benignlab.reports;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.benignlab.api.MetricNames;

/**
 * Lemma 4.12 along the trajectory: ‖∇L̂(W(t))‖_F ≥ (γ‖μ‖/4) Ĝ(W(t)) at every recorded t, with the
 * paper's explicit constant. Proposition 3.2 (‖W1 − W0‖_F/‖W0‖_F ≥ γ‖μ‖/48, Appendix B) follows from it
 * under A6 and is reported beside it as a consistency check, not a test.
 */
final class GradientClaim extends PerRunClaim {
    static final Claims.Claim CLAIM = new Claims.Claim("gradient-lower-bound", "Lemma 4.12 (with Proposition 3.2)",
            "‖∇L̂(W(t))‖_F >= (γ‖μ‖/4) Ĝ(W(t)) for all t (Proposition 3.2, the first step's relative change >= "
                    + "γ‖μ‖/48, follows from it)",
            "per run: the smallest recorded ‖∇L̂‖_F/Ĝ over the whole trajectory against γ‖μ‖/4 (the paper's "
                    + "constant, as stated); a run satisfies the lemma if it stays at or above the bound and the run "
                    + "ends with train error 0 (the bound was tested past interpolation), violates it if it falls "
                    + "below, and is undecided otherwise; supported if the 95% Clopper-Pearson interval of the fraction "
                    + "of deciding runs that satisfy it lies above 1/2, not supported if below. Proposition 3.2 is "
                    + "reported as a consistency check only: under A6 the first step's relative change is fixed by "
                    + "arithmetic",
            "the gradient norm falls below (γ‖μ‖/4) Ĝ in most runs (for instance a gradient that vanishes while the "
                    + "loss stays up)",
            "non-separable data: p = 1, the identity activation (γ = 1), 30% flipped labels: a flipped point lies "
                    + "inside the other class, gradient descent converges to a finite minimiser where ∇L̂ = 0 while "
                    + "Ĝ >= (log 2)/(2n) > 0, so the ratio falls to 0 < γ‖μ‖/4",
            List.of("data.p=1", "sweep.grid.network.activation.gamma=[1.0]", "sweep.grid.data.mu=[1]",
                    "data.noise.rate=0.3", "network.width=1", "training.optimizer.step=0.5", "training.steps=20000",
                    "training.stall_steps=1000", "training.stop_loss=0", "sweep.repetitions=6"),
            List.of("sweep.grid.data.mu=[5, 50]", "sweep.repetitions=2"));

    @Override
    Judged judge(RunRecord r) throws IOException {
        Double mu = ClaimRuns.mu(r);
        Double gamma = ClaimRuns.gamma(r);
        if (mu == null || gamma == null) {
            return new Judged(Call.UNDECIDED, "n/a: the run records no " + (gamma == null ? "γ (the activation "
                    + "declares none)" : "‖μ‖"));
        }
        List<MetricsTable.Point> ratio = ClaimRuns.series(r, MetricNames.GRADIENT_NORM_RATIO);
        if (ratio.isEmpty()) {
            return new Judged(Call.UNDECIDED, "n/a: no gradient ratio recorded (training.diagnostics needs 'gradients')");
        }
        MetricsTable.Point min = ratio.stream().min(java.util.Comparator.comparingDouble(MetricsTable.Point::value))
                .orElseThrow();
        double bound = gamma * mu / 4;
        String note = String.format(Locale.ROOT, "min ‖∇L̂‖/Ĝ = %s at t = %d vs γ‖μ‖/4 = %s", f(min.value()), min.step(),
                f(bound));
        if (!(min.value() >= bound)) {
            return new Judged(Call.VIOLATED, note);
        }
        Double trainError = ClaimRuns.metric(r, MetricNames.TRAIN_ERROR);
        return new Judged(trainError != null && trainError == 0 ? Call.SATISFIED : Call.UNDECIDED,
                trainError != null && trainError == 0 ? note : note + ", but the run did not interpolate");
    }

    @Override
    String extra(List<RunRecord> runs) throws IOException {
        int holds = 0;
        int seen = 0;
        double worst = Double.POSITIVE_INFINITY;
        for (RunRecord r : runs) {
            Double mu = ClaimRuns.mu(r);
            Double gamma = ClaimRuns.gamma(r);
            double change = ClaimRuns.series(r, MetricNames.RELATIVE_CHANGE).stream().filter(p -> p.step() == 1)
                    .mapToDouble(MetricsTable.Point::value).findFirst().orElse(Double.NaN);
            if (mu == null || gamma == null || Double.isNaN(change)) {
                continue;
            }
            seen++;
            double bound = gamma * mu / 48;
            holds += change >= bound ? 1 : 0;
            worst = Math.min(worst, change / bound);
        }
        return seen == 0 ? "consistency check (Proposition 3.2): no run recorded the change at t = 1"
                : String.format(Locale.ROOT, "consistency check (Proposition 3.2, not a test): ‖W1 - W0‖/‖W0‖ >= "
                        + "γ‖μ‖/48 in %d of %d runs (smallest ratio to it %s)", holds, seen, f(worst));
    }
}
