package org.benignlab.distributions.impl;

import org.benignlab.api.LabelNoise;

/**
 * What the built-in models with one rate η share: the rate they declare, and draws that do not depend on their
 * parameters (the uniforms U_i are read, or nothing is drawn, the same way for every rate, so flip sets of two
 * rates on the same draws nest). Not adversarial unless a subclass says so.
 */
abstract class RateNoise implements LabelNoise {
    /** η in [0, 1]. */
    protected final double rate;

    RateNoise(double rate) {
        this.rate = rate;
    }

    @Override
    public final double rate() {
        return rate;
    }

    @Override
    public boolean adversarial() {
        return false;
    }

    /** The draws are the same for every rate and every other parameter: the parameters only decide their use. */
    @Override
    public final boolean drawsIgnoreParameters() {
        return true;
    }
}
