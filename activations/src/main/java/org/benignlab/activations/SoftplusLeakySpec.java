package org.benignlab.activations;

import org.benignlab.api.Specs;

/**
 * Parameters of {@code softplus-leaky} (YAML {@code network.activation}).
 *
 * @param gamma leakiness γ in (0, 1]; default {@value #DEFAULT_GAMMA}
 * @param H     smoothness H &gt; 0, the bound on |φ''|; default {@value #DEFAULT_H}, for which φ is
 *              γz + (1-γ)(softplus(z) - log 2) exactly
 */
public record SoftplusLeakySpec(Double gamma, Double H) {
    /** Default γ. */
    public static final double DEFAULT_GAMMA = 0.1;
    /** Default H: the softplus is then unscaled (sharpness 4H = 1). */
    public static final double DEFAULT_H = 0.25;

    /** Fills in defaults and validates. */
    public SoftplusLeakySpec {
        gamma = Specs.inRange("gamma", Specs.orDefault(gamma, DEFAULT_GAMMA), 0, false, 1, true);
        H = Specs.inRange("H", Specs.orDefault(H, DEFAULT_H), 0, false, 1e300, true);
    }
}
