package org.example.benign;

import java.util.Arrays;
import java.util.Comparator;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.NoiseContext;

/**
 * Label noise concentrated near the decision boundary: the ⌊n/2⌋ points with the smallest clean
 * margin ỹ_i &lt;x_i, μ&gt; (ties by index) each flip with probability 2η; the others never flip. The
 * expected flipped fraction is 2η⌊n/2⌋/n: η for even n, η(1 - 1/n) for odd n. Which points may flip
 * depends on the points, so the model is adversarial in the paper's sense (Section 2.2: E[η(x)] &lt;= η).
 * It reads only the clean labels and &lt;x_i, μ&gt;, so it also runs with the Gaussian sketch, and says so with
 * {@link #readsMargins()}. Point i flips when it is near the boundary and its uniform U_i
 * ({@link NoiseContext#uniforms()}) is below 2η: the same uniforms whatever η ({@link #drawsIgnoreParameters()}),
 * so the flipped sets of two rates are nested. The generator is not used. Immutable and thread-safe.
 */
public final class BoundaryFlip implements LabelNoise {
    private final double rate;

    /** @param rate η in [0, 0.5] */
    public BoundaryFlip(double rate) {
        if (!(rate >= 0 && rate <= 0.5)) {
            throw new IllegalArgumentException("rate must be in [0, 0.5], got " + rate);
        }
        this.rate = rate;
    }

    @Override
    public boolean[] flips(NoiseContext context, UniformRandomProvider rng) {
        int n = context.size();
        double[] y = context.cleanLabels();
        double[] proj = context.meanProjections();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> y[i] * proj[i]).thenComparingInt(i -> i));
        boolean[] nearBoundary = new boolean[n];
        for (int k = 0; k < n / 2; k++) {
            nearBoundary[order[k]] = true;
        }
        boolean[] flips = new boolean[n];
        double[] u = context.uniforms();
        for (int i = 0; i < n; i++) {
            flips[i] = nearBoundary[i] && u[i] < 2 * rate;
        }
        return flips;
    }

    @Override
    public double rate() {
        return rate;
    }

    @Override
    public boolean adversarial() {
        return true;
    }

    /** Which points may flip depends on the clean margins ỹ_i &lt;x_i, μ&gt;. */
    @Override
    public boolean readsMargins() {
        return true;
    }

    /** The uniforms are read the same way for every rate. */
    @Override
    public boolean drawsIgnoreParameters() {
        return true;
    }
}
