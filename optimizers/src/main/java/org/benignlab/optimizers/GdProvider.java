package org.benignlab.optimizers;

import org.benignlab.api.OptimizerProvider;
import org.benignlab.optimizers.impl.GradientDescent;

/** {@code gd}: full-batch gradient descent with a fixed step, the paper's optimizer. */
public final class GdProvider extends OptimizerProvider.Base<GdSpec> {
    /** The provider ServiceLoader creates. */
    public GdProvider() {
        super("gd", GdSpec.class, spec -> new GradientDescent(spec.step()),
                "Gradient descent with a fixed step: params -= step * gradient.");
        note("paper_assumptions", "yes when step satisfies (A5)");
    }
}
