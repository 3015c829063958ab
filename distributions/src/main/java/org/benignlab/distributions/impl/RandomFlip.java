package org.benignlab.distributions.impl;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.NoiseContext;

/**
 * Random classification noise, η(x) = η (paper, Section 2.2, step 4): each label flips
 * independently of the points with probability η. Draws exactly one uniform per point, whatever η,
 * so the stream advances the same way for every rate. Immutable and thread-safe.
 */
public final class RandomFlip implements LabelNoise {
    private final double rate;

    /** @param rate η in [0, 1] */
    public RandomFlip(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be in [0, 1], got " + rate);
        }
        this.rate = rate;
    }

    @Override
    public boolean[] flips(NoiseContext context, UniformRandomProvider rng) {
        boolean[] flips = new boolean[context.size()];
        for (int i = 0; i < flips.length; i++) {
            flips[i] = rng.nextDouble() < rate; // nextDouble is in [0, 1): never true for rate 0
        }
        return flips;
    }

    @Override
    public double rate() {
        return rate;
    }

    @Override
    public boolean adversarial() {
        return false;
    }

    @Override
    public String toString() {
        return "RandomFlip[rate=" + rate + "]";
    }
}
