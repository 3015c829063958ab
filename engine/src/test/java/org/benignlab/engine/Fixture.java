package org.benignlab.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/** A random network instance for kernel tests: X (n x p), W (m x p flat), a, y. */
final class Fixture {
    final int n;
    final int p;
    final int m;
    final double[][] x;
    final double[] w;
    final double[] a;
    final double[] y;

    Fixture(int n, int p, int m, long seed, double xScale, double wScale) {
        this.n = n;
        this.p = p;
        this.m = m;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
        x = new double[n][p];
        for (double[] row : x) {
            for (int k = 0; k < p; k++) {
                row[k] = xScale * g.sample();
            }
        }
        w = new double[m * p];
        for (int k = 0; k < w.length; k++) {
            w[k] = wScale * g.sample();
        }
        a = new double[m];
        for (int j = 0; j < m; j++) {
            a[j] = (rng.nextBoolean() ? 1 : -1) / Math.sqrt(m);
        }
        y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextBoolean() ? 1 : -1;
        }
    }

    static RandomStreams streams(long seed) {
        return RandomStreams.of(seed);
    }
}
