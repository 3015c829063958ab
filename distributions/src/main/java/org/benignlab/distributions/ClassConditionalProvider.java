package org.benignlab.distributions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.api.LabelNoise;
import org.benignlab.api.LabelNoiseProvider;
import org.benignlab.distributions.impl.ClassConditional;

/** {@code class-conditional}: a label of clean class ỹ flips independently with probability η_ỹ. */
public final class ClassConditionalProvider implements LabelNoiseProvider<ClassConditionalSpec> {

    @Override
    public String type() {
        return "class-conditional";
    }

    @Override
    public Class<ClassConditionalSpec> specType() {
        return ClassConditionalSpec.class;
    }

    @Override
    public ClassConditionalSpec exampleSpec() {
        return new ClassConditionalSpec(0.05, 0.15);
    }

    @Override
    public LabelNoise create(ClassConditionalSpec spec) {
        return new ClassConditional(spec.ratePositive(), spec.rateNegative());
    }

    @Override
    public String description() {
        return "Class-conditional noise: a label of clean class +1 flips with probability rate_positive, one of "
                + "class -1 with probability rate_negative.";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("rate", "η = (rate_positive + rate_negative)/2, the expected fraction (the classes are equally likely)");
        p.put("adversarial", "yes when the two rates differ (η(x) then depends on ỹ), no when they are equal");
        p.put("needs_features", "no");
        p.put("paper_assumptions", "yes: E[η(x)] = η (Section 2.2); (A4) asks η < 1/C");
        return Collections.unmodifiableMap(p);
    }
}
