package org.benignlab.distributions.impl;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.NoiseContext;

/**
 * Adversarial label noise (paper, Section 2.2, step 4: the adversary chooses which points to flip as
 * a function of x and ỹ, within the budget η): flips the K = ⌈η n⌉ points with the largest (or the
 * smallest) clean margin ỹ_i &lt;x_i, μ&gt;, ties broken by the lower index. It reads only the clean labels
 * and {@link NoiseContext#meanProjections()}, so it works without feature vectors (the Gaussian
 * sketch), and uses no randomness (the generator is not advanced). Flipping the largest margins
 * corrupts the points the clean rule is surest of; flipping the smallest corrupts the points nearest
 * to (or beyond) the boundary. K as in {@link FixedCount#count}. Immutable and thread-safe.
 */
public final class MarginAdversarial extends RateNoise {
    private final boolean largest;

    /**
     * @param rate    η in [0, 1]
     * @param largest flip the largest margins (true) or the smallest (false)
     */
    public MarginAdversarial(double rate, boolean largest) {
        super(rate);
        this.largest = largest;
    }

    @Override
    public boolean[] flips(NoiseContext context, UniformRandomProvider rng) {
        int n = context.size();
        double[] y = context.cleanLabels();
        double[] proj = context.meanProjections();
        double sign = largest ? -1 : 1; // sort ascending by sign * margin
        double[] key = new double[n];
        for (int i = 0; i < n; i++) {
            key[i] = sign * y[i] * proj[i];
        }
        Integer[] order = FixedCount.order(key);
        boolean[] flips = new boolean[n];
        int k = FixedCount.count(rate, n);
        for (int i = 0; i < k; i++) {
            flips[order[i]] = true;
        }
        return flips;
    }

    /** Reads the clean margins ỹ_i &lt;x_i, μ&gt;. */
    @Override
    public boolean readsMargins() {
        return true;
    }

    @Override
    public boolean adversarial() {
        return true;
    }

    @Override
    public String toString() {
        return "MarginAdversarial[rate=" + rate + ", " + (largest ? "largest" : "smallest") + " margins]";
    }
}
