package org.benignlab.optimizers;

import org.benignlab.api.Specs;

/**
 * Parameters of {@code momentum} and {@code nesterov} (YAML {@code training.optimizer}).
 *
 * @param step the step α; required, finite and &gt; 0
 * @param beta the momentum β in [0, 1); default {@value #DEFAULT_BETA} (β = 0 is gradient descent)
 */
public record MomentumSpec(Double step, Double beta) {
    /** The example spec: {@code benign plugins} shows it and the testkit contracts run on it. */
    public static final MomentumSpec EXAMPLE = new MomentumSpec(0.01, null);

    /** Default β. */
    public static final double DEFAULT_BETA = 0.9;

    /** Fills in the default and validates. */
    public MomentumSpec {
        step = Specs.positive("step", Specs.required("step", step));
        beta = Specs.inRange("beta", Specs.orDefault(beta, DEFAULT_BETA), 0, true, 1, false);
    }
}
