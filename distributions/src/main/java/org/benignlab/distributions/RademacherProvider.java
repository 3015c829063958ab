package org.benignlab.distributions;

import java.util.Map;

import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterDistributionProvider;
import org.benignlab.distributions.impl.Rademacher;

/** {@code rademacher}: independent ±1 coordinates; sub-Gaussian but not log-concave. */
public final class RademacherProvider implements ClusterDistributionProvider<RademacherSpec> {

    @Override
    public String type() {
        return "rademacher";
    }

    @Override
    public Class<RademacherSpec> specType() {
        return RademacherSpec.class;
    }

    @Override
    public RademacherSpec exampleSpec() {
        return new RademacherSpec();
    }

    @Override
    public ClusterDistribution create(RademacherSpec spec) {
        return new Rademacher();
    }

    @Override
    public String description() {
        return "Independent ±1 coordinates: sub-Gaussian with norm 1 and ||z||² = p, but discrete, so not "
                + "log-concave.";
    }

    @Override
    public Map<String, String> properties() {
        return Declarations.cluster(Rademacher.PROPERTIES, "no: not strongly log-concave (no density)");
    }
}
