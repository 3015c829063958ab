package org.benignlab.activations.impl;

/**
 * The leaky softplus, with γ in (0, 1], H &gt; 0 and sharpness β = 4H:
 * <pre>
 *   φ(z)   = γ z + (1-γ) (softplus(β z) - log 2) / β        softplus(x) = log(1 + e^x)
 *   φ'(z)  = γ + (1-γ) σ(β z)                               σ(x) = 1/(1 + e^-x)
 *   φ''(z) = (1-γ) β σ(β z) (1 - σ(β z))
 * </pre>
 * φ(0) = 0, φ' in (γ, 1), 0 &lt; φ'' &lt;= (1-γ)β/4 = (1-γ)H &lt;= H (the maximum is at z = 0): γ-leaky and
 * H-smooth, with every derivative continuous (unlike equation (1) of the paper, whose φ'' jumps at
 * ±1/H). With H = 1/4, φ(z) = γz + (1-γ)(softplus(z) - log 2). As H → ∞ it tends to max(γz, z),
 * uniformly: 0 &lt;= max(γz, z) - φ(z) &lt;= (1-γ) log 2 / (4H).
 *
 * <p>Numerics: softplus(x) - log 2 = max(x, 0) + log1p(expm1(-|x|)/2), exact to rounding near 0 and
 * free of overflow; σ(x)(1 - σ(x)) = e/(1 + e)² with e = exp(-|x|). Immutable and thread-safe.
 */
public final class SoftplusLeaky extends LeakySmooth {
    private final double beta;

    /**
     * @param gamma leakiness γ in (0, 1]
     * @param h     smoothness H &gt; 0 with 4H finite
     */
    public SoftplusLeaky(double gamma, double h) {
        super(gamma, h);
        this.beta = 4 * h;
    }

    @Override
    public double value(double z) {
        double x = beta * z;
        double shifted = Math.max(x, 0) + Math.log1p(Math.expm1(-Math.abs(x)) / 2); // softplus(x) - log 2
        return gamma * z + (1 - gamma) * shifted / beta;
    }

    /** γ + (1-γ)σ(βz), clamped to [γ, 1] against rounding. */
    @Override
    public double derivative(double z) {
        double s = 1 / (1 + Math.exp(-beta * z));
        return Math.min(1, Math.max(gamma, gamma + (1 - gamma) * s));
    }

    @Override
    public double secondDerivative(double z) {
        double e = Math.exp(-Math.abs(beta * z));
        double d = 1 + e;
        return (1 - gamma) * beta * e / (d * d);
    }
}
