package org.benignlab.activations;

import org.benignlab.api.Specs;

/**
 * Parameters of {@code leaky-relu} (YAML {@code network.activation}).
 *
 * @param gamma leakiness γ in (0, 1]; default {@value #DEFAULT_GAMMA}
 */
public record LeakyReluSpec(Double gamma) {
    /** Default γ. */
    public static final double DEFAULT_GAMMA = 0.1;

    /** Fills in the default and validates. */
    public LeakyReluSpec {
        gamma = Specs.inRange("gamma", Specs.orDefault(gamma, DEFAULT_GAMMA), 0, false, 1, true);
    }
}
