package org.benignlab.distributions.impl;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.NoiseContext;

/**
 * Class-conditional noise: a label of clean class ỹ flips independently with probability η_ỹ, point i
 * flips when its uniform U_i is below η_ỹ, as in {@link RandomFlip} (the generator is not used; flip sets are
 * nested across rates). Since ỹ is uniform on {-1, +1} (paper, Section 2.2,
 * step 1), every label flips with probability η = (η_+ + η_-)/2, the declared rate, and E[η(x)] = η
 * as the paper asks. With η_+ != η_- the flip probability η(x) depends on the point (through ỹ), so
 * the model declares itself adversarial in the paper's sense; with equal rates it is random flipping.
 * Immutable and thread-safe.
 */
public final class ClassConditional implements LabelNoise {
    private final double ratePositive;
    private final double rateNegative;

    /**
     * @param ratePositive η_+ in [0, 1]
     * @param rateNegative η_- in [0, 1]
     */
    public ClassConditional(double ratePositive, double rateNegative) {
        this.ratePositive = ratePositive;
        this.rateNegative = rateNegative;
    }

    @Override
    public boolean[] flips(NoiseContext context, UniformRandomProvider rng) {
        double[] y = context.cleanLabels();
        double[] u = context.uniforms();
        boolean[] flips = new boolean[y.length];
        for (int i = 0; i < flips.length; i++) {
            flips[i] = u[i] < (y[i] > 0 ? ratePositive : rateNegative);
        }
        return flips;
    }

    /** The uniforms are read the same way for every pair of rates: the rates only decide how they are used. */
    @Override
    public boolean drawsIgnoreParameters() {
        return true;
    }

    /** (η_+ + η_-)/2. */
    @Override
    public double rate() {
        return (ratePositive + rateNegative) / 2;
    }

    @Override
    public boolean adversarial() {
        return ratePositive != rateNegative;
    }

    @Override
    public String toString() {
        return "ClassConditional[rate_positive=" + ratePositive + ", rate_negative=" + rateNegative + "]";
    }
}
