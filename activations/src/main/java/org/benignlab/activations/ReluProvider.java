package org.benignlab.activations;

import org.benignlab.activations.impl.Relu;
import org.benignlab.api.ActivationProvider;
import org.benignlab.api.NoSpec;

/** {@code relu}: max(0, z); γ = 0 and a kink at 0, so outside the paper's assumptions (declared so). */
public final class ReluProvider extends ActivationProvider.Base<NoSpec> {
    /** The provider ServiceLoader creates. */
    public ReluProvider() {
        super("relu", NoSpec.class, spec -> new Relu(),
                "ReLU max(0, z): not leaky (γ = 0) and not smooth; a baseline outside the paper's assumptions.");
    }
}
