package org.benignlab.optimizers;

import org.benignlab.api.LossProvider;
import org.benignlab.api.NoSpec;
import org.benignlab.optimizers.impl.ExponentialLoss;

/** {@code exponential}: ℓ(z) = e^-z (AdaBoost's loss); the logistic loss's tail for large margins. */
public final class ExponentialProvider extends LossProvider.Base<NoSpec> {
    /** The provider ServiceLoader creates. */
    public ExponentialProvider() {
        super("exponential", NoSpec.class, spec -> new ExponentialLoss(),
                "Exponential loss e^-z, with g(z) = e^-z; finite for z >= -709 (infinite below: a diverged run).");
        note("g", "e^-z (unbounded as z → -∞)");
        note("paper_assumptions", "no: the paper trains with the logistic loss (Section 2.2), whose tail e^-z this "
                + "is");
    }
}
