package org.benignlab.activations.impl;

import java.util.OptionalDouble;

import org.benignlab.api.Activation;

/** φ(z) = z: leakiness 1, smoothness 0 (the network is linear in x). Stateless and thread-safe. */
public final class Identity implements Activation {

    @Override
    public double value(double z) {
        return z;
    }

    @Override
    public double derivative(double z) {
        return 1;
    }

    @Override
    public double secondDerivative(double z) {
        return 0;
    }

    @Override
    public OptionalDouble leakiness() {
        return OptionalDouble.of(1);
    }

    @Override
    public OptionalDouble smoothness() {
        return OptionalDouble.of(0);
    }

    @Override
    public String toString() {
        return "Identity";
    }
}
