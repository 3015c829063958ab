package org.benignlab.benchmarks;

import java.util.Locale;
import org.benignlab.activations.SmoothedLeakyReluProvider;
import org.benignlab.activations.SmoothedLeakyReluSpec;
import org.benignlab.api.NoSpec;
import org.benignlab.distributions.GaussianProvider;
import org.benignlab.distributions.RandomFlipProvider;
import org.benignlab.distributions.RandomFlipSpec;
import org.benignlab.engine.Plugins;
import org.benignlab.engine.RandomStreams;
import org.benignlab.engine.TrainingSetup;
import org.benignlab.optimizers.GdProvider;
import org.benignlab.optimizers.GdSpec;
import org.benignlab.optimizers.LogisticProvider;

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

    private BenchSupport() {
    }

    /** The benchmark plugins: smoothed leaky ReLU (γ, H), Gaussian clusters, random flips, logistic, gd(step). */
    public static Plugins plugins(double step, double noiseRate) {
        return new Plugins(
                new SmoothedLeakyReluProvider().create(new SmoothedLeakyReluSpec(GAMMA, H)),
                new GaussianProvider().create(new NoSpec()),
                new RandomFlipProvider().create(new RandomFlipSpec(noiseRate)),
                new LogisticProvider().create(new NoSpec()),
                new GdProvider().create(new GdSpec(step)));
    }

    /**
     * The run streams for {@code seed}: {@link RandomStreams#of(long)} (each stream's seed is SHA-256 of the seed
     * and the stream's name). The same seed always gives the same streams, so two engines (or a data writer and
     * an engine) given {@code streams(seed)} see identical draws.
     */
    public static RandomStreams streams(long seed) {
        return RandomStreams.of(seed);
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
