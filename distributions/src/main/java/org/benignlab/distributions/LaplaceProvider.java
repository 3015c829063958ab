package org.benignlab.distributions;

import org.benignlab.api.ClusterDistributionProvider;
import org.benignlab.api.NoSpec;
import org.benignlab.distributions.impl.Laplace;

/** {@code laplace}: independent unit-variance Laplace coordinates; log-concave, heavier tails than Gaussian. */
public final class LaplaceProvider extends ClusterDistributionProvider.Base<NoSpec> {
    /** The provider ServiceLoader creates. */
    public LaplaceProvider() {
        super("laplace", NoSpec.class, spec -> new Laplace(),
                "Independent Laplace coordinates with unit variance: log-concave but not strongly, sub-exponential "
                + "tails (not sub-Gaussian).");
        note("paper_assumptions", "no: not sub-Gaussian and not strongly log-concave");
    }
}
