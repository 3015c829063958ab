package org.benignlab.distributions;

import org.benignlab.api.NoSpec;
import org.benignlab.api.SignalModelProvider;
import org.benignlab.distributions.impl.XorSignal;

/** {@code xor}: XOR cluster data, means ±μ_1 labelled +1 and ±μ_2 labelled −1, the four clusters equally likely. */
public final class XorProvider extends SignalModelProvider.Base<NoSpec> {
    /** The provider ServiceLoader creates. */
    public XorProvider() {
        super("xor", NoSpec.class, spec -> XorSignal.INSTANCE,
                "XOR clusters: means ±‖μ‖e_1 labelled +1 and ±‖μ‖e_2 labelled −1, each with probability 1/4 "
                        + "(not linearly separable; each class is symmetric about 0).");
        note("bayes_error_clean", "P(|‖μ‖ + G₁| < |G₂|) = 2Φ(‖μ‖/√2)Φ(−‖μ‖/√2) for N(0, I_p) clusters");
    }
}
