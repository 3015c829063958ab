package org.example.benign;

import java.util.Map;

import org.benignlab.api.LabelNoise;
import org.benignlab.api.LabelNoiseProvider;

/** {@code boundary-flip}: flips only points near the boundary. Registered in META-INF/services/org.benignlab.api.LabelNoiseProvider. */
public final class BoundaryFlipProvider implements LabelNoiseProvider<BoundaryFlipSpec> {

    @Override
    public String type() {
        return "boundary-flip";
    }

    @Override
    public Class<BoundaryFlipSpec> specType() {
        return BoundaryFlipSpec.class;
    }

    @Override
    public BoundaryFlipSpec exampleSpec() {
        return new BoundaryFlipSpec(0.1);
    }

    @Override
    public LabelNoise create(BoundaryFlipSpec spec) {
        return new BoundaryFlip(spec.rate());
    }

    @Override
    public String description() {
        return "The half of the points with the smallest clean margin flip with probability 2·rate; the rest never.";
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("rate", "η = rate (required, in [0, 0.5)), the expected fraction",
                "adversarial", "yes (only points near the boundary flip)",
                "needs_features", "no (only ỹ and <x, μ>)");
    }
}
