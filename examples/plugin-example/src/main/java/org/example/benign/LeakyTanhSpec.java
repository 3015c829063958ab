package org.example.benign;

import org.benignlab.api.Specs;

/**
 * Parameters of {@code leaky-tanh} (YAML {@code network.activation}). Components are boxed: null means
 * "not given", and the compact constructor fills in the default; a bad value is refused with a message
 * naming the key, the value and what is allowed (the framework puts the YAML path in front).
 *
 * @param gamma leakiness γ in (0, 1]; default {@value #DEFAULT_GAMMA}
 */
public record LeakyTanhSpec(Double gamma) {
    /** Default γ. */
    public static final double DEFAULT_GAMMA = 0.2;

    /** Fills in the default and validates. */
    public LeakyTanhSpec {
        gamma = Specs.inRange("gamma", Specs.orDefault(gamma, DEFAULT_GAMMA), 0, false, 1, true);
    }
}
