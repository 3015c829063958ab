package org.benignlab.optimizers;

import org.benignlab.api.OptimizerProvider;
import org.benignlab.optimizers.impl.Momentum;

/** {@code momentum}: Polyak's heavy-ball momentum; linear in gradients. */
public final class MomentumProvider extends OptimizerProvider.Base<MomentumSpec> {
    /** The provider ServiceLoader creates. */
    public MomentumProvider() {
        super("momentum", MomentumSpec.class, spec -> new Momentum(spec.step(), spec.beta(), false),
                "Heavy-ball momentum: v = beta v + gradient, params -= step v.");
        note("paper_assumptions", "no: the paper analyses plain gradient descent");
    }
}
