package org.benignlab.activations.impl;

import java.util.OptionalDouble;

/**
 * The ReLU φ(z) = max(0, z): not leaky (φ' = 0 for z &lt; 0, so γ = 0 and no leakiness is declared)
 * and not smooth (a kink at 0). φ'(0) is the right derivative 1; φ'' = 0. It meets neither the
 * leakiness nor the smoothness assumption of the paper (Section 2.2) and is here as a baseline.
 * Stateless and thread-safe.
 */
public final class Relu extends KinkAtZero {

    @Override
    double belowZero(double z) {
        return 0;
    }

    @Override
    double slopeBelowZero() {
        return 0;
    }

    @Override
    public OptionalDouble leakiness() {
        return OptionalDouble.empty();
    }

    @Override
    public String toString() {
        return "Relu";
    }
}
