package org.benignlab.optimizers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.api.Loss;
import org.benignlab.api.LossProvider;
import org.benignlab.optimizers.impl.ExponentialLoss;

/** {@code exponential}: ℓ(z) = e^-z (AdaBoost's loss); the logistic loss's tail for large margins. */
public final class ExponentialProvider implements LossProvider<ExponentialSpec> {

    @Override
    public String type() {
        return "exponential";
    }

    @Override
    public Class<ExponentialSpec> specType() {
        return ExponentialSpec.class;
    }

    @Override
    public ExponentialSpec exampleSpec() {
        return new ExponentialSpec();
    }

    @Override
    public Loss create(ExponentialSpec spec) {
        return new ExponentialLoss();
    }

    @Override
    public String description() {
        return "Exponential loss e^-z, with g(z) = e^-z; finite for z >= -709 (infinite below: a diverged run).";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("g", "e^-z (unbounded as z → -∞)");
        p.put("paper_assumptions", "no: the paper trains with the logistic loss (Section 2.2), whose tail e^-z this "
                + "is");
        return Collections.unmodifiableMap(p);
    }
}
