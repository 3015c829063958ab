package org.benignlab.optimizers.impl;

/**
 * Momentum with velocity v(t+1) = β v(t) + g(t), v(0) = 0, in two forms:
 * <ul>
 *   <li>Polyak's heavy ball ({@code nesterov = false}): params(t+1) = params(t) - α v(t+1); equivalently
 *       params(t+1) = params(t) - α g(t) + β (params(t) - params(t-1)); β = 0 is gradient descent.</li>
 *   <li>Nesterov's accelerated gradient in the form of Sutskever et al. (2013) used by PyTorch
 *       ({@code nesterov=True}), which needs only the gradient at the current parameters:
 *       params(t+1) = params(t) - α (g(t) + β v(t+1)).</li>
 * </ul>
 * Either way the displacement is a fixed linear combination of past gradients: linear, so the span
 * engine is exact for it. Immutable; each state holds its own velocity.
 */
public final class Momentum extends CheckedOptimizer {
    private final double step;
    private final double beta;
    private final boolean nesterov;

    public Momentum(double step, double beta, boolean nesterov) {
        super(nesterov ? "nesterov" : "momentum", true);
        this.step = step;
        this.beta = beta;
        this.nesterov = nesterov;
    }

    @Override
    State update(int dimension) {
        double[] velocity = new double[dimension];
        return (t, params, gradient) -> {
            for (int k = 0; k < dimension; k++) {
                velocity[k] = beta * velocity[k] + gradient[k];
                params[k] -= step * (nesterov ? gradient[k] + beta * velocity[k] : velocity[k]);
            }
        };
    }

    @Override
    public String toString() {
        return (nesterov ? "Nesterov" : "HeavyBall") + "[step=" + step + ", beta=" + beta + "]";
    }
}
