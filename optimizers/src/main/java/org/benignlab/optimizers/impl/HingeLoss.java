package org.benignlab.optimizers.impl;

import org.benignlab.api.Loss;

/**
 * The hinge loss ℓ(z) = max(0, 1 - z), ℓ'(z) = -1 for z &lt; 1 and 0 for z &gt;= 1 (the right derivative
 * at the kink z = 1), g(z) = 1 or 0. Convex and non-increasing, not smooth. Under gradient descent a
 * training point stops contributing once its margin reaches 1, so the hinge loss reaches exactly 0 and
 * training stops moving, unlike the logistic and exponential losses whose gradients only decay.
 * Stateless and thread-safe.
 */
public final class HingeLoss implements Loss {

    @Override
    public double value(double z) {
        return z < 1 ? 1 - z : 0;
    }

    @Override
    public double derivative(double z) {
        return z < 1 ? -1 : 0;
    }

    /** 1 for z &lt; 1, 0 otherwise (+0, not the -0 of negating ℓ'). */
    @Override
    public double g(double z) {
        return z < 1 ? 1 : 0;
    }

    @Override
    public String toString() {
        return "HingeLoss";
    }
}
