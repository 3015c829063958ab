package org.benignlab.activations;

import org.benignlab.activations.impl.LeakyRelu;
import org.benignlab.api.ActivationProvider;

/** {@code leaky-relu}: max(γz, z), the H → ∞ limit of the smoothed leaky ReLU; not smooth. */
public final class LeakyReluProvider extends ActivationProvider.Base<LeakyReluSpec> {
    /** The provider ServiceLoader creates. */
    public LeakyReluProvider() {
        super("leaky-relu", LeakyReluSpec.class, spec -> new LeakyRelu(spec.gamma()),
                "Leaky ReLU max(γz, z): γ-leaky with a kink at 0.");
    }
}
