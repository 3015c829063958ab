package org.benignlab.distributions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.api.LabelNoise;
import org.benignlab.api.LabelNoiseProvider;
import org.benignlab.distributions.impl.MarginAdversarial;

/** {@code margin-adversarial}: flips the ⌈η n⌉ points with the largest (or smallest) clean margin ỹ⟨x, μ⟩. */
public final class MarginAdversarialProvider implements LabelNoiseProvider<MarginAdversarialSpec> {

    @Override
    public String type() {
        return "margin-adversarial";
    }

    @Override
    public Class<MarginAdversarialSpec> specType() {
        return MarginAdversarialSpec.class;
    }

    @Override
    public MarginAdversarialSpec exampleSpec() {
        return new MarginAdversarialSpec(0.1, null);
    }

    @Override
    public LabelNoise create(MarginAdversarialSpec spec) {
        return new MarginAdversarial(spec.rate(), spec.margin().equals(MarginAdversarialSpec.LARGEST));
    }

    @Override
    public String description() {
        return "Adversarial noise: flips the ceil(rate·n) points with the largest (or smallest) clean margin "
                + "ỹ<x, μ>; deterministic, works with the Gaussian sketch.";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("rate", "η = rate (required, in [0, 0.5)); the realised fraction is ⌈ηn⌉/n");
        p.put("flip_count", "exactly ⌈rate·n⌉");
        p.put("adversarial", "yes (chooses the points by their clean margin)");
        p.put("needs_features", "no (only ỹ and <x, μ>)");
        p.put("paper_assumptions", "yes: adversarial noise with flipped mass η (Section 2.2); (A4) asks η < 1/C");
        return Collections.unmodifiableMap(p);
    }
}
