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

    /**
     * log ℓ(z), for the train loss once it leaves double precision (the logistic loss is below 1e-308 for margins
     * above 709, where ℓ itself rounds to 0 but log ℓ ≈ −z is still exact). The default is
     * {@code Math.log(value(z))}, −∞ once ℓ is 0 (underflowed, or truly 0 as for the hinge loss); a loss with a
     * closed-form logarithm overrides it so it stays finite.
     */
    default double logValue(double z) {
        return Math.log(value(z));
    }
}
