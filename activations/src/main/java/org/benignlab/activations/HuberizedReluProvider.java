package org.benignlab.activations;

import org.benignlab.activations.impl.HuberizedRelu;
import org.benignlab.api.ActivationProvider;

/** {@code huberized-relu}: γz plus (1-γ) times the huberized ReLU with a quadratic piece on [0, 1/H]. */
public final class HuberizedReluProvider extends ActivationProvider.Base<HuberizedReluSpec> {
    /** The provider ServiceLoader creates. */
    public HuberizedReluProvider() {
        super("huberized-relu", HuberizedReluSpec.class, spec -> new HuberizedRelu(spec.gamma(), spec.H()),
                "Leaky huberized ReLU: slope γ for z <= 0, quadratic on [0, 1/H], slope 1 beyond; γ-leaky and "
                + "H-smooth.");
    }
}
