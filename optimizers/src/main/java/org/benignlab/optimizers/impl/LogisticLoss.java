package org.benignlab.optimizers.impl;

import org.benignlab.api.Loss;

/**
 * The logistic loss of the paper (Section 2.2): ℓ(z) = log(1 + e^-z), ℓ'(z) = -1/(1 + e^z),
 * g(z) = -ℓ'(z) = 1/(1 + e^z).
 *
 * <p>Numerics: ℓ(z) = log1p(e^-z) for z &gt;= 0 and -z + log1p(e^z) for z &lt; 0, so the
 * exponential never overflows and small values keep full relative precision (ℓ(1e300) = 0,
 * ℓ(-1e300) = 1e300). g(z) = 1/(1 + e^z) is exact to rounding everywhere: e^z overflowing to
 * infinity gives 0, never NaN. Stateless and thread-safe.
 */
public final class LogisticLoss implements Loss {

    @Override
    public double value(double z) {
        return z >= 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
    }

    @Override
    public double derivative(double z) {
        return -g(z);
    }

    @Override
    public double g(double z) {
        return 1 / (1 + Math.exp(z));
    }

    /** log g(z) = −log(1 + e^z) = −softplus(z), finite for every finite z (−z − log1p(e^−z) for z &gt; 0). */
    @Override
    public double logG(double z) {
        return z > 0 ? -z - Math.log1p(Math.exp(-z)) : -Math.log1p(Math.exp(z));
    }

    /**
     * log ℓ(z), finite for every finite z: log(log1p(e^−z)) while e^−z &gt; 1e-8, then −z − e^−z/2 (log1p(u) =
     * u(1 − u/2 + O(u²)), whose log is −u/2 to within u²/3 &lt; 4e-17 there), which is −z exactly once e^−z underflows.
     */
    @Override
    public double logValue(double z) {
        if (z < 0) {
            return Math.log(value(z));
        }
        double u = Math.exp(-z);
        return u > 1e-8 ? Math.log(Math.log1p(u)) : -z - u / 2;
    }

    @Override
    public String toString() {
        return "LogisticLoss";
    }
}
