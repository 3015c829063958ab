package org.benignlab.distributions;

import org.benignlab.api.LabelNoiseProvider;
import org.benignlab.distributions.impl.FixedCount;

/** {@code fixed-count}: exactly ⌈η n⌉ labels flip, chosen at random (optionally balanced per class). */
public final class FixedCountProvider extends LabelNoiseProvider.Base<FixedCountSpec> {
    /** The provider ServiceLoader creates. */
    public FixedCountProvider() {
        super("fixed-count", FixedCountSpec.class, spec -> new FixedCount(spec.rate(), spec.balanced()),
                "Exactly ceil(rate·n) labels flip, chosen uniformly at random (balanced: split between the classes "
                + "in proportion to their sizes).");
        note("flip_count", "exactly ⌈rate·n⌉ (balanced: round(⌈rate·n⌉·n_c/n) in class c)");
        note("paper_assumptions", "yes; (A4) also asks η < 1/C");
    }
}
