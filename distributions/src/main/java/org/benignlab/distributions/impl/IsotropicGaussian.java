package org.benignlab.distributions.impl;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterProperties;

/**
 * z ~ N(0, I_p), the isotropic case of the paper's Example 2.1: a product distribution with
 * sub-Gaussian norm 1 (the paper's convention), 1-strongly log-concave, E||z||^2 = p (κ = 1). The
 * Gaussian sketch is exact for it.
 *
 * <p>Each coordinate is an exact standard normal from Commons RNG's
 * {@link ZigguratSampler.NormalizedGaussian}. The sampler is built inside {@link #sample} from the
 * generator passed in (it is cheap: its tables are static, and it caches no values), so this class
 * holds no state and is thread-safe; the draws depend only on the generator.
 */
public final class IsotropicGaussian implements ClusterDistribution {

    /** What this distribution declares (Example 2.1 with Σ = I). */
    public static final ClusterProperties PROPERTIES = new ClusterProperties(true, 1.0, 1.0, 1.0, true, 1.0);

    @Override
    public void sample(UniformRandomProvider rng, double[] out) {
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int i = 0; i < out.length; i++) {
            out[i] = normal.sample();
        }
    }

    @Override
    public ClusterProperties properties() {
        return PROPERTIES;
    }

    @Override
    public String toString() {
        return "IsotropicGaussian";
    }
}
