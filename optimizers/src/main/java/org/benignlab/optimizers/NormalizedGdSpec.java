package org.benignlab.optimizers;

import org.benignlab.api.Specs;

/**
 * Parameters of {@code normalized-gd} (YAML {@code training.optimizer}).
 *
 * @param step    the length α of every step; required, finite and &gt; 0
 * @param epsilon ε &gt;= 0 added to the gradient norm, params -= α g/(||g|| + ε); default 0
 */
public record NormalizedGdSpec(Double step, Double epsilon) {

    /** Fills in the default and validates. */
    public NormalizedGdSpec {
        step = Specs.positive("step", Specs.required("step", step));
        epsilon = Specs.nonNegative("epsilon", Specs.orDefault(epsilon, 0.0));
    }
}
