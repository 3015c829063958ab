package org.benignlab.reports;

/**
 * What a run's plugins declared, as recorded in summary.json {@code declared} (null where a run's files do not
 * say). The theory overlays are computed from these, not from the plugins' YAML names: the coordinate variance
 * σ² scales n‖μ‖⁴/p and the bound, λ = 0 leaves the bound undefined, and the Bayes error is exact only for an
 * isotropic Gaussian cluster with no noise or independent random flips.
 *
 * @param coordinateVariance σ², the cluster's coordinate variance
 * @param subGaussianNorm    K, the cluster's sub-Gaussian norm
 * @param lambda             λ, the cluster's strong log-concavity (0: not strongly log-concave)
 * @param isotropicGaussian  whether the cluster is N(0, I_p)
 * @param noiseType          the label-noise model's type key
 * @param noiseAdversarial   whether the noise model declares itself adversarial
 * @param gamma              the activation's leakiness γ
 * @param h                  the activation's smoothness H
 * @param signalType         the signal model's type key, null for the default one mean (no {@code signal} block)
 * @param signalBayesClean   the signal model's declared clean Bayes error for N(0, I_p) clusters at the run's ‖μ‖
 *                           (null: not declared; unused for one mean, whose Bayes error is Φ(−‖μ‖/σ))
 */
record Declared(Double coordinateVariance, Double subGaussianNorm, Double lambda, Boolean isotropicGaussian,
        String noiseType, Boolean noiseAdversarial, Double gamma, Double h, String signalType,
        Double signalBayesClean) {

    /** The declarations of a run of the default signal model, one mean. */
    Declared(Double coordinateVariance, Double subGaussianNorm, Double lambda, Boolean isotropicGaussian,
             String noiseType, Boolean noiseAdversarial, Double gamma, Double h) {
        this(coordinateVariance, subGaussianNorm, lambda, isotropicGaussian, noiseType, noiseAdversarial, gamma, h,
                null, null);
    }

    /** Whether the signal model is the paper's one mean (no other declared). */
    boolean oneMean() {
        return signalType == null;
    }

    /** Nothing recorded. */
    static final Declared NONE = new Declared(null, null, null, null, null, null, null, null);

    /** Whether nothing is recorded. */
    boolean isEmpty() {
        return equals(NONE);
    }

    /** This with the noise type set when it is not recorded. */
    Declared withNoiseType(String type) {
        return noiseType != null || type == null ? this : new Declared(coordinateVariance, subGaussianNorm, lambda,
                isotropicGaussian, type, noiseAdversarial, gamma, h, signalType, signalBayesClean);
    }
}
