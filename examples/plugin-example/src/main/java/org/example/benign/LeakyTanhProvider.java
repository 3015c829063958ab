package org.example.benign;

import java.util.Map;

import org.benignlab.api.Activation;
import org.benignlab.api.ActivationProvider;

/** {@code leaky-tanh}: γz + (1-γ) tanh(z). Registered in META-INF/services/org.benignlab.api.ActivationProvider. */
public final class LeakyTanhProvider implements ActivationProvider<LeakyTanhSpec> {

    @Override
    public String type() {
        return "leaky-tanh";
    }

    @Override
    public Class<LeakyTanhSpec> specType() {
        return LeakyTanhSpec.class;
    }

    @Override
    public LeakyTanhSpec exampleSpec() {
        return new LeakyTanhSpec(null);
    }

    @Override
    public Activation create(LeakyTanhSpec spec) {
        return new LeakyTanh(spec.gamma());
    }

    @Override
    public String description() {
        return "Leaky tanh γz + (1-γ)tanh(z): γ-leaky and smooth, saturating like tanh with a linear floor.";
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("gamma", "leakiness γ = gamma (default 0.2)",
                "H", "(1-γ)·4/(3√3), the largest |φ''|",
                "paper_assumptions", "yes");
    }
}
