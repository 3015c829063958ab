package org.benignlab.activations.impl;

import java.util.OptionalDouble;

/**
 * The leaky ReLU φ(z) = max(γz, z) with γ in (0, 1]: γ-leaky, not smooth (a kink at 0). φ'(0) is
 * the right derivative 1; φ'' = 0. It is the H → ∞ limit of equation (1) of the paper and does not
 * meet the paper's smoothness assumption. Immutable and thread-safe.
 */
public final class LeakyRelu extends KinkAtZero {
    private final double gamma;

    /** @param gamma leakiness γ in (0, 1] */
    public LeakyRelu(double gamma) {
        this.gamma = gamma;
    }

    @Override
    double belowZero(double z) {
        return gamma * z;
    }

    @Override
    double slopeBelowZero() {
        return gamma;
    }

    @Override
    public OptionalDouble leakiness() {
        return OptionalDouble.of(gamma);
    }

    @Override
    public String toString() {
        return "LeakyRelu[gamma=" + gamma + "]";
    }
}
