package org.benignlab.distributions.impl;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterProperties;

/**
 * Independent Laplace coordinates with mean 0 and variance 1 (scale b = 1/√2, density
 * e^{-√2 |x|}/√2): per coordinate, a sign from {@code nextBoolean()} times b times a standard
 * exponential from Commons RNG's {@link ZigguratSampler.Exponential}, built inside {@link #sample} from
 * the generator passed in. Declared in the paper's terms (Section 2.2): a product; not sub-Gaussian (its
 * tails are exponential: E e^{tz_j} = 1/(1 - t²/2) is infinite for |t| &gt;= √2), so the sub-Gaussian
 * norm is NaN; log-concave (-log density = √2|x| + const is convex) but not strongly, so λ = 0;
 * E||z||² = p, so κ = 1. The paper's assumptions do not hold. Stateless and thread-safe.
 */
public final class Laplace implements ClusterDistribution {

    /** What this distribution declares. */
    public static final ClusterProperties PROPERTIES = new ClusterProperties(true, Double.NaN, 0.0, 1.0, false, 1.0);

    private static final double SCALE = 1 / Math.sqrt(2);

    @Override
    public void sample(UniformRandomProvider rng, double[] out) {
        ZigguratSampler.Exponential exponential = ZigguratSampler.Exponential.of(rng);
        for (int i = 0; i < out.length; i++) {
            double sign = rng.nextBoolean() ? SCALE : -SCALE;
            out[i] = sign * exponential.sample();
        }
    }

    @Override
    public ClusterProperties properties() {
        return PROPERTIES;
    }

    @Override
    public String toString() {
        return "Laplace[variance 1]";
    }
}
