package org.benignlab.activations.impl;

import java.util.OptionalDouble;

import org.benignlab.api.Activation;

/**
 * What the ReLU and the leaky ReLU share: φ(z) = z for z &gt;= 0 and a line below 0, so a kink at 0, φ'(0) the
 * right derivative 1, φ'' = 0 and no smoothness.
 */
abstract class KinkAtZero implements Activation {

    /** φ(z) for z &lt; 0. */
    abstract double belowZero(double z);

    /** φ'(z) for z &lt; 0. */
    abstract double slopeBelowZero();

    @Override
    public final double value(double z) {
        return z >= 0 ? z : belowZero(z);
    }

    @Override
    public final double derivative(double z) {
        return z >= 0 ? 1 : slopeBelowZero();
    }

    @Override
    public final double secondDerivative(double z) {
        return 0;
    }

    @Override
    public final OptionalDouble smoothness() {
        return OptionalDouble.empty();
    }

    @Override
    public final double[] kinks() {
        return new double[] {0};
    }
}
