package org.benignlab.optimizers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.api.Optimizer;
import org.benignlab.api.OptimizerProvider;
import org.benignlab.optimizers.impl.Momentum;

/** {@code momentum}: Polyak's heavy-ball momentum; linear in gradients. */
public final class MomentumProvider implements OptimizerProvider<MomentumSpec> {

    @Override
    public String type() {
        return "momentum";
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
        return new Momentum(spec.step(), spec.beta(), false);
    }

    @Override
    public String description() {
        return "Heavy-ball momentum: v = beta v + gradient, params -= step v.";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("linear_in_gradients", "yes (span engine exact)");
        p.put("paper_assumptions", "no: the paper analyses plain gradient descent");
        return Collections.unmodifiableMap(p);
    }
}
