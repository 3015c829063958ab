package org.benignlab.activations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.activations.impl.Tanh;
import org.benignlab.api.Activation;
import org.benignlab.api.ActivationProvider;

/** {@code tanh}: smooth, 1-Lipschitz, but not leaky (φ' → 0 as |z| → ∞), declared so. */
public final class TanhProvider implements ActivationProvider<TanhSpec> {

    @Override
    public String type() {
        return "tanh";
    }

    @Override
    public Class<TanhSpec> specType() {
        return TanhSpec.class;
    }

    @Override
    public TanhSpec exampleSpec() {
        return new TanhSpec();
    }

    @Override
    public Activation create(TanhSpec spec) {
        return new Tanh();
    }

    @Override
    public String description() {
        return "Hyperbolic tangent: smooth and 1-Lipschitz, but not leaky (φ' tends to 0), so outside the paper's "
                + "assumptions.";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gamma", "none (φ'(z) = 1 - tanh²(z) → 0 as |z| → ∞)");
        p.put("H", "4/(3√3) ≈ " + Tanh.SMOOTHNESS + " (the largest |φ''|, at tanh(z) = ±1/√3)");
        p.put("paper_assumptions", "no: not leaky");
        return Collections.unmodifiableMap(p);
    }
}
