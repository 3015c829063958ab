package org.benignlab.activations;

import org.benignlab.activations.impl.Identity;
import org.benignlab.api.ActivationProvider;
import org.benignlab.api.NoSpec;

/** {@code identity}: φ(z) = z, a linear network; leakiness 1, smoothness 0. */
public final class IdentityProvider extends ActivationProvider.Base<NoSpec> {
    /** The provider ServiceLoader creates. */
    public IdentityProvider() {
        super("identity", NoSpec.class, spec -> new Identity(),
                "Identity φ(z) = z: the network is linear in x.");
    }
}
