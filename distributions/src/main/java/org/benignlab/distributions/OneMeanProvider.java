package org.benignlab.distributions;

import org.benignlab.api.NoSpec;
import org.benignlab.api.SignalModel;
import org.benignlab.api.SignalModelProvider;

/** {@code one-mean}: the paper's model, ỹ uniform on ±1 and mean ỹ μ ({@link SignalModel#oneMean()}); the default. */
public final class OneMeanProvider extends SignalModelProvider.Base<NoSpec> {
    /** The provider ServiceLoader creates. */
    public OneMeanProvider() {
        super("one-mean", NoSpec.class, spec -> SignalModel.oneMean(),
                "The paper's data: clean label uniform on ±1, mean ỹ μ with μ = ‖μ‖ e_1 (the default).");
        note("bayes_error_clean", "Φ(−‖μ‖) for N(0, I_p) clusters");
    }
}
