package org.benignlab.distributions;

import java.util.List;
import java.util.Map;
import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.SignalModel;
import org.benignlab.api.SignalModelProvider;
import org.benignlab.distributions.impl.MixtureSignal;

/** {@code mixture}: k cluster means with given norms and pairwise angles (orthogonal by default), labels and weights. */
public final class MixtureProvider implements SignalModelProvider<MixtureSpec> {

    @Override
    public String type() {
        return "mixture";
    }

    @Override
    public Class<MixtureSpec> specType() {
        return MixtureSpec.class;
    }

    @Override
    public MixtureSpec exampleSpec() {
        return new MixtureSpec(List.of(1, -1, 1), null, null, null);
    }

    @Override
    public SignalModel create(MixtureSpec spec) {
        try {
            return MixtureSignal.of(spec.labels(), spec.weights(), spec.norms(), spec.angles());
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException("angles", e.getMessage());
        }
    }

    @Override
    public String description() {
        return "A mixture of k clusters: means μ_a with norms (× ‖μ‖) and pairwise angles (orthogonal by default), "
                + "each with a clean label and a weight.";
    }

    @Override
    public Map<String, String> properties() {
        return Declarations.signal("k (the rank of their Gram matrix)", "not declared", false);
    }
}
