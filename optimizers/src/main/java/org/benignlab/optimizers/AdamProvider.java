package org.benignlab.optimizers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.api.Optimizer;
import org.benignlab.api.OptimizerProvider;
import org.benignlab.optimizers.impl.Adam;

/** {@code adam}: Adam (Kingma and Ba); not linear in the gradients, so the span and sketch engines refuse it. */
public final class AdamProvider implements OptimizerProvider<AdamSpec> {

    @Override
    public String type() {
        return "adam";
    }

    @Override
    public Class<AdamSpec> specType() {
        return AdamSpec.class;
    }

    @Override
    public AdamSpec exampleSpec() {
        return new AdamSpec(0.001, null, null, null);
    }

    @Override
    public Optimizer create(AdamSpec spec) {
        return new Adam(spec.step(), spec.beta1(), spec.beta2(), spec.epsilon());
    }

    @Override
    public String description() {
        return "Adam: coordinate-wise steps from bias-corrected first and second moment estimates of the gradient.";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("linear_in_gradients", "no: coordinate-wise division by the root of the second moment (dense engine "
                + "only)");
        p.put("paper_assumptions", "no: the paper analyses plain gradient descent");
        return Collections.unmodifiableMap(p);
    }
}
