package org.benignlab.distributions;

import org.benignlab.api.LabelNoiseProvider;
import org.benignlab.distributions.impl.MarginAdversarial;

/** {@code margin-adversarial}: flips the ⌈η n⌉ points with the largest (or smallest) clean margin ỹ⟨x, μ⟩. */
public final class MarginAdversarialProvider extends LabelNoiseProvider.Base<MarginAdversarialSpec> {
    /** The provider ServiceLoader creates. */
    public MarginAdversarialProvider() {
        super("margin-adversarial", MarginAdversarialSpec.class,
                spec -> new MarginAdversarial(spec.rate(), spec.margin().equals(MarginAdversarialSpec.LARGEST)),
                "Adversarial noise: flips the ceil(rate·n) points with the largest (or smallest) clean margin "
                + "ỹ<x, μ>; deterministic, works with the Gaussian sketch.");
        note("flip_count", "exactly ⌈rate·n⌉");
        note("paper_assumptions", "yes: adversarial noise with flipped mass η (Section 2.2); (A4) asks η < 1/C");
    }
}
