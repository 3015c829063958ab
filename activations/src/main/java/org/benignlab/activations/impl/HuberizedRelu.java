package org.benignlab.activations.impl;

/**
 * The leaky huberized ReLU, with γ in (0, 1] and H &gt; 0: γz plus (1-γ) times the huberized ReLU
 * whose quadratic piece spans [0, 1/H],
 * <pre>
 *   φ(z) = γ z                          for z &lt;= 0
 *   φ(z) = γ z + (1-γ) H z² / 2         for 0 &lt;= z &lt;= 1/H
 *   φ(z) = z - (1-γ)/(2H)               for z &gt;= 1/H
 * </pre>
 * φ' = γ, γ + (1-γ)Hz, 1 on the three pieces (continuous), φ'' = (1-γ)H on (0, 1/H) and 0 elsewhere
 * (it jumps at 0 and 1/H, like equation (1) of the paper at ±1/H). γ-leaky and H-smooth; unlike
 * equation (1) its curved piece lies on one side of 0 only, so φ is exactly linear for z &lt;= 0. As
 * H → ∞ it tends to max(γz, z). The value at the break point uses the outer piece's one-sided φ''.
 * Immutable and thread-safe.
 */
public final class HuberizedRelu extends LeakySmooth {
    private final double breakPoint; // 1/H
    private final double offset;     // (1-γ)/(2H)
    private final double curvature;  // (1-γ)H

    /**
     * @param gamma leakiness γ in (0, 1]
     * @param h     smoothness H &gt; 0, finite
     */
    public HuberizedRelu(double gamma, double h) {
        super(gamma, h);
        this.breakPoint = 1 / h;
        this.offset = (1 - gamma) / (2 * h);
        this.curvature = (1 - gamma) * h;
    }

    @Override
    public double value(double z) {
        if (z <= 0) {
            return gamma * z;
        }
        if (z >= breakPoint) {
            return z - offset;
        }
        return z * (gamma + curvature * z / 2);
    }

    /** φ'(z), clamped to [γ, 1] so that rounding near 1/H never leaves the declared bounds. */
    @Override
    public double derivative(double z) {
        if (z <= 0) {
            return gamma;
        }
        if (z >= breakPoint) {
            return 1;
        }
        return Math.min(1, gamma + curvature * z);
    }

    @Override
    public double secondDerivative(double z) {
        return z > 0 && z < breakPoint ? curvature : 0;
    }
}
