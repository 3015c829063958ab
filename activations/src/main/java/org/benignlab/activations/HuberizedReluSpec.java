package org.benignlab.activations;

import org.benignlab.api.Specs;

/**
 * Parameters of {@code huberized-relu} (YAML {@code network.activation}).
 *
 * @param gamma leakiness γ in (0, 1]; default {@value #DEFAULT_GAMMA}
 * @param H     smoothness H &gt; 0: the quadratic piece spans [0, 1/H]; default {@value #DEFAULT_H}
 */
public record HuberizedReluSpec(Double gamma, Double H) {
    /** Default γ. */
    public static final double DEFAULT_GAMMA = 0.1;
    /** Default H. */
    public static final double DEFAULT_H = 1.0;

    /** Fills in defaults and validates. */
    public HuberizedReluSpec {
        gamma = Specs.inRange("gamma", Specs.orDefault(gamma, DEFAULT_GAMMA), 0, false, 1, true);
        H = Specs.positive("H", Specs.orDefault(H, DEFAULT_H));
    }
}
