package org.benignlab.optimizers;

import org.benignlab.api.LossProvider;
import org.benignlab.api.NoSpec;
import org.benignlab.optimizers.impl.HingeLoss;

/** {@code hinge}: ℓ(z) = max(0, 1 - z); not smooth, and its gradient vanishes at margin 1. */
public final class HingeProvider extends LossProvider.Base<NoSpec> {
    /** The provider ServiceLoader creates. */
    public HingeProvider() {
        super("hinge", NoSpec.class, spec -> new HingeLoss(),
                "Hinge loss max(0, 1 - z): g(z) = 1 for z < 1 and 0 from margin 1 on (training stops there).");
        note("g", "1 for z < 1, 0 for z >= 1 (ℓ' is the right derivative at the kink z = 1)");
        note("paper_assumptions", "no: the paper trains with the logistic loss; the hinge is not smooth");
    }
}
