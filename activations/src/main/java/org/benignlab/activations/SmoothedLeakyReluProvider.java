package org.benignlab.activations;

import org.benignlab.activations.impl.SmoothedLeakyRelu;
import org.benignlab.api.ActivationProvider;

/** {@code smoothed-leaky-relu}: equation (1) of the paper; γ-leaky and H-smooth. */
public final class SmoothedLeakyReluProvider extends ActivationProvider.Base<SmoothedLeakyReluSpec> {
    /** The provider ServiceLoader creates. */
    public SmoothedLeakyReluProvider() {
        super("smoothed-leaky-relu", SmoothedLeakyReluSpec.class, spec -> new SmoothedLeakyRelu(spec.gamma(), spec.H()),
                "Smoothed leaky ReLU of the paper (equation 1): quadratic on |z| < 1/H, slopes γ and 1 outside.");
    }
}
