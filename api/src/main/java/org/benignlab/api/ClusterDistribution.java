package org.benignlab.api;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The cluster distribution P_clust of the paper (Section 2.2): z in R^p, a sample being
 * x = z + ỹ μ. Implementations are immutable; all randomness comes from the generator passed in.
 */
public interface ClusterDistribution {

    /**
     * Draws one z.
     *
     * @param rng source of randomness (modified: advanced)
     * @param out receives z; its length is p (modified)
     */
    void sample(UniformRandomProvider rng, double[] out);

    /** The paper's properties of this distribution. */
    ClusterProperties properties();
}
