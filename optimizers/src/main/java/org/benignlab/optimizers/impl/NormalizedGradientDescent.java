package org.benignlab.optimizers.impl;

/**
 * Normalized gradient descent: params -= α g / (||g|| + ε), with ||g|| the Euclidean norm of the whole
 * gradient (||∇L̂(W)||_F for the dense engine); no step when ||g|| + ε = 0. Every step has length
 * α ||g||/(||g|| + ε) &lt;= α. The coefficient 1/(||g|| + ε) depends on the gradient, so the update is
 * NOT a fixed linear combination of past gradients ({@link #linearInGradients()} is false): in the
 * span representation the coefficients of the gradient have another norm than the gradient itself,
 * so only the dense engine runs it exactly. Immutable; its states keep nothing between steps.
 */
public final class NormalizedGradientDescent extends CheckedOptimizer {
    private final double step;
    private final double epsilon;

    /**
     * @param step    α, finite and &gt; 0
     * @param epsilon ε, finite and &gt;= 0
     */
    public NormalizedGradientDescent(double step, double epsilon) {
        super("normalized-gd", false);
        this.step = step;
        this.epsilon = epsilon;
    }

    @Override
    State update(int dimension) {
        return (t, params, gradient) -> {
            double scale = 0; // the norm, computed without overflow: max |g_k| times the norm of g / max
            for (double g : gradient) {
                scale = Math.max(scale, Math.abs(g));
            }
            double norm = 0;
            if (scale > 0) {
                double sum = 0;
                for (double g : gradient) {
                    double r = g / scale;
                    sum += r * r;
                }
                norm = scale * Math.sqrt(sum);
            }
            double denominator = norm + epsilon;
            if (denominator == 0) {
                return;
            }
            descend(params, step / denominator, gradient);
        };
    }

    @Override
    public String toString() {
        return "NormalizedGradientDescent[step=" + step + ", epsilon=" + epsilon + "]";
    }
}
