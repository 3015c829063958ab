package org.benignlab.activations.impl;

import java.util.OptionalDouble;

import org.benignlab.api.Activation;

/**
 * φ(z) = tanh(z): φ(0) = 0, φ'(z) = sech²(z) in (0, 1], φ''(z) = -2 tanh(z) sech²(z) with
 * sup |φ''| = 4/(3√3) (at tanh(z) = ±1/√3), declared as H. Not leaky: φ' → 0 as |z| → ∞, so no γ
 * is declared and the paper's assumptions (Section 2.2) do not hold.
 *
 * <p>Numerics: sech²(z) = 4e/(1 + e)² with e = exp(-2|z|), which keeps full relative precision for
 * large |z| (1 - tanh² would cancel to 0) and never overflows. Stateless and thread-safe.
 */
public final class Tanh implements Activation {

    /** sup |φ''| = 4/(3√3). */
    public static final double SMOOTHNESS = 4 / (3 * Math.sqrt(3));

    @Override
    public double value(double z) {
        return Math.tanh(z);
    }

    @Override
    public double derivative(double z) {
        return sech2(z);
    }

    @Override
    public double secondDerivative(double z) {
        return -2 * Math.tanh(z) * sech2(z);
    }

    private static double sech2(double z) {
        double e = Math.exp(-2 * Math.abs(z));
        double d = 1 + e;
        return 4 * e / (d * d);
    }

    @Override
    public OptionalDouble leakiness() {
        return OptionalDouble.empty();
    }

    @Override
    public OptionalDouble smoothness() {
        return OptionalDouble.of(SMOOTHNESS);
    }

    @Override
    public String toString() {
        return "Tanh";
    }
}
