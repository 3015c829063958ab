package org.benignlab.distributions;

import org.benignlab.api.ClusterDistributionProvider;
import org.benignlab.api.NoSpec;
import org.benignlab.distributions.impl.UniformCube;

/** {@code uniform}: independent coordinates uniform on [-√3, √3]; log-concave, not strongly. */
public final class UniformProvider extends ClusterDistributionProvider.Base<NoSpec> {
    /** The provider ServiceLoader creates. */
    public UniformProvider() {
        super("uniform", NoSpec.class, spec -> new UniformCube(),
                "Independent coordinates uniform on [-√3, √3] (unit variance): sub-Gaussian with norm 1, "
                + "log-concave but not strongly.");
        note("paper_assumptions", "no: log-concave but not strongly (λ = 0)");
    }
}
