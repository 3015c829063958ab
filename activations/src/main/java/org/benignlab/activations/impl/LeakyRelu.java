package org.benignlab.activations.impl;

import java.util.OptionalDouble;

import org.benignlab.api.Activation;

/**
 * The leaky ReLU φ(z) = max(γz, z) with γ in (0, 1]: γ-leaky, not smooth (a kink at 0). φ'(0) is
 * the right derivative 1; φ'' = 0. It is the H → ∞ limit of equation (1) of the paper and does not
 * meet the paper's smoothness assumption. Immutable and thread-safe.
 */
public final class LeakyRelu implements Activation {
    private final double gamma;

    /** @param gamma leakiness γ in (0, 1] */
    public LeakyRelu(double gamma) {
        this.gamma = gamma;
    }

    @Override
    public double value(double z) {
        return z >= 0 ? z : gamma * z;
    }

    @Override
    public double derivative(double z) {
        return z >= 0 ? 1 : gamma;
    }

    @Override
    public double secondDerivative(double z) {
        return 0;
    }

    @Override
    public OptionalDouble leakiness() {
        return OptionalDouble.of(gamma);
    }

    @Override
    public OptionalDouble smoothness() {
        return OptionalDouble.empty();
    }

    @Override
    public double[] kinks() {
        return new double[] {0};
    }

    @Override
    public String toString() {
        return "LeakyRelu[gamma=" + gamma + "]";
    }
}
