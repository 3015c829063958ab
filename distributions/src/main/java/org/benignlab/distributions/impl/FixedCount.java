package org.benignlab.distributions.impl;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.NoiseContext;

/**
 * Exactly K = ⌈η n⌉ of the n labels flip (η n within 1e-9 of an integer counts as that integer, so
 * that 0.07 · 100 gives 7): the K points with the smallest uniforms U_i ({@link NoiseContext#uniforms()}, ties
 * by the lower index), i.e. a prefix of one uniformly random order of the points that does not depend on η, so
 * the flipped sets of two rates on the same draws are nested. Balanced: K_+ = round(K n_+ / n) of the n_+ points
 * of clean class +1 flip and K_- = K - K_+ of the n_- points of class -1, each the prefix of its class in the
 * same order, so both classes are flipped at about the same fraction η. The generator is not used. Which points
 * flip does not depend on them: not adversarial. The fraction ⌈η n⌉/n is at most 1/n above η. Immutable and
 * thread-safe.
 */
public final class FixedCount extends RateNoise {
    private final boolean balanced;

    /**
     * @param rate     η in [0, 1]
     * @param balanced whether to split the flips between the clean classes
     */
    public FixedCount(double rate, boolean balanced) {
        super(rate);
        this.balanced = balanced;
    }

    /** ⌈η n⌉, with η n within 1e-9 (relative) of an integer taken as that integer. */
    public static int count(double rate, int n) {
        double x = rate * n;
        double nearest = Math.rint(x);
        return (int) (Math.abs(x - nearest) <= 1e-9 * Math.max(1, x) ? nearest : Math.ceil(x));
    }

    @Override
    public boolean[] flips(NoiseContext context, UniformRandomProvider rng) {
        int n = context.size();
        boolean[] flips = new boolean[n];
        int total = count(rate, n);
        Integer[] order = order(context.uniforms());
        if (!balanced) {
            for (int r = 0; r < total; r++) {
                flips[order[r]] = true;
            }
            return flips;
        }
        double[] y = context.cleanLabels();
        int positives = 0;
        for (double v : y) {
            positives += v > 0 ? 1 : 0;
        }
        int negatives = n - positives;
        long kPos = n == 0 ? 0 : Math.round((double) total * positives / n);
        kPos = Math.max(total - negatives, Math.min(Math.min(total, positives), kPos));
        long kNeg = total - kPos;
        for (int r = 0; r < n; r++) {
            int i = order[r];
            if (y[i] > 0 && kPos > 0) {
                flips[i] = true;
                kPos--;
            } else if (y[i] <= 0 && kNeg > 0) {
                flips[i] = true;
                kNeg--;
            }
        }
        return flips;
    }

    /** The indices sorted by their key (a uniform, a margin), ties by the lower index. */
    static Integer[] order(double[] u) {
        Integer[] order = new Integer[u.length];
        for (int i = 0; i < u.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Double.compare(u[a], u[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return order;
    }

    @Override
    public String toString() {
        return "FixedCount[rate=" + rate + (balanced ? ", balanced" : "") + "]";
    }
}
