package org.benignlab.reports;

/**
 * The reference curves of MODEL.md, "Claims to check empirically": the Bayes error for isotropic Gaussian
 * clusters with random flips and the test-error bound of Theorem 3.1 (2), with ‖μ‖ measured against the
 * clusters' coordinate standard deviation σ (σ = 1 in the paper's Example 2.1).
 */
public final class Theory {
    private Theory() {
    }

    /** Bayes error on noisy labels, η + (1 − 2η) Φ(−‖μ‖), for N(0, I_p) clusters and random flips. */
    public static double bayesError(double eta, double mu) {
        return bayesError(eta, mu, 1.0);
    }

    /**
     * Bayes error on noisy labels for clusters N(0, σ² I_p) with independent random flips of rate η (also η = 0):
     * η + (1 − 2η) Φ(−‖μ‖/σ). Exact only there: the best classifier is sign⟨x, μ⟩, whose clean error is
     * Φ(−‖μ‖/σ), and a flip independent of x turns a clean error e into η + (1 − 2η) e. Not the Bayes error for
     * other clusters or for noise that depends on x or on the class (margin-adversarial, class-conditional).
     *
     * @param variance σ²
     */
    public static double bayesError(double eta, double mu, double variance) {
        return eta + (1 - 2 * eta) * bayesErrorClean(mu, variance);
    }

    /** Bayes error on clean labels, Φ(−‖μ‖), for N(0, I_p) clusters. */
    public static double bayesErrorClean(double mu) {
        return bayesErrorClean(mu, 1.0);
    }

    /** Bayes error on clean labels, Φ(−‖μ‖/σ), for N(0, σ² I_p) clusters. */
    public static double bayesErrorClean(double mu, double variance) {
        return Stats.standardNormal().cumulativeProbability(-mu / Math.sqrt(variance));
    }

    /**
     * The Bayes error on clean labels of a configuration: Φ(−‖μ‖/σ) for one mean, else what its signal model declared
     * for N(0, I_p) clusters (NaN when it declared none). Meaningful only where {@link #bayesNote} is empty.
     */
    static double bayesErrorClean(Configuration c) {
        Declared d = c.declared();
        if (d.oneMean()) {
            Double v = d.coordinateVariance();
            return bayesErrorClean(c.mu(), v == null ? Double.NaN : v);
        }
        return d.signalBayesClean() == null ? Double.NaN : d.signalBayesClean();
    }

    /** The Bayes error on noisy labels of a configuration: η + (1 − 2η) {@link #bayesErrorClean(Configuration)}. */
    static double bayesError(Configuration c) {
        return c.eta() + (1 - 2 * c.eta()) * bayesErrorClean(c);
    }

    /** Theorem 3.1 (2): η + 2 exp(−n ‖μ‖⁴ / (C p)), for σ² = 1. */
    public static double bound(double eta, double n, double p, double mu, double c) {
        return bound(eta, n, p, mu, c, 1.0);
    }

    /** Theorem 3.1 (2) with ‖μ‖ against σ: η + 2 exp(−n ‖μ‖⁴ / (C σ⁴ p)). */
    public static double bound(double eta, double n, double p, double mu, double c, double variance) {
        return eta + 2 * Math.exp(-signal(n, p, mu, variance) / c);
    }

    /** n (‖μ‖²/σ²)² / p: n‖μ‖⁴/p in units of the coordinate variance σ² (NaN when σ² is NaN). */
    public static double signal(double n, double p, double mu, double variance) {
        double snr = mu * mu / variance;
        return n * snr * snr / p;
    }

    /** Noise models under which η + (1 − 2η)Φ(−‖μ‖/σ) is the Bayes error: no noise, independent random flips. */
    static final java.util.Set<String> BAYES_NOISE = java.util.Set.of("none", "random-flip");

    /**
     * Why the Bayes-error curve is not drawn for a configuration, or the empty string when it is exact there:
     * clusters declared N(0, I_p) with a declared variance, no label noise or independent random flips, and a signal
     * model that is one mean or declares its Bayes error.
     */
    static String bayesNote(Configuration c) {
        Declared d = c.declared();
        if (d.isotropicGaussian() == null) {
            return "the run's files do not record the cluster's declared properties";
        }
        if (!d.isotropicGaussian() || d.coordinateVariance() == null) {
            return "the clusters are not declared isotropic Gaussian";
        }
        if (!d.oneMean() && d.signalBayesClean() == null) {
            return "signal model " + d.signalType() + " declares no Bayes error";
        }
        if (d.noiseType() == null || !BAYES_NOISE.contains(d.noiseType())) {
            return "the label noise (" + (d.noiseType() == null ? "not recorded" : d.noiseType())
                    + ") is not independent random flips";
        }
        return "";
    }

    /** Why Theorem 3.1's bound and n‖μ‖⁴/(σ⁴p) are not given for a configuration, or the empty string. */
    static String boundNote(Configuration c) {
        Declared d = c.declared();
        if (d.isEmpty()) {
            return "the run's files do not record the cluster's declared properties";
        }
        if (!d.oneMean()) {
            return "signal model " + d.signalType() + ": Theorem 3.1 is stated for one mean";
        }
        if (d.lambda() != null && d.lambda() == 0) {
            return "the clusters are not strongly log-concave (λ = 0): Theorem 3.1 does not apply";
        }
        if (d.coordinateVariance() == null) {
            return "the clusters declare no coordinate variance σ²";
        }
        return "";
    }
}
