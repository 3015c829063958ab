package org.benignlab.reports;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.benignlab.api.MetricNames;

/**
 * Lemma 4.9: max_{i,j} g_i(t)/g_j(t) ≤ C_r = 16 C₁²/γ² at every t, checked at every recorded step of
 * runs whose training loss falls over at least three decades; C₁ is that of Lemma 4.3 (E.1), computed
 * for each run as the proof obtains it ({@link ClaimStats#c1}).
 */
final class LossRatioClaim extends PerRunClaim {
    /** The loss must fall at least this many times (three decades) for the run to test the lemma. */
    static final double FALL = 1000;

    static final Claims.Claim CLAIM = new Claims.Claim("loss-ratio", "Lemma 4.9",
            "the loss ratio max_ij g_i(t)/g_j(t) stays below C_r = 16 C₁²/γ² for all t while the training loss "
                    + "goes to 0",
            "per run: the largest recorded loss ratio R against C_r = 16 C₁²/γ², with C₁ the constant of Lemma 4.3 "
                    + "(E.1: p/C₁ <= ‖x_k‖² <= C₁ p) computed for the run's n, p, ‖μ‖ at δ = 1/4 by the "
                    + "Laurent-Massart and Gaussian tail bounds the proof uses; a run satisfies the lemma if R <= C_r "
                    + "and its training loss fell at least 1000-fold (three decades), violates it if R > C_r, and is "
                    + "undecided otherwise; supported if the 95% Clopper-Pearson interval of the fraction of "
                    + "deciding runs that satisfy it lies above 1/2, not supported if below",
            "some run's loss ratio exceeds its C_r in most runs (for instance a ratio that keeps growing as the loss "
                    + "falls)",
            "the identity activation (the smoothed leaky ReLU with γ = 1 is exactly linear) with n = 40 <= p = 60 "
                    + "<< n log n: the max-margin direction does not have every point as a support vector, so as the "
                    + "loss falls the ratio grows without bound (Soudry et al. 2018)",
            List.of("network.activation.gamma=1.0", "data.n=40", "data.p=60", "sweep.grid.data.mu=[3]",
                    "network.width=1", "training.optimizer.step=0.5", "training.steps=20000", "training.stop_loss=0",
                    "sweep.repetitions=6"),
            List.of("sweep.grid.data.mu=[20]", "sweep.repetitions=6", "training.optimizer.step=30/p"));

    @Override
    Judged judge(RunRecord r) throws IOException {
        Double n = ClaimRuns.n(r);
        Double p = ClaimRuns.p(r);
        Double mu = ClaimRuns.mu(r);
        Double gamma = ClaimRuns.gamma(r);
        if (n == null || p == null || mu == null || gamma == null) {
            return Judged.lacking(gamma, "n, p or ‖μ‖");
        }
        List<MetricsTable.Point> ratio = ClaimRuns.series(r, MetricNames.LOSS_RATIO);
        List<MetricsTable.Point> loss = ClaimRuns.series(r, MetricNames.TRAIN_LOSS);
        if (ratio.isEmpty() || loss.isEmpty()) {
            return new Judged(Call.UNDECIDED, "n/a: no loss ratio recorded (training.diagnostics needs 'losses')");
        }
        double max = ratio.stream().mapToDouble(MetricsTable.Point::value).max().orElse(Double.NaN);
        double fall = loss.get(0).value() / loss.stream().mapToDouble(MetricsTable.Point::value).min().orElse(Double.NaN);
        double c1 = ClaimStats.c1(n, p, mu, ClaimStats.DELTA);
        double cr = 16 * c1 * c1 / (gamma * gamma);
        String note = String.format(Locale.ROOT, "R = %s vs C_r = %s (C₁ = %s, γ = %s), loss fell %s-fold", f(max),
                f(cr), f(c1), f(gamma), f(fall));
        if (!(max <= cr)) {
            return new Judged(Call.VIOLATED, note);
        }
        return new Judged(fall >= FALL ? Call.SATISFIED : Call.UNDECIDED, note);
    }
}
