package org.benignlab.distributions.impl;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterProperties;

/**
 * Independent coordinates uniform on [-√3, √3] (variance 1): z_j = √3 (2u - 1) with u =
 * {@code nextDouble()} in [0, 1), one per coordinate. Declared in the paper's terms (Section 2.2): a
 * product; sub-Gaussian norm 1 in the paper's convention (N(0, σ²) has norm σ; the uniform law is
 * strictly sub-Gaussian, E e^{tz_j} = sinh(√3 t)/(√3 t) &lt;= e^{t²/2}); log-concave (its density is
 * constant on an interval) but not strongly, so λ = 0 and the paper's assumptions do not hold;
 * E||z||² = p, so κ = 1. Stateless and thread-safe.
 */
public final class UniformCube implements ClusterDistribution {

    /** What this distribution declares. */
    public static final ClusterProperties PROPERTIES = new ClusterProperties(true, 1.0, 0.0, 1.0, false, 1.0);

    private static final double HALF_WIDTH = Math.sqrt(3);

    @Override
    public void sample(UniformRandomProvider rng, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = HALF_WIDTH * (2 * rng.nextDouble() - 1);
        }
    }

    @Override
    public ClusterProperties properties() {
        return PROPERTIES;
    }

    @Override
    public String toString() {
        return "Uniform[-sqrt(3), sqrt(3)]";
    }
}
