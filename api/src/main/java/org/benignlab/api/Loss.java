package org.benignlab.api;

/**
 * A margin loss ℓ(z) of z = y f(x) (paper, Section 2.2: logistic ℓ(z) = log(1 + e^-z)).
 * Implementations are stateless, thread-safe and numerically stable for large |z|.
 */
public interface Loss {

    /** ℓ(z). */
    double value(double z);

    /** ℓ'(z). */
    double derivative(double z);

    /** g(z) = -ℓ'(z), the paper's surrogate of the 0-1 loss for the logistic loss. */
    default double g(double z) {
        return -derivative(z);
    }

    /**
     * log g(z), for ratios and products of g that leave double precision (g(700) ≈ 1e-304 for the logistic
     * loss: the product of two such values is 0). The default is {@code Math.log(g(z))}, which is −∞ once g
     * underflows to 0; a loss whose g has a closed-form logarithm overrides it so it stays finite.
     */
    default double logG(double z) {
        return Math.log(g(z));
    }
}
