package org.benignlab.distributions;

import java.util.Map;

import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterDistributionProvider;
import org.benignlab.api.ClusterProperties;
import org.benignlab.distributions.impl.IsotropicGaussian;

/** {@code gaussian}: isotropic clusters z ~ N(0, I_p) (Example 2.1 with Σ = I). */
public final class GaussianProvider implements ClusterDistributionProvider<GaussianSpec> {

    @Override
    public String type() {
        return "gaussian";
    }

    @Override
    public Class<GaussianSpec> specType() {
        return GaussianSpec.class;
    }

    @Override
    public GaussianSpec exampleSpec() {
        return new GaussianSpec();
    }

    @Override
    public ClusterDistribution create(GaussianSpec spec) {
        return new IsotropicGaussian();
    }

    @Override
    public String description() {
        return "Isotropic Gaussian clusters N(0, I_p); the Gaussian sketch is exact for them.";
    }

    @Override
    public Map<String, String> properties() {
        ClusterProperties c = IsotropicGaussian.PROPERTIES;
        return Declarations.cluster(c, c.meetsPaperAssumptions() ? "yes (Example 2.1)" : "no");
    }
}
