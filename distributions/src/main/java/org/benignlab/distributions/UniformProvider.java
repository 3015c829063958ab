package org.benignlab.distributions;

import java.util.Map;

import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterDistributionProvider;
import org.benignlab.distributions.impl.UniformCube;

/** {@code uniform}: independent coordinates uniform on [-√3, √3]; log-concave, not strongly. */
public final class UniformProvider implements ClusterDistributionProvider<UniformSpec> {

    @Override
    public String type() {
        return "uniform";
    }

    @Override
    public Class<UniformSpec> specType() {
        return UniformSpec.class;
    }

    @Override
    public UniformSpec exampleSpec() {
        return new UniformSpec();
    }

    @Override
    public ClusterDistribution create(UniformSpec spec) {
        return new UniformCube();
    }

    @Override
    public String description() {
        return "Independent coordinates uniform on [-√3, √3] (unit variance): sub-Gaussian with norm 1, "
                + "log-concave but not strongly.";
    }

    @Override
    public Map<String, String> properties() {
        return Declarations.cluster(UniformCube.PROPERTIES, "no: log-concave but not strongly (λ = 0)");
    }
}
