package org.benignlab.testkit;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterProperties;

import static org.benignlab.testkit.ActivationContract.fail;

/**
 * The contract of a {@link ClusterDistribution} (paper, Section 2.2 and Example 2.1): draws are
 * determined by the generator, the instance keeps no generator-bound state, the declared
 * properties are sane, and what they promise is seen in the draws.
 *
 * <p>What each declaration promises, and how it is checked ({@link #checkMoments}):
 * <ul>
 *   <li>always: mean-zero coordinates; E||z||^2/p &gt;= κ;</li>
 *   <li>{@code product}: independent coordinates. Checked on neighbouring pairs (j, j+1), wrapping
 *       around: the correlation of z_j and z_{j+1} and the correlation of z_j^2 and z_{j+1}^2 are 0
 *       (the second catches uncorrelated but dependent coordinates, such as a shared random scale);</li>
 *   <li>sub-Gaussian norm K (the paper's convention, in which N(0, σ^2) has norm σ: K^2 is the
 *       variance proxy, E e^{tX} &lt;= e^{t^2 K^2 / 2} for all t): each coordinate variance &lt;= K^2,
 *       so "coordinate variance &lt;= 1" whenever the paper's K &lt;= 1 holds; and E e^{t z_j} &lt;=
 *       e^{1/2} at t = ±1/K;</li>
 *   <li>strong log-concavity λ &gt; 0: a density (coordinate 0 does not repeat values), each coordinate
 *       variance &lt;= 1/λ (Brascamp-Lieb) and E e^{t z_j} &lt;= e^{1/2} at t = ±√λ (a λ-strongly
 *       log-concave law is sub-Gaussian with variance proxy 1/λ). The MGF check uses the tighter of K
 *       and 1/√λ;</li>
 *   <li>{@code isotropicGaussian}: each coordinate variance is 1 and the pooled fraction of |z_j| &lt;= 1
 *       is P(|Z| &lt;= 1) = 0.6827 (which a non-Gaussian with variance 1 misses).</li>
 *   <li>coordinate variance σ² (when declared, not NaN): the sample variance of coordinate 0, the coordinate
 *       along μ, equals σ² (two-sided, standard error from the fourth moment). The declaration scales the
 *       signal-to-noise quantities n‖μ‖⁴/(σ⁴p) of every report, so a wrong σ² misplaces a run against
 *       Theorem 3.1.</li>
 * </ul>
 * A counterexample starts with the property it breaks ({@code κ = 1}, {@code product},
 * {@code sub-Gaussian norm K = 1}, {@code strong log-concavity λ = 1}, {@code isotropic Gaussian},
 * {@code coordinate variance σ² = 1},
 * {@code mean zero}, {@code determinism}, {@code declarations}) and gives the statistic and its bound.
 *
 * <p>Statistical checks are two- or one-sided 5-sigma tests using the normal approximation with
 * the standard error estimated from the draws (or known, for the Gaussian checks). Each test fails
 * a correct distribution with probability about 5.7e-7 (two-sided) or 2.9e-7 (one-sided); a full
 * {@link #checkMoments} run makes at most 7p + 6 tests, so its failure budget is below
 * 5.7e-7 (7p + 6) (7e-5 for p = 16, 1e-4 for p = 24). The seed is an argument: pin it, and a passing
 * seed then passes for ever.
 */
public final class ClusterDistributionContract {

    /** Number of standard errors a statistic may be from its expected value. */
    public static final double SIGMAS = 5;

    /** P(|Z| &lt;= 1) for Z ~ N(0, 1). */
    private static final double P_WITHIN_ONE = 0.6826894921370859;

    /** A continuous coordinate may repeat a value in at most this fraction of draws (sampler resolution). */
    private static final double MAX_REPEATED_FRACTION = 0.01;

    private ClusterDistributionContract() {
    }

    /** {@link #checkProperties}, {@link #checkDeterminism} and {@link #checkMoments}; the first counterexample. */
    public static Optional<String> check(ClusterDistribution d, long seed, int dim, int draws) {
        Optional<String> r = checkProperties(d);
        if (r.isEmpty()) {
            r = checkDeterminism(d, seed, dim);
        }
        if (r.isEmpty()) {
            r = checkMoments(d, seed, dim, draws);
        }
        return r;
    }

    /**
     * The declared properties are non-null and sane: sub-Gaussian norm &gt; 0 or NaN, λ &gt;= 0,
     * κ finite and &gt;= 0; an isotropic Gaussian must also declare a product distribution with
     * κ &lt;= 1 (E||z||^2 = p).
     */
    public static Optional<String> checkProperties(ClusterDistribution d) {
        ClusterProperties p = d.properties();
        if (p == null) {
            return fail("declarations: properties() returned null");
        }
        if (!(Double.isNaN(p.subGaussianNorm()) || p.subGaussianNorm() > 0) || Double.isInfinite(p.subGaussianNorm())) {
            return fail("declarations: sub-Gaussian norm %s must be finite and > 0 (or NaN when not sub-Gaussian)",
                    p.subGaussianNorm());
        }
        if (!(p.strongLogConcavity() >= 0) || Double.isInfinite(p.strongLogConcavity())) {
            return fail("declarations: strong log-concavity λ = %s must be finite and >= 0", p.strongLogConcavity());
        }
        if (!(Double.isFinite(p.kappa()) && p.kappa() >= 0)) {
            return fail("declarations: κ = %s must be finite and >= 0", p.kappa());
        }
        if (!(Double.isNaN(p.coordinateVariance()) || p.coordinateVariance() > 0 && Double.isFinite(p.coordinateVariance()))) {
            return fail("declarations: coordinate variance σ² = %s must be finite and > 0 (or NaN when not declared)",
                    p.coordinateVariance());
        }
        if (p.isotropicGaussian() && !(p.product() && p.kappa() <= 1)) {
            return fail("isotropic Gaussian: declared, but product = %s, κ = %s (N(0, I) is a product with κ <= 1)",
                    p.product(), p.kappa());
        }
        return Optional.empty();
    }

    /**
     * Two generators with the same seed give bit-identical draws; a draw from another generator in
     * between does not change them (the instance holds no sampler bound to one generator); every
     * entry is finite.
     *
     * @param d    the distribution (not modified)
     * @param seed seed of the generators
     * @param dim  p, &gt;= 1
     */
    public static Optional<String> checkDeterminism(ClusterDistribution d, long seed, int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        }
        UniformRandomProvider a = TestRandom.of(seed);
        UniformRandomProvider b = TestRandom.of(seed);
        UniformRandomProvider other = TestRandom.of(~seed);
        for (int k = 0; k < 4; k++) {
            double[] za = new double[dim];
            double[] zb = new double[dim];
            double[] zo = new double[dim];
            d.sample(a, za);
            d.sample(other, zo);
            d.sample(b, zb);
            for (int j = 0; j < dim; j++) {
                if (!Double.isFinite(za[j])) {
                    return fail("determinism: draw %d has a non-finite coordinate %d: %s", k, j, za[j]);
                }
                if (Double.doubleToLongBits(za[j]) != Double.doubleToLongBits(zb[j])) {
                    return fail("determinism: draw %d differs between two generators with seed %d (a draw from a "
                            + "third generator came in between): %s vs %s", k, seed, Arrays.toString(za),
                            Arrays.toString(zb));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Moments over {@code draws} independent draws: everything in the class comment's list (see there
     * for the tolerance and the failure budget).
     *
     * @param d     the distribution (not modified)
     * @param seed  seed of the draws
     * @param dim   p, &gt;= 2
     * @param draws N, &gt;= 100 (use about 10^4 for a useful test)
     */
    public static Optional<String> checkMoments(ClusterDistribution d, long seed, int dim, int draws) {
        if (dim < 2 || draws < 100) {
            throw new IllegalArgumentException("need dim >= 2 and draws >= 100, got " + dim + " and " + draws);
        }
        ClusterProperties props = d.properties();
        double k = props.subGaussianNorm();
        double lambda = props.strongLogConcavity();
        // the tightest variance proxy the declarations imply (NaN: none)
        double proxy = Double.NaN;
        String proxySource = null;
        if (!Double.isNaN(k)) {
            proxy = k * k;
            proxySource = "sub-Gaussian norm K = " + k;
        }
        if (lambda > 0 && !(proxy <= 1 / lambda)) {
            proxy = 1 / lambda;
            proxySource = "strong log-concavity λ = " + lambda;
        }
        double t = Double.isNaN(proxy) ? Double.NaN : 1 / Math.sqrt(proxy);

        UniformRandomProvider rng = TestRandom.of(seed);
        double[] sum = new double[dim];
        double[] sum2 = new double[dim];
        double[] sum3 = new double[dim];
        double[] sum4 = new double[dim];
        double[] cross = new double[dim];   // Σ z_j z_{(j+1) mod p}
        double[] crossSq = new double[dim]; // Σ z_j^2 z_{(j+1) mod p}^2
        double normSum = 0;
        double normSumSq = 0;
        double[] mgfSum = new double[2];    // Σ over draws of the per-draw mean of e^{±t z_j}
        double[] mgfSumSq = new double[2];
        long withinOne = 0;
        Set<Double> firstValues = lambda > 0 ? new HashSet<>() : null;
        double[] z = new double[dim];
        for (int i = 0; i < draws; i++) {
            d.sample(rng, z);
            double norm2 = 0;
            double mgfPlus = 0;
            double mgfMinus = 0;
            for (int j = 0; j < dim; j++) {
                double v = z[j];
                if (!Double.isFinite(v)) {
                    return fail("finite: draw %d has a non-finite coordinate %d: %s", i, j, v);
                }
                double v2 = v * v;
                double next = z[(j + 1) % dim];
                sum[j] += v;
                sum2[j] += v2;
                sum3[j] += v2 * v;
                sum4[j] += v2 * v2;
                cross[j] += v * next;
                crossSq[j] += v2 * next * next;
                norm2 += v2;
                if (Math.abs(v) <= 1) {
                    withinOne++;
                }
                if (!Double.isNaN(t)) {
                    mgfPlus += Math.exp(t * v);
                    mgfMinus += Math.exp(-t * v);
                }
            }
            if (firstValues != null) {
                firstValues.add(z[0]);
            }
            double r = norm2 / dim;
            normSum += r;
            normSumSq += r * r;
            mgfPlus /= dim;
            mgfMinus /= dim;
            mgfSum[0] += mgfPlus;
            mgfSumSq[0] += mgfPlus * mgfPlus;
            mgfSum[1] += mgfMinus;
            mgfSumSq[1] += mgfMinus * mgfMinus;
        }
        double n = draws;
        double normMean = normSum / n;
        double normSe = Math.sqrt(Math.max(0, normSumSq / n - normMean * normMean) / (n - 1));
        if (normMean < props.kappa() - SIGMAS * normSe - 1e-12) {
            return fail("κ = %s: mean of ||z||^2/p over %d draws is %s, below the declared κ by more than %s standard "
                    + "errors (%s)", props.kappa(), draws, normMean, SIGMAS, normSe);
        }
        double[] mean = new double[dim];
        double[] var = new double[dim];
        double[] varSe = new double[dim];
        for (int j = 0; j < dim; j++) {
            double m = sum[j] / n;
            mean[j] = m;
            var[j] = Math.max(0, (sum2[j] - n * m * m) / (n - 1));
            double se = Math.sqrt(var[j] / n);
            if (Math.abs(m) > SIGMAS * se + 1e-12) {
                return fail("mean zero: coordinate %d has mean %s over %d draws, more than %s standard errors (%s) "
                        + "from 0", j, m, draws, SIGMAS, se);
            }
            // fourth central moment from the raw sums; Var(sample variance) ≈ (m4 - var^2) / N
            double m4 = sum4[j] / n - 4 * m * sum3[j] / n + 6 * m * m * sum2[j] / n - 3 * m * m * m * m;
            varSe[j] = Math.sqrt(Math.max(0, m4 - var[j] * var[j]) / n);
        }
        if (props.product()) {
            double bound = SIGMAS / Math.sqrt(n);
            int pairs = dim == 2 ? 1 : dim; // (j, j+1) for all j, wrapping: includes (p-1, 0)
            for (int j = 0; j < pairs; j++) {
                int l = (j + 1) % dim;
                double cov = cross[j] / n - mean[j] * mean[l];
                double denom = Math.sqrt(var[j] * var[l]);
                double corr = denom > 0 ? cov / denom : 0;
                if (Math.abs(corr) > bound) {
                    return fail("product: coordinates %d and %d have correlation %s over %d draws (bound %s)",
                            j, l, corr, draws, bound);
                }
                // squares: independent coordinates have independent squares
                double e2j = sum2[j] / n;
                double e2l = sum2[l] / n;
                double covSq = crossSq[j] / n - e2j * e2l;
                double denomSq = Math.sqrt(Math.max(0, sum4[j] / n - e2j * e2j) * Math.max(0, sum4[l] / n - e2l * e2l));
                double corrSq = denomSq > 0 ? covSq / denomSq : 0;
                if (Math.abs(corrSq) > bound) {
                    return fail("product: coordinates %d and %d are uncorrelated but not independent: their squares "
                            + "have correlation %s over %d draws (bound %s)", j, l, corrSq, draws, bound);
                }
            }
        }
        if (!Double.isNaN(proxy)) {
            for (int j = 0; j < dim; j++) {
                // the biased (1/N) variance: E = (N-1)/N σ^2, so a bounded coordinate such as ±1 meets its bound
                double biased = var[j] * (n - 1) / n;
                if (biased > proxy * (1 + 1e-12) + SIGMAS * varSe[j]) {
                    return fail("%s: coordinate %d has variance %s over %d draws, above the %s it allows by more "
                            + "than %s standard errors (%s)", proxySource, j, biased, draws, proxy, SIGMAS, varSe[j]);
                }
            }
            double bound = Math.exp(0.5);
            for (int s = 0; s < 2; s++) {
                double mgf = mgfSum[s] / n;
                double se = Math.sqrt(Math.max(0, mgfSumSq[s] / n - mgf * mgf) / (n - 1));
                if (mgf > bound + SIGMAS * se) {
                    return fail("%s: the mean over coordinates of E exp(t z_j) at t = %s is %s over %d draws, above "
                            + "the bound e^{t^2 %s / 2} = %s by more than %s standard errors (%s)", proxySource,
                            s == 0 ? t : -t, mgf, draws, proxy, bound, SIGMAS, se);
                }
            }
        }
        if (firstValues != null && firstValues.size() < (1 - MAX_REPEATED_FRACTION) * n) {
            return fail("strong log-concavity λ = %s: a strongly log-concave law has a density, but coordinate 0 took "
                    + "only %d distinct values in %d draws", lambda, firstValues.size(), draws);
        }
        double sigma2 = props.coordinateVariance();
        // slack SIGMAS² σ²/N for the estimated mean (a ±1 coordinate has varSe 0 but a sample variance of
        // N/(N−1)(1 − m²), off by (1 − N m²)/N with N m² ~ χ²₁)
        if (!Double.isNaN(sigma2)
                && Math.abs(var[0] - sigma2) > SIGMAS * varSe[0] + SIGMAS * SIGMAS * sigma2 / n + 1e-12 * sigma2) {
            return fail("coordinate variance σ² = %s: coordinate 0 (along μ) has variance %s over %d draws, more than "
                    + "%s standard errors (%s) from the declared σ²", sigma2, var[0], draws, SIGMAS, varSe[0]);
        }
        if (props.isotropicGaussian()) {
            double bound = SIGMAS * Math.sqrt(2 / n);
            for (int j = 0; j < dim; j++) {
                if (Math.abs(var[j] - 1) > bound) {
                    return fail("isotropic Gaussian: declared, but coordinate %d has variance %s over %d draws (bound "
                            + "|var - 1| <= %s)", j, var[j], draws, bound);
                }
            }
            double total = n * dim;
            double frac = withinOne / total;
            double fracBound = SIGMAS * Math.sqrt(P_WITHIN_ONE * (1 - P_WITHIN_ONE) / total) + 1 / total;
            if (Math.abs(frac - P_WITHIN_ONE) > fracBound) {
                return fail("isotropic Gaussian: declared, but a fraction %s of coordinates has |z_j| <= 1 (expected "
                        + "%s ± %s)", frac, P_WITHIN_ONE, fracBound);
            }
        }
        return Optional.empty();
    }
}
