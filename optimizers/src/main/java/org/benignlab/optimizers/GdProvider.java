package org.benignlab.optimizers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.api.Optimizer;
import org.benignlab.api.OptimizerProvider;
import org.benignlab.optimizers.impl.GradientDescent;

/** {@code gd}: full-batch gradient descent with a fixed step, the paper's optimizer. */
public final class GdProvider implements OptimizerProvider<GdSpec> {

    @Override
    public String type() {
        return "gd";
    }

    @Override
    public Class<GdSpec> specType() {
        return GdSpec.class;
    }

    @Override
    public GdSpec exampleSpec() {
        return new GdSpec(0.01);
    }

    @Override
    public Optimizer create(GdSpec spec) {
        return new GradientDescent(spec.step());
    }

    @Override
    public String description() {
        return "Gradient descent with a fixed step: params -= step * gradient.";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("linear_in_gradients", "yes");
        p.put("paper_assumptions", "yes when step satisfies (A5)");
        return Collections.unmodifiableMap(p);
    }
}
