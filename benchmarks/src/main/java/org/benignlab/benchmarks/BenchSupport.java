package org.benignlab.benchmarks;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.benignlab.activations.SmoothedLeakyReluProvider;
import org.benignlab.activations.SmoothedLeakyReluSpec;
import org.benignlab.distributions.GaussianProvider;
import org.benignlab.distributions.GaussianSpec;
import org.benignlab.distributions.RandomFlipProvider;
import org.benignlab.distributions.RandomFlipSpec;
import org.benignlab.engine.Plugins;
import org.benignlab.engine.RandomStreams;
import org.benignlab.engine.TrainingSetup;
import org.benignlab.optimizers.GdProvider;
import org.benignlab.optimizers.GdSpec;
import org.benignlab.optimizers.LogisticProvider;
import org.benignlab.optimizers.LogisticSpec;

/**
 * What every benchmark shares: the benchmark configuration (smoothed leaky ReLU γ = 0.1, H = 1; isotropic
 * Gaussian clusters; random label flips; logistic loss; gradient descent with a fixed step; stop rules off)
 * and seeded random streams. Plugins are created through their public providers, exactly as the
 * experiments module does after reading YAML.
 */
public final class BenchSupport {
    /** Leakiness γ of the smoothed leaky ReLU used by every benchmark. */
    public static final double GAMMA = 0.1;
    /** Smoothness H of the smoothed leaky ReLU used by every benchmark. */
    public static final double H = 1.0;
    /** Stream names in the order their seeds are derived (same names as the experiments module). */
    public static final String[] STREAMS = {"data", "noise", "init", "signs", "test"};

    private BenchSupport() {
    }

    /** The benchmark plugins: smoothed leaky ReLU (γ, H), Gaussian clusters, random flips, logistic, gd(step). */
    public static Plugins plugins(double step, double noiseRate) {
        return new Plugins(
                new SmoothedLeakyReluProvider().create(new SmoothedLeakyReluSpec(GAMMA, H)),
                new GaussianProvider().create(new GaussianSpec()),
                new RandomFlipProvider().create(new RandomFlipSpec(noiseRate)),
                new LogisticProvider().create(new LogisticSpec()),
                new GdProvider().create(new GdSpec(step)));
    }

    /**
     * Fresh XoShiRo256++ streams for {@code seed}: stream k (in {@link #STREAMS} order) is seeded with four
     * SplitMix64 outputs started at seed + k · 2^32. The same seed always gives the same streams, so two
     * engines (or a data writer and an engine) given {@code streams(seed)} see identical draws.
     */
    public static RandomStreams streams(long seed) {
        UniformRandomProvider[] s = new UniformRandomProvider[STREAMS.length];
        for (int k = 0; k < s.length; k++) {
            long state = seed + ((long) k << 32);
            long[] words = new long[4];
            for (int w = 0; w < 4; w++) {
                state += 0x9E3779B97F4A7C15L;
                words[w] = mix(state);
            }
            s[k] = RandomSource.XO_SHI_RO_256_PP.create(words);
        }
        return new RandomStreams(s[0], s[1], s[2], s[3], s[4]);
    }

    /** SplitMix64's output function. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A run of exactly {@code steps} updates: stop rules off, metrics at steps 0, 1, 10, 100, ... and the last
     * (one point per decade, so recording costs little and a run of k and of 2k steps record equally often
     * when k and 2k lie in the same decade bracket).
     */
    public static TrainingSetup setup(int n, int p, int m, double muNorm, int testSize, double omega, long steps) {
        return new TrainingSetup(n, p, m, muNorm, testSize, omega, steps, 0.0, false, 1);
    }

    /** The quickstart's class-mean norm ||μ|| = p^0.35. */
    public static double defaultMu(long p) {
        return Math.pow(p, 0.35);
    }

    /** The quickstart's step α = 1/p. */
    public static double defaultStep(long p) {
        return 1.0 / p;
    }

    /** Formats a double for machine-readable output. */
    static String num(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }
}
