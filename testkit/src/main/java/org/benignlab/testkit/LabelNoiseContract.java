package org.benignlab.testkit;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntFunction;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.NoiseContext;

import static org.benignlab.testkit.ActivationContract.fail;

/**
 * The contract of a {@link LabelNoise} (paper, Section 2.2, step 4): one flip indicator per point,
 * a new array each call, the same flips for the same seed, the context left unmodified, no feature
 * vectors needed unless {@link LabelNoise#needsFeatures()} says so (the context then has
 * {@code features == null}), no flips when the rate is 0, and a flipped fraction within a
 * binomial tolerance of {@link LabelNoise#rate()} (which the API defines as the expected fraction).
 *
 * <p>The contract builds its own context of n points from the seed: clean labels uniform in
 * {-1, +1}, ||μ|| = 3, &lt;x_i, μ&gt; = ỹ_i ||μ||^2 + ||μ|| s_i with s_i of variance 1, and, only
 * when the model needs them, 8-dimensional feature vectors consistent with those projections.
 *
 * <p>Rate tolerance: |K/n - η| &lt;= 5 sqrt(η(1-η)/n) + 1/n for K flips out of n, a two-sided
 * 5-sigma binomial test (normal approximation, with one count of slack) that fails independent
 * flips with probability about 5.7e-7. Pin the seed and use n of about 10^4 or more.
 */
public final class LabelNoiseContract {

    /** Number of binomial standard deviations the flipped fraction may be from the rate. */
    public static final double SIGMAS = 5;

    private static final double MU = 3;
    private static final int FEATURE_DIM = 8;

    private LabelNoiseContract() {
    }

    /** {@link #checkDeclarations} then {@link #checkFlips}; the first counterexample. */
    public static Optional<String> check(LabelNoise noise, long seed, int n) {
        Optional<String> r = checkDeclarations(noise);
        return r.isPresent() ? r : checkFlips(noise, seed, n);
    }

    /** The declared rate is a fraction: finite and in [0, 1]. */
    public static Optional<String> checkDeclarations(LabelNoise noise) {
        double rate = noise.rate();
        if (!(rate >= 0 && rate <= 1)) {
            return fail("rate() = %s is not a fraction in [0, 1]", rate);
        }
        return Optional.empty();
    }

    /**
     * Calls {@link LabelNoise#flips} twice with generators of the same seed on a context of n
     * points and checks everything in the class comment.
     *
     * @param noise the label-noise model (not modified)
     * @param seed  seed of the context and of the generators
     * @param n     number of points, &gt;= 1
     */
    public static Optional<String> checkFlips(LabelNoise noise, long seed, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        NoiseContext context = context(seed, n, noise.needsFeatures());
        double[] labels = context.cleanLabels().clone();
        double[] projections = context.meanProjections().clone();
        boolean[] first;
        boolean[] second;
        try {
            first = noise.flips(context, TestRandom.of(seed));
            second = noise.flips(context, TestRandom.of(seed));
        } catch (RuntimeException e) {
            return fail("flips threw %s (needsFeatures() = %s, so features %s)", e, noise.needsFeatures(),
                    noise.needsFeatures() ? "were given" : "were null");
        }
        if (first == null || second == null) {
            return fail("flips returned null");
        }
        if (first.length != n) {
            return fail("flips has %d entries for %d points", first.length, n);
        }
        if (first == second) {
            return fail("flips returned the same array twice; it must return a new array");
        }
        if (!Arrays.equals(first, second)) {
            return fail("two calls with generators of the same seed %d flip different points", seed);
        }
        if (!Arrays.equals(labels, context.cleanLabels()) || !Arrays.equals(projections, context.meanProjections())) {
            return fail("flips modified the context");
        }
        int flipped = 0;
        for (boolean f : first) {
            if (f) {
                flipped++;
            }
        }
        double rate = noise.rate();
        if (rate == 0) {
            return flipped == 0 ? Optional.empty() : fail("rate is 0 but %d of %d labels were flipped", flipped, n);
        }
        double fraction = (double) flipped / n;
        double tol = SIGMAS * Math.sqrt(rate * (1 - rate) / n) + 1.0 / n;
        if (Math.abs(fraction - rate) > tol) {
            return fail("flipped %d of %d labels (fraction %s); the declared rate %s allows ± %s", flipped, n,
                    fraction, rate, tol);
        }
        return Optional.empty();
    }

    /**
     * The context the contract uses (exposed so that a plugin's own tests can look at the same data).
     *
     * @param seed         seed of the labels, projections and features
     * @param n            number of points
     * @param withFeatures whether to include feature vectors (otherwise {@code features} is null)
     */
    public static NoiseContext context(long seed, int n, boolean withFeatures) {
        UniformRandomProvider rng = TestRandom.of(seed ^ 0x5DEECE66DL);
        double[] labels = new double[n];
        double[] projections = new double[n];
        double[][] x = withFeatures ? new double[n][FEATURE_DIM] : null;
        double root3 = Math.sqrt(3);
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextBoolean() ? 1 : -1;
            double s = root3 * TestRandom.symmetric(rng); // variance 1
            projections[i] = labels[i] * MU * MU + MU * s;
            if (x != null) {
                // μ = MU e_1, so <x_i, μ> = MU x_i1 with x_i1 = s + ỹ_i MU
                x[i][0] = s + labels[i] * MU;
                for (int j = 1; j < FEATURE_DIM; j++) {
                    x[i][j] = root3 * TestRandom.symmetric(rng);
                }
            }
        }
        IntFunction<double[]> features = x == null ? null : i -> x[i].clone();
        return new NoiseContext(labels, projections, features);
    }
}
