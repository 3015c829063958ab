package org.benignlab.distributions;

import org.benignlab.api.LabelNoiseProvider;
import org.benignlab.api.NoSpec;
import org.benignlab.distributions.impl.NoLabelNoise;

/** {@code none}: clean labels, η = 0. */
public final class NoNoiseProvider extends LabelNoiseProvider.Base<NoSpec> {
    /** The provider ServiceLoader creates. */
    public NoNoiseProvider() {
        super("none", NoSpec.class, spec -> new NoLabelNoise(),
                "No label noise: every observed label is the clean one.");
        note("paper_assumptions", "yes (η = 0)");
    }
}
