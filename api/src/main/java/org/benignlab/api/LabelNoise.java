package org.benignlab.api;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Decides which training labels are flipped (paper, Section 2.2, step 4): the observed label is
 * y_i = -ỹ_i for the chosen i and ỹ_i otherwise. Test labels are corrupted by the same model.
 * Implementations are immutable; all randomness comes from the generator passed in.
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
}
