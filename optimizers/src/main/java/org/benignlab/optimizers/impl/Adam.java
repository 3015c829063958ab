package org.benignlab.optimizers.impl;

/**
 * Adam (Kingma and Ba, 2015), coordinate-wise: with the state's own step count k = 1, 2, ...,
 * <pre>
 *   m = β1 m + (1-β1) g,    v = β2 v + (1-β2) g²,
 *   params -= α (m / (1 - β1^k)) / (sqrt(v / (1 - β2^k)) + ε)
 * </pre>
 * The division by the coordinate-wise root of v makes the update depend on the gradients' values, so
 * it is NOT linear in them ({@link #linearInGradients()} is false) and it is not even rotation
 * invariant: only the dense engine runs it exactly. Immutable; each state holds its own m, v and k.
 */
public final class Adam extends CheckedOptimizer {
    private final double step;
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    /**
     * @param step    α, finite and &gt; 0
     * @param beta1   in [0, 1)
     * @param beta2   in [0, 1)
     * @param epsilon finite and &gt; 0
     */
    public Adam(double step, double beta1, double beta2, double epsilon) {
        super("adam", false);
        this.step = step;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    State update(int dimension) {
        double[] m = new double[dimension];
        double[] v = new double[dimension];
        long[] count = {0};
        return (t, params, gradient) -> {
            long k = ++count[0];
            double c1 = 1 - Math.pow(beta1, k);
            double c2 = 1 - Math.pow(beta2, k);
            for (int i = 0; i < dimension; i++) {
                double g = gradient[i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                params[i] -= step * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
            }
        };
    }

    @Override
    public String toString() {
        return "Adam[step=" + step + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + "]";
    }
}
