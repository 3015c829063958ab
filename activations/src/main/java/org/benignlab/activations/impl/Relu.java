package org.benignlab.activations.impl;

import java.util.OptionalDouble;

import org.benignlab.api.Activation;

/**
 * The ReLU φ(z) = max(0, z): not leaky (φ' = 0 for z &lt; 0, so γ = 0 and no leakiness is declared)
 * and not smooth (a kink at 0). φ'(0) is the right derivative 1; φ'' = 0. It meets neither the
 * leakiness nor the smoothness assumption of the paper (Section 2.2) and is here as a baseline.
 * Stateless and thread-safe.
 */
public final class Relu implements Activation {

    @Override
    public double value(double z) {
        return z >= 0 ? z : 0;
    }

    @Override
    public double derivative(double z) {
        return z >= 0 ? 1 : 0;
    }

    @Override
    public double secondDerivative(double z) {
        return 0;
    }

    @Override
    public OptionalDouble leakiness() {
        return OptionalDouble.empty();
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
        return "Relu";
    }
}
