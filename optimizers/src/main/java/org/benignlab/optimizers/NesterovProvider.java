package org.benignlab.optimizers;

import org.benignlab.api.OptimizerProvider;
import org.benignlab.optimizers.impl.Momentum;

/**
 * {@code nesterov}: Nesterov's accelerated gradient in the form that needs only the current gradient; linear in gradients.
 */
public final class NesterovProvider extends OptimizerProvider.Base<MomentumSpec> {
    /** The provider ServiceLoader creates. */
    public NesterovProvider() {
        super("nesterov", MomentumSpec.class, spec -> new Momentum(spec.step(), spec.beta(), true),
                "Nesterov momentum (Sutskever's form): v = beta v + gradient, params -= step (gradient + beta v).");
        note("paper_assumptions", "no: the paper analyses plain gradient descent");
    }
}
