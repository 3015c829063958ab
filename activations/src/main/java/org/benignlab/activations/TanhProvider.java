package org.benignlab.activations;

import org.benignlab.activations.impl.Tanh;
import org.benignlab.api.ActivationProvider;
import org.benignlab.api.NoSpec;

/** {@code tanh}: smooth, 1-Lipschitz, but not leaky (φ' → 0 as |z| → ∞), declared so. */
public final class TanhProvider extends ActivationProvider.Base<NoSpec> {
    /** The provider ServiceLoader creates. */
    public TanhProvider() {
        super("tanh", NoSpec.class, spec -> new Tanh(),
                "Hyperbolic tangent: smooth and 1-Lipschitz, but not leaky (φ' tends to 0), so outside the paper's "
                + "assumptions.");
    }
}
