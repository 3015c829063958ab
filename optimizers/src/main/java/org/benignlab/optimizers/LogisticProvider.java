package org.benignlab.optimizers;

import org.benignlab.api.LossProvider;
import org.benignlab.api.NoSpec;
import org.benignlab.optimizers.impl.LogisticLoss;

/** {@code logistic}: ℓ(z) = log(1 + e^-z), the paper's loss. */
public final class LogisticProvider extends LossProvider.Base<NoSpec> {
    /** The provider ServiceLoader creates. */
    public LogisticProvider() {
        super("logistic", NoSpec.class, spec -> new LogisticLoss(),
                "Logistic loss log(1 + e^-z), with g(z) = 1/(1 + e^z); stable for any finite margin.");
        note("g", "1/(1 + e^z)");
        note("paper_assumptions", "yes (Section 2.2)");
    }
}
