package org.benignlab.optimizers;

import org.benignlab.api.Specs;

/**
 * Parameters of {@code adam} (YAML {@code training.optimizer}), after Kingma and Ba (2015).
 *
 * @param step    the step α; required, finite and &gt; 0
 * @param beta1   decay of the first-moment estimate, in [0, 1); default {@value #DEFAULT_BETA1}
 * @param beta2   decay of the second-moment estimate, in [0, 1); default {@value #DEFAULT_BETA2}
 * @param epsilon ε &gt; 0 added to the root of the second moment; default {@value #DEFAULT_EPSILON}
 */
public record AdamSpec(Double step, Double beta1, Double beta2, Double epsilon) {
    /** The example spec: {@code benign plugins} shows it and the testkit contracts run on it. */
    public static final AdamSpec EXAMPLE = new AdamSpec(0.001, null, null, null);

    /** Default β1. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** Default β2. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** Default ε. */
    public static final double DEFAULT_EPSILON = 1e-8;

    /** Fills in defaults and validates. */
    public AdamSpec {
        step = Specs.positive("step", Specs.required("step", step));
        beta1 = Specs.inRange("beta1", Specs.orDefault(beta1, DEFAULT_BETA1), 0, true, 1, false);
        beta2 = Specs.inRange("beta2", Specs.orDefault(beta2, DEFAULT_BETA2), 0, true, 1, false);
        epsilon = Specs.positive("epsilon", Specs.orDefault(epsilon, DEFAULT_EPSILON));
    }
}
