package org.benignlab.distributions;

import java.util.Map;
import org.benignlab.api.SignalModel;
import org.benignlab.api.SignalModelProvider;

/** {@code one-mean}: the paper's model, ỹ uniform on ±1 and mean ỹ μ ({@link SignalModel#oneMean()}); the default. */
public final class OneMeanProvider implements SignalModelProvider<OneMeanSpec> {

    @Override
    public String type() {
        return "one-mean";
    }

    @Override
    public Class<OneMeanSpec> specType() {
        return OneMeanSpec.class;
    }

    @Override
    public OneMeanSpec exampleSpec() {
        return new OneMeanSpec();
    }

    @Override
    public SignalModel create(OneMeanSpec spec) {
        return SignalModel.oneMean();
    }

    @Override
    public String description() {
        return "The paper's data: clean label uniform on ±1, mean ỹ μ with μ = ‖μ‖ e_1 (the default).";
    }

    @Override
    public Map<String, String> properties() {
        return Declarations.signal("1", "Φ(−‖μ‖) for N(0, I_p) clusters", true);
    }
}
