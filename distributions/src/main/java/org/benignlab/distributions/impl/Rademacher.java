package org.benignlab.distributions.impl;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterProperties;

/**
 * Independent Rademacher coordinates, z_j = ±1 with probability 1/2 each (one {@code nextBoolean} per
 * coordinate). Declared in the paper's terms (Section 2.2): a product; sub-Gaussian norm 1 in the
 * paper's convention (N(0, σ²) has norm σ; here E e^{tz_j} = cosh t &lt;= e^{t²/2}); not log-concave at
 * all (a discrete law has no density), so λ = 0 and the paper's assumptions do not hold; ||z||² = p
 * exactly, so κ = 1. Stateless and thread-safe.
 */
public final class Rademacher implements ClusterDistribution {

    /** What this distribution declares. */
    public static final ClusterProperties PROPERTIES = new ClusterProperties(true, 1.0, 0.0, 1.0, false, 1.0);

    @Override
    public void sample(UniformRandomProvider rng, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = rng.nextBoolean() ? 1 : -1;
        }
    }

    @Override
    public ClusterProperties properties() {
        return PROPERTIES;
    }

    @Override
    public String toString() {
        return "Rademacher";
    }
}
