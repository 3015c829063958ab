package org.benignlab.reports;

/**
 * The reference curves of MODEL.md, "Claims to check empirically": the Bayes error for Gaussian
 * clusters with random flips and the test-error bound of Theorem 3.1 (2).
 */
public final class Theory {
    private Theory() {
    }

    /** Bayes error on noisy labels, η + (1 − 2η) Φ(−‖μ‖), for Gaussian clusters and random flips. */
    public static double bayesError(double eta, double mu) {
        return eta + (1 - 2 * eta) * Stats.standardNormal().cumulativeProbability(-mu);
    }

    /** Bayes error on clean labels, Φ(−‖μ‖), for Gaussian clusters. */
    public static double bayesErrorClean(double mu) {
        return Stats.standardNormal().cumulativeProbability(-mu);
    }

    /** Theorem 3.1 (2): η + 2 exp(−n ‖μ‖⁴ / (C p)). */
    public static double bound(double eta, double n, double p, double mu, double c) {
        return eta + 2 * Math.exp(-n * Math.pow(mu, 4) / (c * p));
    }
}
