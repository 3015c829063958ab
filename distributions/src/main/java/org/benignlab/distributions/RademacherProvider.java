package org.benignlab.distributions;

import org.benignlab.api.ClusterDistributionProvider;
import org.benignlab.api.NoSpec;
import org.benignlab.distributions.impl.Rademacher;

/** {@code rademacher}: independent ±1 coordinates; sub-Gaussian but not log-concave. */
public final class RademacherProvider extends ClusterDistributionProvider.Base<NoSpec> {
    /** The provider ServiceLoader creates. */
    public RademacherProvider() {
        super("rademacher", NoSpec.class, spec -> new Rademacher(),
                "Independent ±1 coordinates: sub-Gaussian with norm 1 and ||z||² = p, but discrete, so not "
                + "log-concave.");
        note("paper_assumptions", "no: not strongly log-concave (no density)");
    }
}
