package org.benignlab.distributions;

import java.util.Map;
import org.benignlab.api.SignalModel;
import org.benignlab.api.SignalModelProvider;
import org.benignlab.distributions.impl.XorSignal;

/** {@code xor}: XOR cluster data, means ±μ_1 labelled +1 and ±μ_2 labelled −1, the four clusters equally likely. */
public final class XorProvider implements SignalModelProvider<XorSpec> {

    @Override
    public String type() {
        return "xor";
    }

    @Override
    public Class<XorSpec> specType() {
        return XorSpec.class;
    }

    @Override
    public XorSpec exampleSpec() {
        return new XorSpec();
    }

    @Override
    public SignalModel create(XorSpec spec) {
        return XorSignal.INSTANCE;
    }

    @Override
    public String description() {
        return "XOR clusters: means ±‖μ‖e_1 labelled +1 and ±‖μ‖e_2 labelled −1, each with probability 1/4 "
                + "(not linearly separable; each class is symmetric about 0).";
    }

    @Override
    public Map<String, String> properties() {
        return Declarations.signal("2 (orthogonal)", "P(|‖μ‖ + G₁| < |G₂|) = 2Φ(‖μ‖/√2)Φ(−‖μ‖/√2) for N(0, I_p) clusters",
                false);
    }
}
