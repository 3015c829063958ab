package org.benignlab.activations.impl;

import java.util.OptionalDouble;

import org.benignlab.api.Activation;

/**
 * What the γ-leaky, H-smooth activations share: the two parameters, their declaration as leakiness γ and
 * smoothness H, and the name {@code Class[gamma=γ, H=H]}.
 */
abstract class LeakySmooth implements Activation {
    /** Leakiness γ in (0, 1]. */
    protected final double gamma;
    /** Smoothness H &gt; 0. */
    protected final double h;

    LeakySmooth(double gamma, double h) {
        this.gamma = gamma;
        this.h = h;
    }

    @Override
    public final OptionalDouble leakiness() {
        return OptionalDouble.of(gamma);
    }

    @Override
    public final OptionalDouble smoothness() {
        return OptionalDouble.of(h);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[gamma=" + gamma + ", H=" + h + "]";
    }
}
