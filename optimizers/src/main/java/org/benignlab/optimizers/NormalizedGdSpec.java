package org.benignlab.optimizers;

import org.benignlab.api.Specs;

/**
 * Parameters of {@code normalized-gd} (YAML {@code training.optimizer}).
 *
 * @param step    the length α of every step; required, finite and &gt; 0
 * @param epsilon ε &gt;= 0 added to the gradient norm, params -= α g/(||g|| + ε); default 0
 */
public record NormalizedGdSpec(Double step, Double epsilon) {
    /** The example spec: {@code benign plugins} shows it and the testkit contracts run on it. */
    public static final NormalizedGdSpec EXAMPLE = new NormalizedGdSpec(0.01, null);


    /** Fills in the default and validates. */
    public NormalizedGdSpec {
        step = Specs.positive("step", Specs.required("step", step));
        epsilon = Specs.nonNegative("epsilon", Specs.orDefault(epsilon, 0.0));
    }
}
