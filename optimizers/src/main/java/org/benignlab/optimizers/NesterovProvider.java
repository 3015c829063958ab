package org.benignlab.optimizers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.api.Optimizer;
import org.benignlab.api.OptimizerProvider;
import org.benignlab.optimizers.impl.Momentum;

/**
 * {@code nesterov}: Nesterov's accelerated gradient in the form that needs only the current gradient; linear in gradients.
 */
public final class NesterovProvider implements OptimizerProvider<MomentumSpec> {

    @Override
    public String type() {
        return "nesterov";
    }

    @Override
    public Class<MomentumSpec> specType() {
        return MomentumSpec.class;
    }

    @Override
    public MomentumSpec exampleSpec() {
        return new MomentumSpec(0.01, null);
    }

    @Override
    public Optimizer create(MomentumSpec spec) {
        return new Momentum(spec.step(), spec.beta(), true);
    }

    @Override
    public String description() {
        return "Nesterov momentum (Sutskever's form): v = beta v + gradient, params -= step (gradient + beta v).";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("linear_in_gradients", "yes (span engine exact)");
        p.put("paper_assumptions", "no: the paper analyses plain gradient descent");
        return Collections.unmodifiableMap(p);
    }
}
