package org.benignlab.testkit;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.NoiseContext;
import org.benignlab.api.Provider;

import static org.benignlab.testkit.ActivationContract.fail;

/**
 * The contract of a {@link LabelNoise} (paper, Section 2.2, step 4): one flip indicator per point,
 * a new array each call, the same flips for the same seed, the context left unmodified, no feature
 * vectors needed unless {@link LabelNoise#needsFeatures()} says so (the context then has
 * {@code features == null}), no flips when the rate is 0, and a flipped fraction within a
 * binomial tolerance of {@link LabelNoise#rate()} (which the API defines as the expected fraction),
 * and, for a model that declares itself random ({@code adversarial() == false}), flips independent of
 * the points: the flipped fraction is the same in both clean classes and in both halves of the clean
 * margins ỹ_i &lt;x_i, μ&gt; (two-proportion 5-sigma tests, run when n &gt;= {@value #MIN_N_FOR_INDEPENDENCE}).
 * A model that promises an exact count ({@link #checkExactCount}, declared with the provider property
 * {@value #EXACT_COUNT_PROPERTY}) flips exactly {@link #expectedCount(double, int)} labels. A model that
 * declares {@code readsMargins() == false} and {@code needsFeatures() == false} gives the same flips when only
 * the projections &lt;x_i, μ&gt; change (the run keys its noise stream on that declaration).
 *
 * <p>A counterexample starts with the property it breaks ({@code rate η = 0.1}, {@code exact count},
 * {@code random (not adversarial)}, {@code determinism}, {@code needs features}, {@code reads margins},
 * {@code flips}, {@code declarations}) and gives n, the seed and the counts.
 *
 * <p>The contract builds its own context of n points from the seed: clean labels uniform in
 * {-1, +1}, ||μ|| = 3, &lt;x_i, μ&gt; = ỹ_i ||μ||^2 + ||μ|| s_i with s_i of variance 1, uniforms U_i on
 * [0, 1), and, only when the model needs them, 8-dimensional feature vectors consistent with those projections.
 *
 * <p>Rate tolerance: |K/n - η| &lt;= 5 sqrt(η(1-η)/n) + 1/n for K flips out of n, a two-sided
 * 5-sigma binomial test (normal approximation, with one count of slack) that fails independent
 * flips with probability about 5.7e-7; with the two independence tests a random model fails
 * {@link #check} with probability below 2e-6. Pin the seed and use n of about 10^4 or more (small n
 * are useful too: they test the exact count and the rate-0 case).
 */
public final class LabelNoiseContract {

    /** Number of binomial standard deviations the flipped fraction may be from the rate. */
    public static final double SIGMAS = 5;

    /**
     * The provider property by which a label-noise plugin promises an exact flip count: a value
     * starting with {@code exactly} (e.g. {@code exactly ⌈rate·n⌉}) makes the test suites of
     * {@code org.benignlab.testkit.junit} run {@link #checkExactCount} on it.
     */
    public static final String EXACT_COUNT_PROPERTY = "flip_count";

    /** The independence checks of a random model need this many points. */
    public static final int MIN_N_FOR_INDEPENDENCE = 1000;

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
            return fail("declarations: rate() = %s is not a fraction in [0, 1]", rate);
        }
        return Optional.empty();
    }

    /** Whether the provider promises an exact count through {@link #EXACT_COUNT_PROPERTY}. */
    public static boolean declaresExactCount(Provider<?, ?> provider) {
        Map<String, String> properties = provider.properties();
        String v = properties == null ? null : properties.get(EXACT_COUNT_PROPERTY);
        return v != null && v.startsWith("exactly");
    }

    /**
     * ⌈η n⌉, where η n within 1e-9 (relative) of an integer counts as that integer: 0.07 · 100 is
     * 7.000000000000001 in double precision and must give 7, not 8.
     */
    public static int expectedCount(double rate, int n) {
        double x = rate * n;
        double nearest = Math.rint(x);
        return (int) (Math.abs(x - nearest) <= 1e-9 * Math.max(1, x) ? nearest : Math.ceil(x));
    }

    /**
     * {@link #check} with the rate test replaced by an exact one: the model flips exactly
     * {@link #expectedCount(double, int) ⌈η n⌉} of the n labels, for every n and seed.
     */
    public static Optional<String> checkExactCount(LabelNoise noise, long seed, int n) {
        Optional<String> r = check(noise, seed, n);
        if (r.isPresent()) {
            return r;
        }
        boolean[] flips = noise.flips(context(seed, n, noise.needsFeatures()), TestRandom.of(seed));
        int flipped = count(flips);
        int expected = expectedCount(noise.rate(), n);
        if (flipped != expected) {
            return fail("exact count: flipped %d of n = %d labels (seed %d), but rate %s promises exactly ⌈ηn⌉ = %d",
                    flipped, n, seed, noise.rate(), expected);
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
        double[] uniforms = context.uniforms().clone();
        boolean[] first;
        boolean[] second;
        try {
            first = noise.flips(context, TestRandom.of(seed));
            second = noise.flips(context, TestRandom.of(seed));
        } catch (RuntimeException e) {
            return fail("needs features: flips threw %s (needsFeatures() = %s, so features %s)", e,
                    noise.needsFeatures(), noise.needsFeatures() ? "were given" : "were null");
        }
        if (first == null || second == null) {
            return fail("flips: flips returned null");
        }
        if (first.length != n) {
            return fail("flips: flips has %d entries for %d points", first.length, n);
        }
        if (first == second) {
            return fail("flips: flips returned the same array twice; it must return a new array");
        }
        if (!Arrays.equals(first, second)) {
            return fail("determinism: two calls with generators of the same seed %d flip different points", seed);
        }
        if (!Arrays.equals(labels, context.cleanLabels()) || !Arrays.equals(projections, context.meanProjections())
                || !Arrays.equals(uniforms, context.uniforms())) {
            return fail("flips: flips modified the context");
        }
        if (!noise.readsMargins() && !noise.needsFeatures()) {
            double[] other = new double[n];
            for (int i = 0; i < n; i++) {
                other[i] = -2 * projections[n - 1 - i] + 1;
            }
            boolean[] moved = noise.flips(new NoiseContext(labels.clone(), other, null, uniforms.clone()),
                    TestRandom.of(seed));
            if (!Arrays.equals(first, moved)) {
                return fail("reads margins: declared readsMargins() = false, but the flips changed when only the "
                        + "projections <x_i, μ> changed (n = %d, seed %d); declare readsMargins() = true", n, seed);
            }
        }
        int flipped = count(first);
        double rate = noise.rate();
        if (rate == 0) {
            return flipped == 0 ? Optional.empty()
                    : fail("rate η = 0: rate is 0 but %d of %d labels were flipped (seed %d)", flipped, n, seed);
        }
        double fraction = (double) flipped / n;
        double tol = SIGMAS * Math.sqrt(rate * (1 - rate) / n) + 1.0 / n;
        if (Math.abs(fraction - rate) > tol) {
            return fail("rate η = %s: flipped %d of %d labels (fraction %s, seed %d); the declared rate allows ± %s",
                    rate, flipped, n, fraction, seed, tol);
        }
        if (!noise.adversarial() && n >= MIN_N_FOR_INDEPENDENCE) {
            return checkIndependence(context, first, seed);
        }
        return Optional.empty();
    }

    /**
     * Flips of a random model are independent of the points: the same fraction among ỹ = +1 and
     * ỹ = -1, and among the clean margins ỹ_i &lt;x_i, μ&gt; below and above their median.
     */
    private static Optional<String> checkIndependence(NoiseContext context, boolean[] flips, long seed) {
        int n = flips.length;
        double[] y = context.cleanLabels();
        double[] margins = new double[n];
        for (int i = 0; i < n; i++) {
            margins[i] = y[i] * context.meanProjections()[i];
        }
        double[] sorted = margins.clone();
        Arrays.sort(sorted);
        double median = sorted[n / 2];
        boolean[] positive = new boolean[n];
        boolean[] upper = new boolean[n];
        for (int i = 0; i < n; i++) {
            positive[i] = y[i] > 0;
            upper[i] = margins[i] >= median;
        }
        Optional<String> r = twoProportions(flips, positive, "clean class +1", "clean class -1", seed);
        return r.isPresent() ? r : twoProportions(flips, upper, "the upper half of the clean margins ỹ<x, μ>",
                "the lower half", seed);
    }

    private static Optional<String> twoProportions(boolean[] flips, boolean[] group, String inName, String outName,
                                                   long seed) {
        int nIn = 0;
        int kIn = 0;
        int nOut = 0;
        int kOut = 0;
        for (int i = 0; i < flips.length; i++) {
            if (group[i]) {
                nIn++;
                kIn += flips[i] ? 1 : 0;
            } else {
                nOut++;
                kOut += flips[i] ? 1 : 0;
            }
        }
        if (nIn == 0 || nOut == 0) {
            return Optional.empty();
        }
        double pooled = (double) (kIn + kOut) / (nIn + nOut);
        double pIn = (double) kIn / nIn;
        double pOut = (double) kOut / nOut;
        double tol = SIGMAS * Math.sqrt(pooled * (1 - pooled) * (1.0 / nIn + 1.0 / nOut)) + 1.0 / nIn + 1.0 / nOut;
        if (Math.abs(pIn - pOut) > tol) {
            return fail("random (not adversarial): declared adversarial() = false, but %s has %d of %d labels flipped "
                    + "(%s) and %s %d of %d (%s), a difference above %s (seed %d); flips that depend on the points "
                    + "must declare adversarial() = true", inName, kIn, nIn, pIn, outName, kOut, nOut, pOut, tol, seed);
        }
        return Optional.empty();
    }

    private static int count(boolean[] flips) {
        int k = 0;
        for (boolean f : flips) {
            if (f) {
                k++;
            }
        }
        return k;
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
        UniformRandomProvider draws = TestRandom.of(seed ^ 0x2545F4914F6CDD1DL);
        double[] uniforms = new double[n];
        for (int i = 0; i < n; i++) {
            uniforms[i] = draws.nextDouble();
        }
        IntFunction<double[]> features = x == null ? null : i -> x[i].clone();
        return new NoiseContext(labels, projections, features, uniforms);
    }
}
