package org.benignlab.optimizers.impl;

import org.benignlab.api.Optimizer;

/**
 * Nesterov's accelerated gradient in the form of Sutskever et al. (2013) used by PyTorch
 * ({@code nesterov=True}), which needs only the gradient at the current parameters:
 * v(t+1) = β v(t) + g(t), params(t+1) = params(t) - α (g(t) + β v(t+1)), v(0) = 0. A fixed linear
 * combination of past gradients: linear, so the span engine is exact for it. Immutable; each state
 * holds its own velocity.
 */
public final class Nesterov implements Optimizer {
    private final double step;
    private final double beta;

    /**
     * @param step α, finite and &gt; 0
     * @param beta β in [0, 1)
     */
    public Nesterov(double step, double beta) {
        if (!(step > 0 && Double.isFinite(step))) {
            throw new IllegalArgumentException("step must be a finite number > 0, got " + step);
        }
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1), got " + beta);
        }
        this.step = step;
        this.beta = beta;
    }

    @Override
    public State start(int dimension) {
        Dimensions.requireNonNegative(dimension);
        double[] velocity = new double[dimension];
        return (t, params, gradient) -> {
            Dimensions.require("nesterov", dimension, params, gradient);
            for (int k = 0; k < dimension; k++) {
                velocity[k] = beta * velocity[k] + gradient[k];
                params[k] -= step * (gradient[k] + beta * velocity[k]);
            }
        };
    }

    @Override
    public boolean linearInGradients() {
        return true;
    }

    @Override
    public String toString() {
        return "Nesterov[step=" + step + ", beta=" + beta + "]";
    }
}
