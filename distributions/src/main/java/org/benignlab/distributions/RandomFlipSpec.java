package org.benignlab.distributions;

import org.benignlab.api.Specs;

/**
 * Parameters of {@code random-flip} (YAML {@code data.noise}).
 *
 * @param rate η, the probability that each label flips; required, in [0, 0.5)
 */
public record RandomFlipSpec(Double rate) {
    /** The example spec: {@code benign plugins} shows it and the testkit contracts run on it. */
    public static final RandomFlipSpec EXAMPLE = new RandomFlipSpec(0.1);


    /** Validates. */
    public RandomFlipSpec {
        rate = Specs.inRange("rate", Specs.required("rate", rate), 0, true, 0.5, false);
    }
}
