package org.benignlab.distributions.impl;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.NoiseContext;

/**
 * Exactly K = ⌈η n⌉ of the n labels flip (η n within 1e-9 of an integer counts as that integer, so
 * that 0.07 · 100 gives 7), chosen uniformly at random by a partial Fisher-Yates shuffle: K calls
 * {@code nextInt(n - i)}, i = 0..K-1. Balanced: K_+ = round(K n_+ / n) of the n_+ points of clean
 * class +1 flip and K_- = K - K_+ of the n_- points of class -1, each set chosen the same way (class +1
 * first), so both classes are flipped at about the same fraction η. Which points flip does not depend
 * on them: not adversarial. The fraction ⌈η n⌉/n is at most 1/n above η. Immutable and thread-safe.
 */
public final class FixedCount implements LabelNoise {
    private final double rate;
    private final boolean balanced;

    /**
     * @param rate     η in [0, 1]
     * @param balanced whether to split the flips between the clean classes
     */
    public FixedCount(double rate, boolean balanced) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be in [0, 1], got " + rate);
        }
        this.rate = rate;
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
        if (!balanced) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            choose(all, total, flips, rng);
            return flips;
        }
        double[] y = context.cleanLabels();
        int positives = 0;
        for (double v : y) {
            positives += v > 0 ? 1 : 0;
        }
        int[] pos = new int[positives];
        int[] neg = new int[n - positives];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (y[i] > 0) {
                pos[a++] = i;
            } else {
                neg[b++] = i;
            }
        }
        long kPos = n == 0 ? 0 : Math.round((double) total * positives / n);
        kPos = Math.max(total - neg.length, Math.min(Math.min(total, positives), kPos));
        choose(pos, (int) kPos, flips, rng);
        choose(neg, total - (int) kPos, flips, rng);
        return flips;
    }

    /** Marks k of the indices in {@code pool} (shuffled in place) as flipped. */
    private static void choose(int[] pool, int k, boolean[] flips, UniformRandomProvider rng) {
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
            flips[pool[i]] = true;
        }
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
        return "FixedCount[rate=" + rate + (balanced ? ", balanced" : "") + "]";
    }
}
