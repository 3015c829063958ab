package org.benignlab.optimizers.impl;

import org.benignlab.api.Loss;

/**
 * The exponential loss ℓ(z) = e^-z, ℓ'(z) = -e^-z, g(z) = e^-z. For large margins it equals the
 * logistic loss to first order (log(1 + e^-z) = e^-z - e^-2z/2 + ...); for negative margins it grows
 * exponentially instead of linearly, so g is unbounded and Fact A.1's ratio bound holds with equality
 * in its second case. e^-z overflows to +∞ for z &lt; -709.78 (never NaN): a margin that negative means
 * the run has diverged, which the training loop records as such. Stateless and thread-safe.
 */
public final class ExponentialLoss implements Loss {

    @Override
    public double value(double z) {
        return Math.exp(-z);
    }

    @Override
    public double derivative(double z) {
        return -Math.exp(-z);
    }

    @Override
    public double g(double z) {
        return Math.exp(-z);
    }

    /** log g(z) = −z, exact for every z. */
    @Override
    public double logG(double z) {
        return -z;
    }

    /** log ℓ(z) = −z, exact for every z. */
    @Override
    public double logValue(double z) {
        return -z;
    }

    @Override
    public String toString() {
        return "ExponentialLoss";
    }
}
