package org.benignlab.optimizers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.api.Loss;
import org.benignlab.api.LossProvider;
import org.benignlab.optimizers.impl.HingeLoss;

/** {@code hinge}: ℓ(z) = max(0, 1 - z); not smooth, and its gradient vanishes at margin 1. */
public final class HingeProvider implements LossProvider<HingeSpec> {

    @Override
    public String type() {
        return "hinge";
    }

    @Override
    public Class<HingeSpec> specType() {
        return HingeSpec.class;
    }

    @Override
    public HingeSpec exampleSpec() {
        return new HingeSpec();
    }

    @Override
    public Loss create(HingeSpec spec) {
        return new HingeLoss();
    }

    @Override
    public String description() {
        return "Hinge loss max(0, 1 - z): g(z) = 1 for z < 1 and 0 from margin 1 on (training stops there).";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("g", "1 for z < 1, 0 for z >= 1 (ℓ' is the right derivative at the kink z = 1)");
        p.put("paper_assumptions", "no: the paper trains with the logistic loss; the hinge is not smooth");
        return Collections.unmodifiableMap(p);
    }
}
