package org.example.benign;

import org.benignlab.api.ActivationProvider;

/** {@code leaky-tanh}: γz + (1-γ) tanh(z). Registered in META-INF/services/org.benignlab.api.ActivationProvider. */
public final class LeakyTanhProvider extends ActivationProvider.Base<LeakyTanhSpec> {
    public LeakyTanhProvider() {
        super("leaky-tanh", LeakyTanhSpec.class, spec -> new LeakyTanh(spec.gamma()),
                "Leaky tanh γz + (1-γ)tanh(z): γ-leaky and smooth, saturating like tanh with a linear floor.");
    }
}
