package org.benignlab.distributions;

import org.benignlab.api.Specs;

/**
 * Parameters of {@code fixed-count} (YAML {@code data.noise}).
 *
 * @param rate     η: exactly ⌈η n⌉ of the n labels flip; required, in [0, 0.5)
 * @param balanced whether the flips are split between the clean classes in proportion to their
 *                 sizes (default false: chosen uniformly among all points)
 */
public record FixedCountSpec(Double rate, Boolean balanced) {
    /** The example spec: {@code benign plugins} shows it and the testkit contracts run on it. */
    public static final FixedCountSpec EXAMPLE = new FixedCountSpec(0.1, null);


    /** Fills in the default and validates. */
    public FixedCountSpec {
        rate = Specs.inRange("rate", Specs.required("rate", rate), 0, true, 0.5, false);
        balanced = Specs.orDefault(balanced, false);
    }
}
