package org.benignlab.distributions;

import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterDistributionProvider;
import org.benignlab.distributions.impl.DiagonalGaussian;

/** {@code gaussian-diagonal}: z ~ N(0, Σ), Σ diagonal with a spiked or power-law spectrum (Example 2.1). */
public final class GaussianDiagonalProvider extends ClusterDistributionProvider.Base<GaussianDiagonalSpec> {
    /** The provider ServiceLoader creates. */
    public GaussianDiagonalProvider() {
        super("gaussian-diagonal", GaussianDiagonalSpec.class, GaussianDiagonalProvider::instance,
                "Gaussian clusters N(0, Σ) with Σ diagonal: k spiked coordinates of variance s (the rest 1), or "
                + "variances (j+1)^-alpha.");
        note("paper_assumptions", "yes (Example 2.1) when spiked with s <= 1; no when s > 1 (norm > 1) or "
                + "power-law with alpha > 0 (κ = 0)");
    }

    private static ClusterDistribution instance(GaussianDiagonalSpec spec) {
        return spec.spectrum().equals(GaussianDiagonalSpec.SPIKED) ? DiagonalGaussian.spiked(spec.k(), spec.s())
                : DiagonalGaussian.powerLaw(spec.alpha());
    }
}
