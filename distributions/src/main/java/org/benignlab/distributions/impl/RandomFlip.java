package org.benignlab.distributions.impl;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.NoiseContext;

/**
 * Random classification noise, η(x) = η (paper, Section 2.2, step 4): each label flips
 * independently of the points with probability η: point i flips when its uniform U_i
 * ({@link NoiseContext#uniforms()}) is below η. The generator is not used. The same uniforms serve every
 * rate, so the flipped sets of two rates on the same draws are nested. Immutable and thread-safe.
 */
public final class RandomFlip extends RateNoise {

    /** @param rate η in [0, 1] */
    public RandomFlip(double rate) {
        super(rate);
    }

    @Override
    public boolean[] flips(NoiseContext context, UniformRandomProvider rng) {
        double[] u = context.uniforms();
        boolean[] flips = new boolean[u.length];
        for (int i = 0; i < flips.length; i++) {
            flips[i] = u[i] < rate; // U_i is in [0, 1): never true for rate 0
        }
        return flips;
    }

    @Override
    public String toString() {
        return "RandomFlip[rate=" + rate + "]";
    }
}
