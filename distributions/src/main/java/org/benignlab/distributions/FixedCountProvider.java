package org.benignlab.distributions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.api.LabelNoise;
import org.benignlab.api.LabelNoiseProvider;
import org.benignlab.distributions.impl.FixedCount;

/** {@code fixed-count}: exactly ⌈η n⌉ labels flip, chosen at random (optionally balanced per class). */
public final class FixedCountProvider implements LabelNoiseProvider<FixedCountSpec> {

    @Override
    public String type() {
        return "fixed-count";
    }

    @Override
    public Class<FixedCountSpec> specType() {
        return FixedCountSpec.class;
    }

    @Override
    public FixedCountSpec exampleSpec() {
        return new FixedCountSpec(0.1, null);
    }

    @Override
    public LabelNoise create(FixedCountSpec spec) {
        return new FixedCount(spec.rate(), spec.balanced());
    }

    @Override
    public String description() {
        return "Exactly ceil(rate·n) labels flip, chosen uniformly at random (balanced: split between the classes "
                + "in proportion to their sizes).";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("rate", "η = rate (required, in [0, 0.5)); the realised fraction is ⌈ηn⌉/n");
        p.put("flip_count", "exactly ⌈rate·n⌉ (balanced: round(⌈rate·n⌉·n_c/n) in class c)");
        p.put("adversarial", "no (which points flip does not depend on them)");
        p.put("needs_features", "no");
        p.put("paper_assumptions", "yes; (A4) also asks η < 1/C");
        return Collections.unmodifiableMap(p);
    }
}
