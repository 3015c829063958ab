package org.benignlab.distributions.impl;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.NoiseContext;

/** No label noise: η = 0, nothing flips, the generator is not used. Stateless and thread-safe. */
public final class NoLabelNoise implements LabelNoise {

    @Override
    public boolean[] flips(NoiseContext context, UniformRandomProvider rng) {
        return new boolean[context.size()];
    }

    /** Draws nothing. */
    @Override
    public boolean drawsIgnoreParameters() {
        return true;
    }

    @Override
    public double rate() {
        return 0;
    }

    @Override
    public boolean adversarial() {
        return false;
    }

    @Override
    public String toString() {
        return "NoLabelNoise";
    }
}
