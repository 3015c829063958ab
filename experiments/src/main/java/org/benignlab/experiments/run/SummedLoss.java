package org.benignlab.experiments.run;

import java.util.Objects;
import org.benignlab.api.Loss;

/**
 * A loss with {@code reduction: sum}: the engines minimise the mean (1/n) Σ_i ℓ(z_i), so the summed objective
 * Σ_i ℓ(z_i) is the mean of n·ℓ. This loss is n·ℓ: its value, derivative and g are n times the plugin's, so the
 * gradient, {@code train_loss}, the loss diagnostics and {@code stop_loss} all refer to the sum; ratios of g
 * (the loss ratio, ‖∇L̂‖/Ĝ) are unchanged.
 *
 * @param inner the plugin's loss
 * @param n     the number of training points, &gt;= 1
 */
record SummedLoss(Loss inner, int n) implements Loss {
    SummedLoss {
        Objects.requireNonNull(inner, "inner");
        if (n < 1) {
            throw new IllegalArgumentException("SummedLoss.n: must be >= 1, got " + n);
        }
    }

    @Override
    public double value(double z) {
        return n * inner.value(z);
    }

    @Override
    public double derivative(double z) {
        return n * inner.derivative(z);
    }

    @Override
    public double g(double z) {
        return n * inner.g(z);
    }

    /** log(n g) = log n + the plugin's log g, so the log-space diagnostics keep the plugin's exact form. */
    @Override
    public double logG(double z) {
        return Math.log(n) + inner.logG(z);
    }

    /** log(n ℓ) = log n + the plugin's log ℓ, so the log train loss keeps the plugin's exact form. */
    @Override
    public double logValue(double z) {
        return Math.log(n) + inner.logValue(z);
    }

    @Override
    public String toString() {
        return inner + " (summed over " + n + " points)";
    }
}
