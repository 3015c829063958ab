package org.benignlab.distributions;

import org.benignlab.api.LabelNoiseProvider;
import org.benignlab.distributions.impl.RandomFlip;

/** {@code random-flip}: each label flips independently with probability η = {@code rate}. */
public final class RandomFlipProvider extends LabelNoiseProvider.Base<RandomFlipSpec> {
    /** The provider ServiceLoader creates. */
    public RandomFlipProvider() {
        super("random-flip", RandomFlipSpec.class, spec -> new RandomFlip(spec.rate()),
                "Random classification noise: each label flips independently with probability rate.");
        note("paper_assumptions", "yes (Example 2.1); (A4) also asks η < 1/C");
    }
}
