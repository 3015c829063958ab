package org.benignlab.distributions;

import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.Specs;

/**
 * Parameters of {@code margin-adversarial} (YAML {@code data.noise}).
 *
 * @param rate   η: the ⌈η n⌉ points with the most extreme clean margin flip; required, in [0, 0.5)
 * @param margin {@code largest} (default: flip the points furthest on the right side of the boundary)
 *               or {@code smallest} (flip the points nearest to it or on its wrong side)
 */
public record MarginAdversarialSpec(Double rate, String margin) {
    /** The example spec: {@code benign plugins} shows it and the testkit contracts run on it. */
    public static final MarginAdversarialSpec EXAMPLE = new MarginAdversarialSpec(0.1, null);

    /** Flip the largest clean margins. */
    public static final String LARGEST = "largest";
    /** Flip the smallest clean margins. */
    public static final String SMALLEST = "smallest";

    /** Fills in the default and validates. */
    public MarginAdversarialSpec {
        rate = Specs.inRange("rate", Specs.required("rate", rate), 0, true, 0.5, false);
        margin = Specs.orDefault(margin, LARGEST);
        if (!(margin.equals(LARGEST) || margin.equals(SMALLEST))) {
            throw InvalidSpecException.of("margin", margin, "must be one of largest, smallest");
        }
    }
}
