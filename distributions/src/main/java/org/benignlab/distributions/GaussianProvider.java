package org.benignlab.distributions;

import java.util.Collections;
import java.util.LinkedHashMap;
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
        Map<String, String> p = new LinkedHashMap<>();
        p.put("product", c.product() ? "yes" : "no");
        p.put("sub_gaussian_norm", String.valueOf(c.subGaussianNorm()));
        p.put("strong_log_concavity", String.valueOf(c.strongLogConcavity()));
        p.put("kappa", String.valueOf(c.kappa()));
        p.put("isotropic_gaussian", c.isotropicGaussian() ? "yes (Gaussian sketch exact)" : "no");
        p.put("paper_assumptions", c.meetsPaperAssumptions() ? "yes (Example 2.1)" : "no");
        return Collections.unmodifiableMap(p);
    }
}
