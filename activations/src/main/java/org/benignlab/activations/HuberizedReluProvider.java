package org.benignlab.activations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.activations.impl.HuberizedRelu;
import org.benignlab.api.Activation;
import org.benignlab.api.ActivationProvider;

/** {@code huberized-relu}: γz plus (1-γ) times the huberized ReLU with a quadratic piece on [0, 1/H]. */
public final class HuberizedReluProvider implements ActivationProvider<HuberizedReluSpec> {

    @Override
    public String type() {
        return "huberized-relu";
    }

    @Override
    public Class<HuberizedReluSpec> specType() {
        return HuberizedReluSpec.class;
    }

    @Override
    public HuberizedReluSpec exampleSpec() {
        return new HuberizedReluSpec(null, null);
    }

    @Override
    public Activation create(HuberizedReluSpec spec) {
        return new HuberizedRelu(spec.gamma(), spec.H());
    }

    @Override
    public String description() {
        return "Leaky huberized ReLU: slope γ for z <= 0, quadratic on [0, 1/H], slope 1 beyond; γ-leaky and "
                + "H-smooth.";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gamma", "leakiness γ = gamma (default " + HuberizedReluSpec.DEFAULT_GAMMA + ")");
        p.put("H", "smoothness H = H (default " + HuberizedReluSpec.DEFAULT_H + "); φ'' = (1-γ)H on (0, 1/H)");
        p.put("paper_assumptions", "yes");
        return Collections.unmodifiableMap(p);
    }
}
