package org.benignlab.distributions;

import org.benignlab.api.ClusterDistributionProvider;
import org.benignlab.api.NoSpec;
import org.benignlab.distributions.impl.IsotropicGaussian;

/** {@code gaussian}: isotropic clusters z ~ N(0, I_p) (Example 2.1 with Σ = I). */
public final class GaussianProvider extends ClusterDistributionProvider.Base<NoSpec> {
    /** The provider ServiceLoader creates. */
    public GaussianProvider() {
        super("gaussian", NoSpec.class, spec -> new IsotropicGaussian(),
                "Isotropic Gaussian clusters N(0, I_p); the Gaussian sketch is exact for them.");
        note("paper_assumptions", "yes (Example 2.1)");
    }
}
