package org.benignlab.optimizers;

import org.benignlab.api.Specs;

/**
 * Parameters of {@code gd} (YAML {@code training.optimizer}).
 *
 * @param step the step size α; required, finite and &gt; 0 (assumption A5 asks
 *             α &lt;= (C max{1, H/√m} p^2)^-1)
 */
public record GdSpec(Double step) {
    /** The example spec: {@code benign plugins} shows it and the testkit contracts run on it. */
    public static final GdSpec EXAMPLE = new GdSpec(0.01);


    /** Validates. */
    public GdSpec {
        step = Specs.positive("step", Specs.required("step", step));
    }
}
