package org.benignlab.activations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.activations.impl.SmoothedLeakyRelu;
import org.benignlab.api.Activation;
import org.benignlab.api.ActivationProvider;

/** {@code smoothed-leaky-relu}: equation (1) of the paper; γ-leaky and H-smooth. */
public final class SmoothedLeakyReluProvider implements ActivationProvider<SmoothedLeakyReluSpec> {

    @Override
    public String type() {
        return "smoothed-leaky-relu";
    }

    @Override
    public Class<SmoothedLeakyReluSpec> specType() {
        return SmoothedLeakyReluSpec.class;
    }

    @Override
    public SmoothedLeakyReluSpec exampleSpec() {
        return new SmoothedLeakyReluSpec(null, null);
    }

    @Override
    public Activation create(SmoothedLeakyReluSpec spec) {
        return new SmoothedLeakyRelu(spec.gamma(), spec.H());
    }

    @Override
    public String description() {
        return "Smoothed leaky ReLU of the paper (equation 1): quadratic on |z| < 1/H, slopes γ and 1 outside.";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gamma", "leakiness γ = gamma (default " + SmoothedLeakyReluSpec.DEFAULT_GAMMA + ")");
        p.put("H", "smoothness H = H (default " + SmoothedLeakyReluSpec.DEFAULT_H + "); φ'' = (1-γ)H/2 on |z| < 1/H");
        p.put("paper_assumptions", "yes");
        return Collections.unmodifiableMap(p);
    }
}
