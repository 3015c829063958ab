package org.benignlab.optimizers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.api.Loss;
import org.benignlab.api.LossProvider;
import org.benignlab.optimizers.impl.LogisticLoss;

/** {@code logistic}: ℓ(z) = log(1 + e^-z), the paper's loss. */
public final class LogisticProvider implements LossProvider<LogisticSpec> {

    @Override
    public String type() {
        return "logistic";
    }

    @Override
    public Class<LogisticSpec> specType() {
        return LogisticSpec.class;
    }

    @Override
    public LogisticSpec exampleSpec() {
        return new LogisticSpec();
    }

    @Override
    public Loss create(LogisticSpec spec) {
        return new LogisticLoss();
    }

    @Override
    public String description() {
        return "Logistic loss log(1 + e^-z), with g(z) = 1/(1 + e^z); stable for any finite margin.";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("g", "1/(1 + e^z)");
        p.put("paper_assumptions", "yes (Section 2.2)");
        return Collections.unmodifiableMap(p);
    }
}
