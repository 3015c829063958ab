package org.benignlab.optimizers.impl;

import org.benignlab.api.Optimizer;

/**
 * Full-batch gradient descent with a fixed step α (paper, Section 2.2): params[k] -= α gradient[k].
 * The update is a fixed linear combination of the current gradient, so {@link #linearInGradients()}
 * is true and the span engine is exact for it. Immutable; its states keep nothing between steps.
 */
public final class GradientDescent implements Optimizer {
    private final double step;

    /** @param step α, finite and &gt; 0 */
    public GradientDescent(double step) {
        this.step = step;
    }

    /** α. */
    public double step() {
        return step;
    }

    @Override
    public State start(int dimension) {
        if (dimension < 0) {
            throw new IllegalArgumentException("dimension must be >= 0, got " + dimension);
        }
        return (t, params, gradient) -> {
            if (params.length != dimension || gradient.length != dimension) {
                throw new IllegalArgumentException("gd started with dimension " + dimension + " got params of length "
                        + params.length + " and gradient of length " + gradient.length);
            }
            for (int k = 0; k < dimension; k++) {
                params[k] -= step * gradient[k];
            }
        };
    }

    @Override
    public boolean linearInGradients() {
        return true;
    }

    @Override
    public String toString() {
        return "GradientDescent[step=" + step + "]";
    }
}
