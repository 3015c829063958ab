package org.benignlab.distributions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.api.LabelNoise;
import org.benignlab.api.LabelNoiseProvider;
import org.benignlab.distributions.impl.RandomFlip;

/** {@code random-flip}: each label flips independently with probability η = {@code rate}. */
public final class RandomFlipProvider implements LabelNoiseProvider<RandomFlipSpec> {

    @Override
    public String type() {
        return "random-flip";
    }

    @Override
    public Class<RandomFlipSpec> specType() {
        return RandomFlipSpec.class;
    }

    @Override
    public RandomFlipSpec exampleSpec() {
        return new RandomFlipSpec(0.1);
    }

    @Override
    public LabelNoise create(RandomFlipSpec spec) {
        return new RandomFlip(spec.rate());
    }

    @Override
    public String description() {
        return "Random classification noise: each label flips independently with probability rate.";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("rate", "η = rate (required, in [0, 0.5))");
        p.put("adversarial", "no");
        p.put("needs_features", "no");
        p.put("paper_assumptions", "yes (Example 2.1); (A4) also asks η < 1/C");
        return Collections.unmodifiableMap(p);
    }
}
