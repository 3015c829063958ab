package org.benignlab.optimizers.impl;

/**
 * Full-batch gradient descent with a fixed step α (paper, Section 2.2): params[k] -= α gradient[k].
 * The update is a fixed linear combination of the current gradient, so {@link #linearInGradients()}
 * is true and the span engine is exact for it. Immutable; its states keep nothing between steps.
 */
public final class GradientDescent extends CheckedOptimizer {
    private final double step;

    /** @param step α, finite and &gt; 0 */
    public GradientDescent(double step) {
        super("gd", true);
        this.step = step;
    }

    /** α. */
    public double step() {
        return step;
    }

    @Override
    State update(int dimension) {
        return (t, params, gradient) -> descend(params, step, gradient);
    }

    @Override
    public String toString() {
        return "GradientDescent[step=" + step + "]";
    }
}
