package org.benignlab.activations;

import org.benignlab.activations.impl.SoftplusLeaky;
import org.benignlab.api.ActivationProvider;

/** {@code softplus-leaky}: γz + (1-γ)(softplus(4Hz) - log 2)/(4H); γ-leaky, H-smooth, analytic. */
public final class SoftplusLeakyProvider extends ActivationProvider.Base<SoftplusLeakySpec> {
    /** The provider ServiceLoader creates. */
    public SoftplusLeakyProvider() {
        super("softplus-leaky", SoftplusLeakySpec.class, spec -> new SoftplusLeaky(spec.gamma(), spec.H()),
                "Leaky softplus γz + (1-γ)(softplus(βz) - log 2)/β with β = 4H: smooth everywhere, γ-leaky, "
                + "|φ''| <= (1-γ)H.");
    }
}
