package org.benignlab.distributions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.api.LabelNoise;
import org.benignlab.api.LabelNoiseProvider;
import org.benignlab.distributions.impl.NoLabelNoise;

/** {@code none}: clean labels, η = 0. */
public final class NoNoiseProvider implements LabelNoiseProvider<NoNoiseSpec> {

    @Override
    public String type() {
        return "none";
    }

    @Override
    public Class<NoNoiseSpec> specType() {
        return NoNoiseSpec.class;
    }

    @Override
    public NoNoiseSpec exampleSpec() {
        return new NoNoiseSpec();
    }

    @Override
    public LabelNoise create(NoNoiseSpec spec) {
        return new NoLabelNoise();
    }

    @Override
    public String description() {
        return "No label noise: every observed label is the clean one.";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("rate", "0");
        p.put("adversarial", "no");
        p.put("needs_features", "no");
        p.put("paper_assumptions", "yes (η = 0)");
        return Collections.unmodifiableMap(p);
    }
}
