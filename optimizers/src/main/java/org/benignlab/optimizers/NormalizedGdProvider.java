package org.benignlab.optimizers;

import org.benignlab.api.OptimizerProvider;
import org.benignlab.optimizers.impl.NormalizedGradientDescent;

/**
 * {@code normalized-gd}: gradient descent with steps of fixed length; not linear in the gradients (dense engine only).
 */
public final class NormalizedGdProvider extends OptimizerProvider.Base<NormalizedGdSpec> {
    /** The provider ServiceLoader creates. */
    public NormalizedGdProvider() {
        super("normalized-gd", NormalizedGdSpec.class,
                spec -> new NormalizedGradientDescent(spec.step(), spec.epsilon()),
                "Normalized gradient descent: params -= step gradient / (||gradient|| + epsilon), steps of length "
                + "about step.");
        note("paper_assumptions", "no: the paper analyses plain gradient descent");
    }
}
