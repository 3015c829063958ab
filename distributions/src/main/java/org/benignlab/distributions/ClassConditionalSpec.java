package org.benignlab.distributions;

import org.benignlab.api.Specs;

/**
 * Parameters of {@code class-conditional} (YAML {@code data.noise}): a label of clean class ỹ flips
 * independently with probability η_ỹ.
 *
 * @param ratePositive η_+, for ỹ = +1 (YAML {@code rate_positive}); required, in [0, 0.5)
 * @param rateNegative η_-, for ỹ = -1 (YAML {@code rate_negative}); required, in [0, 0.5)
 */
public record ClassConditionalSpec(Double ratePositive, Double rateNegative) {
    /** The example spec: {@code benign plugins} shows it and the testkit contracts run on it. */
    public static final ClassConditionalSpec EXAMPLE = new ClassConditionalSpec(0.05, 0.15);


    /** Validates. */
    public ClassConditionalSpec {
        ratePositive = Specs.inRange("rate_positive", Specs.required("rate_positive", ratePositive), 0, true, 0.5,
                false);
        rateNegative = Specs.inRange("rate_negative", Specs.required("rate_negative", rateNegative), 0, true, 0.5,
                false);
    }
}
