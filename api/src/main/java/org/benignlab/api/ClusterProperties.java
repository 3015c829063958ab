package org.benignlab.api;

/**
 * What a cluster distribution declares about itself, in the paper's terms (Section 2.2).
 *
 * <p>The sub-Gaussian norm and the coordinate variance are different numbers with different uses: the
 * assumptions A1-A6 are stated for a sub-Gaussian norm of at most 1, so they are checked in units of K (x / K);
 * the signal-to-noise quantities n‖μ‖⁴/p, ‖μ‖/p^¼ and the Theorem 3.1 bound compare ‖μ‖² with the noise
 * variance of a coordinate, σ² (n‖μ‖⁴/(σ⁴ p)). For N(0, σ²) both are σ (resp. σ²); for a uniform coordinate of
 * variance 1 the sub-Gaussian norm is also 1; for Laplace coordinates the variance is finite but there is no
 * sub-Gaussian norm.
 *
 * @param product               z is a product distribution (independent coordinates)
 * @param subGaussianNorm       the largest sub-Gaussian norm of a coordinate (NaN when not sub-Gaussian)
 * @param strongLogConcavity    λ of λ-strong log-concavity (0 when not strongly log-concave)
 * @param kappa                 κ with E||z||^2 &gt;= κ p
 * @param isotropicGaussian     z ~ N(0, I_p) exactly: the Gaussian sketch is exact for it
 * @param coordinateVariance    σ² = Var(z_0), the variance of the coordinate along μ (μ = ‖μ‖ e₀), which is also
 *                              the variance of every coordinate but a number that does not grow with p; NaN when
 *                              not declared or when the coordinates have no such common variance (e.g. variances
 *                              decaying with the index). 1 for an isotropic Gaussian.
 */
public record ClusterProperties(boolean product, double subGaussianNorm, double strongLogConcavity,
                                double kappa, boolean isotropicGaussian, double coordinateVariance) {

    public ClusterProperties {
        if (isotropicGaussian && !(coordinateVariance == 1.0) && !Double.isNaN(coordinateVariance)) {
            throw new IllegalArgumentException("an isotropic Gaussian N(0, I_p) has coordinate variance 1, declared "
                    + coordinateVariance);
        }
        if (isotropicGaussian) {
            coordinateVariance = 1.0;
        }
        if (!Double.isNaN(coordinateVariance) && !(coordinateVariance > 0 && Double.isFinite(coordinateVariance))) {
            throw new IllegalArgumentException("coordinateVariance must be a positive number or NaN, got "
                    + coordinateVariance);
        }
    }

    /**
     * Properties without a declared coordinate variance (NaN; 1 when {@code isotropicGaussian}): the
     * signal-to-noise quantities of such a cluster are reported as unknown.
     */
    public ClusterProperties(boolean product, double subGaussianNorm, double strongLogConcavity, double kappa,
                             boolean isotropicGaussian) {
        this(product, subGaussianNorm, strongLogConcavity, kappa, isotropicGaussian, Double.NaN);
    }

    /** Whether the paper's assumptions on P_clust hold: product, sub-Gaussian norm &lt;= 1, λ &gt; 0, κ &gt; 0. */
    public boolean meetsPaperAssumptions() {
        return product && subGaussianNorm <= 1.0 && strongLogConcavity > 0 && kappa > 0;
    }
}
