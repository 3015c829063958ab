package org.benignlab.activations.impl;

/**
 * The smoothed leaky ReLU, equation (1) of the paper (Section 2.2), with γ in (0, 1] and H &gt; 0:
 * <pre>
 *   φ(z) = z - (1-γ)/(4H)                      for z &gt;= 1/H
 *   φ(z) = (1-γ)/4 · H z^2 + (1+γ)/2 · z       for |z| &lt;= 1/H
 *   φ(z) = γ z - (1-γ)/(4H)                    for z &lt;= -1/H
 * </pre>
 * φ'(z) = (1-γ)/2 · H z + (1+γ)/2 on |z| &lt; 1/H (1 and γ outside), φ''(z) = (1-γ)H/2 on
 * |z| &lt; 1/H and 0 outside (φ'' jumps at ±1/H; φ' is continuous). It is γ-leaky and H-smooth
 * (in fact (1-γ)H/2-smooth; the paper's H is declared) and tends to max(γz, z) as H → ∞, uniformly:
 * 0 &lt;= max(γz, z) - φ(z) &lt;= (1-γ)/(4H). Immutable and thread-safe.
 */
public final class SmoothedLeakyRelu extends LeakySmooth {
    private final double breakPoint; // 1/H
    private final double offset;     // (1-γ)/(4H)
    private final double quadratic;  // (1-γ)H/4
    private final double linear;     // (1+γ)/2

    /**
     * @param gamma leakiness γ in (0, 1]
     * @param h     smoothness H &gt; 0, finite
     */
    public SmoothedLeakyRelu(double gamma, double h) {
        super(gamma, h);
        this.breakPoint = 1 / h;
        this.offset = (1 - gamma) / (4 * h);
        this.quadratic = (1 - gamma) * h / 4;
        this.linear = (1 + gamma) / 2;
    }

    @Override
    public double value(double z) {
        if (z >= breakPoint) {
            return z - offset;
        }
        if (z <= -breakPoint) {
            return gamma * z - offset;
        }
        return z * (quadratic * z + linear);
    }

    /**
     * φ'(z) = (1-γ)/2 · H z + (1+γ)/2 clamped to [γ, 1]: the line is exactly 1 at z = 1/H and γ at z = -1/H, so
     * the clamp gives 1 and γ outside without a branch (within a rounding error of 1 at z = 1/H itself; ±∞ give 1
     * and γ, NaN gives NaN). Branch-free on purpose: the training loop evaluates it n·m times a step on values
     * scattered around ±1/H, where the branches mispredict; without them the loop vectorises
     * (benchmarks/README.md, "Figures moved from the code comments").
     */
    @Override
    public double derivative(double z) {
        return Math.min(1, Math.max(gamma, 2 * quadratic * z + linear));
    }

    /** (1-γ)H/2 on |z| &lt; 1/H, 0 elsewhere (the outer one-sided value at ±1/H). */
    @Override
    public double secondDerivative(double z) {
        return Math.abs(z) < breakPoint ? 2 * quadratic : 0;
    }
}
