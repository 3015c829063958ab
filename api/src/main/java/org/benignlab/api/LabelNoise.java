package org.benignlab.api;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Decides which training labels are flipped (paper, Section 2.2, step 4): the observed label is
 * y_i = -ỹ_i for the chosen i and ỹ_i otherwise. Test labels are corrupted by the same model.
 * Implementations are immutable; all randomness comes from the context's uniforms
 * ({@link NoiseContext#uniforms()}, one per point) and the generator passed in.
 *
 * <p><b>Common random numbers.</b> The run seeds the {@code noise} stream from the data's configuration entries
 * and this model's type; two declarations say what else it depends on. {@link #drawsIgnoreParameters()}: the
 * draws (the uniforms and whatever is taken from the generator) are the same for every value of the model's
 * parameters, which only decide how the draws are used (flip when U_i &lt; η), so runs that differ in the rate
 * share them; otherwise the seed also depends on every parameter. {@link #readsMargins()} and
 * {@link #needsFeatures()}: the flips read &lt;x_i, μ&gt; or x_i, so the seed also depends on ‖μ‖.
 */
public interface LabelNoise {

    /**
     * Chooses the flipped points.
     *
     * @param context the clean labels, the projections &lt;x_i, μ&gt; and, when {@link #needsFeatures()},
     *                the feature vectors (not modified)
     * @param rng     source of randomness (modified: advanced)
     * @return flip indicators, one per point (a new array)
     */
    boolean[] flips(NoiseContext context, UniformRandomProvider rng);

    /** The noise budget η: the expected (or, for a fixed count, exact) fraction of flipped labels. */
    double rate();

    /** Whether the flips may depend on the points (adversarial) rather than being independent of them. */
    boolean adversarial();

    /** Whether {@link #flips} reads the full feature vectors (then the data must be explicit). */
    default boolean needsFeatures() {
        return false;
    }

    /**
     * Whether {@link #flips} reads {@link NoiseContext#meanProjections()} (the margins &lt;x_i, μ&gt;). A model that
     * says false must give the same flips for any projections (the testkit contract checks it).
     */
    default boolean readsMargins() {
        return false;
    }

    /**
     * Whether what {@link #flips} draws (which uniforms it reads, and how far it advances the generator) is the
     * same for every value of this model's parameters, so that they only decide how the draws are used. True
     * lets runs that differ only in the parameters (e.g. the rate η) share the draws; the default, false, keys
     * the noise stream by every parameter.
     */
    default boolean drawsIgnoreParameters() {
        return false;
    }
}
