package org.benignlab.distributions;

import java.util.Map;

import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterDistributionProvider;
import org.benignlab.distributions.impl.Laplace;

/** {@code laplace}: independent unit-variance Laplace coordinates; log-concave, heavier tails than Gaussian. */
public final class LaplaceProvider implements ClusterDistributionProvider<LaplaceSpec> {

    @Override
    public String type() {
        return "laplace";
    }

    @Override
    public Class<LaplaceSpec> specType() {
        return LaplaceSpec.class;
    }

    @Override
    public LaplaceSpec exampleSpec() {
        return new LaplaceSpec();
    }

    @Override
    public ClusterDistribution create(LaplaceSpec spec) {
        return new Laplace();
    }

    @Override
    public String description() {
        return "Independent Laplace coordinates with unit variance: log-concave but not strongly, sub-exponential "
                + "tails (not sub-Gaussian).";
    }

    @Override
    public Map<String, String> properties() {
        return Declarations.cluster(Laplace.PROPERTIES, "no: not sub-Gaussian and not strongly log-concave");
    }
}
