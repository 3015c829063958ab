package org.example.benign;

import java.util.OptionalDouble;

import org.benignlab.api.Activation;

/**
 * φ(z) = γz + (1-γ) tanh(z): φ(0) = 0, φ'(z) = γ + (1-γ) sech²(z) in [γ, 1] (γ-leaky), and
 * φ''(z) = -2(1-γ) tanh(z) sech²(z), whose largest absolute value is (1-γ) 4/(3√3) (at tanh z = ±1/√3):
 * H-smooth with that H. It meets the paper's assumptions on φ. Immutable and thread-safe.
 */
public final class LeakyTanh implements Activation {
    private final double gamma;

    /** @param gamma leakiness γ in (0, 1], as {@link LeakyTanhSpec} validated it */
    public LeakyTanh(double gamma) {
        this.gamma = gamma;
    }

    /** sech²(z) = 4e/(1 + e)² with e = exp(-2|z|): no cancellation, no overflow. */
    private static double sech2(double z) {
        double e = Math.exp(-2 * Math.abs(z));
        return 4 * e / ((1 + e) * (1 + e));
    }

    @Override
    public double value(double z) {
        return gamma * z + (1 - gamma) * Math.tanh(z);
    }

    @Override
    public double derivative(double z) {
        return gamma + (1 - gamma) * sech2(z);
    }

    @Override
    public double secondDerivative(double z) {
        return -2 * (1 - gamma) * Math.tanh(z) * sech2(z);
    }

    @Override
    public OptionalDouble leakiness() {
        return OptionalDouble.of(gamma);
    }

    @Override
    public OptionalDouble smoothness() {
        return OptionalDouble.of((1 - gamma) * 4 / (3 * Math.sqrt(3)));
    }
}
