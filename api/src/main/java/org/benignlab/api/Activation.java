package org.benignlab.api;

import java.util.OptionalDouble;

/**
 * The hidden-layer activation φ of the network f(x; W) = Σ_j a_j φ(&lt;w_j, x&gt;) (paper, Section 2.2).
 * The paper asks φ(0) = 0, 0 &lt; γ &lt;= φ' &lt;= 1 (γ-leaky, hence strictly increasing and 1-Lipschitz)
 * and |φ''| &lt;= H (H-smooth). An implementation declares γ and H when it has them; the testkit
 * contract checks the declarations against the functions.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface Activation {

    /** φ(z). */
    double value(double z);

    /** φ'(z); at a kink, either one-sided derivative. */
    double derivative(double z);

    /** φ''(z); zero on linear pieces, either one-sided value at a break point. */
    double secondDerivative(double z);

    /** γ with γ &lt;= φ'(z) for all z, when the activation is leaky (γ &gt; 0); empty otherwise. */
    OptionalDouble leakiness();

    /** H with |φ''(z)| &lt;= H for all z, when φ is smooth; empty when φ has kinks. */
    OptionalDouble smoothness();

    /** Points where φ is not differentiable (empty for a smooth activation). */
    default double[] kinks() {
        return new double[0];
    }
}
