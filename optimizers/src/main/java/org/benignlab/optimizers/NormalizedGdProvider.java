package org.benignlab.optimizers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.api.Optimizer;
import org.benignlab.api.OptimizerProvider;
import org.benignlab.optimizers.impl.NormalizedGradientDescent;

/**
 * {@code normalized-gd}: gradient descent with steps of fixed length; not linear in the gradients (dense engine only).
 */
public final class NormalizedGdProvider implements OptimizerProvider<NormalizedGdSpec> {

    @Override
    public String type() {
        return "normalized-gd";
    }

    @Override
    public Class<NormalizedGdSpec> specType() {
        return NormalizedGdSpec.class;
    }

    @Override
    public NormalizedGdSpec exampleSpec() {
        return new NormalizedGdSpec(0.01, null);
    }

    @Override
    public Optimizer create(NormalizedGdSpec spec) {
        return new NormalizedGradientDescent(spec.step(), spec.epsilon());
    }

    @Override
    public String description() {
        return "Normalized gradient descent: params -= step gradient / (||gradient|| + epsilon), steps of length "
                + "about step.";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("linear_in_gradients", "no: the coefficient 1/||g|| depends on the gradient (dense engine only)");
        p.put("paper_assumptions", "no: the paper analyses plain gradient descent");
        return Collections.unmodifiableMap(p);
    }
}
