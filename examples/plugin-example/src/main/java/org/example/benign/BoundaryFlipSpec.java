package org.example.benign;

import org.benignlab.api.Specs;

/**
 * Parameters of {@code boundary-flip} (YAML {@code data.noise}).
 *
 * @param rate η, the expected fraction of flipped labels; required, in [0, 0.5)
 */
public record BoundaryFlipSpec(Double rate) {

    /** Validates. */
    public BoundaryFlipSpec {
        rate = Specs.inRange("rate", Specs.required("rate", rate), 0, true, 0.5, false);
    }
}
