package org.benignlab.activations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.activations.impl.LeakyRelu;
import org.benignlab.api.Activation;
import org.benignlab.api.ActivationProvider;

/** {@code leaky-relu}: max(γz, z), the H → ∞ limit of the smoothed leaky ReLU; not smooth. */
public final class LeakyReluProvider implements ActivationProvider<LeakyReluSpec> {

    @Override
    public String type() {
        return "leaky-relu";
    }

    @Override
    public Class<LeakyReluSpec> specType() {
        return LeakyReluSpec.class;
    }

    @Override
    public LeakyReluSpec exampleSpec() {
        return new LeakyReluSpec(null);
    }

    @Override
    public Activation create(LeakyReluSpec spec) {
        return new LeakyRelu(spec.gamma());
    }

    @Override
    public String description() {
        return "Leaky ReLU max(γz, z): γ-leaky with a kink at 0.";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gamma", "leakiness γ = gamma (default " + LeakyReluSpec.DEFAULT_GAMMA + ")");
        p.put("H", "none (kink at 0)");
        p.put("paper_assumptions", "no: not smooth");
        return Collections.unmodifiableMap(p);
    }
}
