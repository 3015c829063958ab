package org.benignlab.optimizers.impl;

import org.benignlab.api.Optimizer;

/**
 * Polyak's heavy-ball momentum: v(t+1) = β v(t) + g(t), params(t+1) = params(t) - α v(t+1), v(0) = 0;
 * equivalently params(t+1) = params(t) - α g(t) + β (params(t) - params(t-1)). The displacement is
 * -α Σ_s (Σ_{r&lt;=t-s} β^r) g(s), a fixed linear combination of past gradients: linear, so the span
 * engine is exact for it. β = 0 is gradient descent. Immutable; each state holds its own velocity.
 */
public final class HeavyBall implements Optimizer {
    private final double step;
    private final double beta;

    /**
     * @param step α, finite and &gt; 0
     * @param beta β in [0, 1)
     */
    public HeavyBall(double step, double beta) {
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
            Dimensions.require("momentum", dimension, params, gradient);
            for (int k = 0; k < dimension; k++) {
                velocity[k] = beta * velocity[k] + gradient[k];
                params[k] -= step * velocity[k];
            }
        };
    }

    @Override
    public boolean linearInGradients() {
        return true;
    }

    @Override
    public String toString() {
        return "HeavyBall[step=" + step + ", beta=" + beta + "]";
    }
}
