package org.benignlab.distributions.impl;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterProperties;

/**
 * z ~ N(0, Σ) with Σ = diag(σ_0², ..., σ_{p-1}²), Example 2.1 of the paper with a diagonal covariance.
 * Two spectra, over the coordinates j = 0, ..., p-1 (the class mean μ lies along coordinate 0):
 * <ul>
 *   <li>spiked: σ_j² = s for the last k coordinates (j &gt;= p - k, so orthogonal to μ when k &lt; p) and 1
 *       for the others;</li>
 *   <li>power law: σ_j² = (j + 1)^-α, α &gt;= 0 (the largest variance, 1, is along μ).</li>
 * </ul>
 *
 * <p>Declared properties, in the paper's terms (Section 2.2, Example 2.1). Sub-Gaussian norm in the
 * paper's convention, under which N(0, σ²) has norm σ (the square root of the variance proxy,
 * inf{K : E e^{tX} &lt;= e^{t²K²/2} for all t}; this is the convention in which Example 2.1's Gaussians
 * with ||Σ||₂ &lt;= 1 have norm &lt;= 1): the largest σ_j, i.e. sqrt(max(s, 1)) spiked and 1 power-law.
 * Strong log-concavity λ = 1/||Σ||₂ (the Hessian of -log density is Σ^-1): 1/max(s, 1) spiked, 1
 * power-law. κ = the smallest variance, ||Σ^-1||₂^-1 as in Example 2.1, valid for every p: min(s, 1)
 * spiked; for the power law with α &gt; 0 the variances decay to 0, E||z||²/p → 0 as p grows, and no
 * κ &gt; 0 holds for every p, so κ = 0 (α = 0 is N(0, I): κ = 1). Not declared an isotropic Gaussian
 * even when s = 1 or α = 0: only {@code gaussian} uses the sketch.
 *
 * <p>Coordinates are exact normals from Commons RNG's ziggurat sampler, built inside {@link #sample}
 * from the generator passed in, times σ_j. The standard deviations for the last p seen are cached in a
 * volatile field (recomputed when p changes; two threads may both compute the same array, which is
 * harmless), so the draws depend only on the generator and the instance is thread-safe.
 */
public final class DiagonalGaussian implements ClusterDistribution {
    private final boolean spiked;
    private final int k;
    private final double s;
    private final double alpha;
    private final ClusterProperties properties;
    private volatile double[] sdCache = new double[0];

    private DiagonalGaussian(boolean spiked, int k, double s, double alpha, ClusterProperties properties) {
        this.spiked = spiked;
        this.k = k;
        this.s = s;
        this.alpha = alpha;
        this.properties = properties;
    }

    /**
     * The last k coordinates have variance s, the others 1.
     *
     * @param k number of spiked coordinates, &gt;= 1
     * @param s their variance, finite and &gt; 0
     */
    public static DiagonalGaussian spiked(int k, double s) {
        double max = Math.max(s, 1);
        return new DiagonalGaussian(true, k, s, Double.NaN,
                new ClusterProperties(true, Math.sqrt(max), 1 / max, Math.min(s, 1), false,
                        s == 1 ? 1.0 : Double.NaN)); // unequal variances (z_0 too when p <= k): no common σ²
    }

    /**
     * Coordinate j has variance (j + 1)^-alpha.
     *
     * @param alpha the exponent, finite and &gt;= 0
     */
    public static DiagonalGaussian powerLaw(double alpha) {
        return new DiagonalGaussian(false, 0, Double.NaN, alpha,
                new ClusterProperties(true, 1, 1, alpha == 0 ? 1 : 0, false, alpha == 0 ? 1.0 : Double.NaN)); // no common σ² when the variances decay
    }

    /** σ_j² for coordinate j of p. */
    public double variance(int j, int p) {
        if (j < 0 || j >= p) {
            throw new IndexOutOfBoundsException("coordinate " + j + " of p = " + p);
        }
        if (spiked) {
            return j >= p - k ? s : 1;
        }
        return Math.pow(j + 1.0, -alpha);
    }

    private double[] standardDeviations(int p) {
        double[] sd = sdCache;
        if (sd.length != p) {
            sd = new double[p];
            for (int j = 0; j < p; j++) {
                sd[j] = Math.sqrt(variance(j, p));
            }
            sdCache = sd;
        }
        return sd;
    }

    @Override
    public void sample(UniformRandomProvider rng, double[] out) {
        double[] sd = standardDeviations(out.length);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int i = 0; i < out.length; i++) {
            out[i] = sd[i] * normal.sample();
        }
    }

    @Override
    public ClusterProperties properties() {
        return properties;
    }

    @Override
    public String toString() {
        return spiked ? "DiagonalGaussian[spiked, k=" + k + ", s=" + s + "]"
                : "DiagonalGaussian[power-law, alpha=" + alpha + "]";
    }
}
