package org.benignlab.distributions;

import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.SignalModel;
import org.benignlab.api.SignalModelProvider;
import org.benignlab.distributions.impl.MixtureSignal;

/** {@code mixture}: k cluster means with given norms and pairwise angles (orthogonal by default), labels and weights. */
public final class MixtureProvider extends SignalModelProvider.Base<MixtureSpec> {
    /** The provider ServiceLoader creates. */
    public MixtureProvider() {
        super("mixture", MixtureSpec.class, MixtureProvider::model,
                "A mixture of k clusters: means μ_a with norms (× ‖μ‖) and pairwise angles (orthogonal by default), "
                        + "each with a clean label and a weight.");
        note("means", "k' axes, the rank of the means' Gram matrix");
    }

    /** The model of a validated spec; angles no set of vectors has are refused at {@code angles}. */
    private static SignalModel model(MixtureSpec spec) {
        try {
            return MixtureSignal.of(spec.labels(), spec.weights(), spec.norms(), spec.angles());
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException("angles", e.getMessage());
        }
    }
}
