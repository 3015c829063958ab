package org.benignlab.optimizers;

import org.benignlab.api.OptimizerProvider;
import org.benignlab.optimizers.impl.Adam;

/** {@code adam}: Adam (Kingma and Ba); not linear in the gradients, so the span and sketch engines refuse it. */
public final class AdamProvider extends OptimizerProvider.Base<AdamSpec> {
    /** The provider ServiceLoader creates. */
    public AdamProvider() {
        super("adam", AdamSpec.class, spec -> new Adam(spec.step(), spec.beta1(), spec.beta2(), spec.epsilon()),
                "Adam: coordinate-wise steps from bias-corrected first and second moment estimates of the gradient.");
        note("paper_assumptions", "no: the paper analyses plain gradient descent");
    }
}
