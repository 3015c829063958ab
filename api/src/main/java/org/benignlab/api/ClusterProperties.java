package org.benignlab.api;

/**
 * What a cluster distribution declares about itself, in the paper's terms (Section 2.2).
 *
 * @param product               z is a product distribution (independent coordinates)
 * @param subGaussianNorm       the largest sub-Gaussian norm of a coordinate (NaN when not sub-Gaussian)
 * @param strongLogConcavity    λ of λ-strong log-concavity (0 when not strongly log-concave)
 * @param kappa                 κ with E||z||^2 &gt;= κ p
 * @param isotropicGaussian     z ~ N(0, I_p) exactly: the Gaussian sketch is exact for it
 */
public record ClusterProperties(boolean product, double subGaussianNorm, double strongLogConcavity,
                                double kappa, boolean isotropicGaussian) {

    /** Whether the paper's assumptions on P_clust hold: product, sub-Gaussian norm &lt;= 1, λ &gt; 0, κ &gt; 0. */
    public boolean meetsPaperAssumptions() {
        return product && subGaussianNorm <= 1.0 && strongLogConcavity > 0 && kappa > 0;
    }
}
