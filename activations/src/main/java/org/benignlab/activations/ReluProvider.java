package org.benignlab.activations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.activations.impl.Relu;
import org.benignlab.api.Activation;
import org.benignlab.api.ActivationProvider;

/** {@code relu}: max(0, z); γ = 0 and a kink at 0, so outside the paper's assumptions (declared so). */
public final class ReluProvider implements ActivationProvider<ReluSpec> {

    @Override
    public String type() {
        return "relu";
    }

    @Override
    public Class<ReluSpec> specType() {
        return ReluSpec.class;
    }

    @Override
    public ReluSpec exampleSpec() {
        return new ReluSpec();
    }

    @Override
    public Activation create(ReluSpec spec) {
        return new Relu();
    }

    @Override
    public String description() {
        return "ReLU max(0, z): not leaky (γ = 0) and not smooth; a baseline outside the paper's assumptions.";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gamma", "none (γ = 0: φ' = 0 for z < 0)");
        p.put("H", "none (kink at 0)");
        p.put("paper_assumptions", "no: not leaky and not smooth");
        return Collections.unmodifiableMap(p);
    }
}
