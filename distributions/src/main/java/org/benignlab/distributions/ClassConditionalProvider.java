package org.benignlab.distributions;

import org.benignlab.api.LabelNoiseProvider;
import org.benignlab.distributions.impl.ClassConditional;

/** {@code class-conditional}: a label of clean class ỹ flips independently with probability η_ỹ. */
public final class ClassConditionalProvider extends LabelNoiseProvider.Base<ClassConditionalSpec> {
    /** The provider ServiceLoader creates. */
    public ClassConditionalProvider() {
        super("class-conditional", ClassConditionalSpec.class,
                spec -> new ClassConditional(spec.ratePositive(), spec.rateNegative()),
                "Class-conditional noise: a label of clean class +1 flips with probability rate_positive, one of "
                + "class -1 with probability rate_negative.");
        note("paper_assumptions", "yes: E[η(x)] = η (Section 2.2); (A4) asks η < 1/C");
    }
}
