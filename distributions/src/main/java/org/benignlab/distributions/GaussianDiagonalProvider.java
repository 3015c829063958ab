package org.benignlab.distributions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterDistributionProvider;
import org.benignlab.distributions.impl.DiagonalGaussian;

/** {@code gaussian-diagonal}: z ~ N(0, Σ), Σ diagonal with a spiked or power-law spectrum (Example 2.1). */
public final class GaussianDiagonalProvider implements ClusterDistributionProvider<GaussianDiagonalSpec> {

    @Override
    public String type() {
        return "gaussian-diagonal";
    }

    @Override
    public Class<GaussianDiagonalSpec> specType() {
        return GaussianDiagonalSpec.class;
    }

    @Override
    public GaussianDiagonalSpec exampleSpec() {
        return new GaussianDiagonalSpec(null, null, null, null);
    }

    @Override
    public ClusterDistribution create(GaussianDiagonalSpec spec) {
        return spec.spectrum().equals(GaussianDiagonalSpec.SPIKED) ? DiagonalGaussian.spiked(spec.k(), spec.s())
                : DiagonalGaussian.powerLaw(spec.alpha());
    }

    @Override
    public String description() {
        return "Gaussian clusters N(0, Σ) with Σ diagonal: k spiked coordinates of variance s (the rest 1), or "
                + "variances (j+1)^-alpha.";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("product", "yes");
        p.put("sub_gaussian_norm", "sqrt of the largest variance: sqrt(max(s, 1)) spiked, 1 power-law");
        p.put("strong_log_concavity", "1 / largest variance: 1/max(s, 1) spiked, 1 power-law");
        p.put("kappa", "smallest variance: min(s, 1) spiked; 0 power-law with alpha > 0 (E||z||²/p → 0 as p grows)");
        p.put("coordinate_variance", "none (unequal variances) unless s = 1 spiked or alpha = 0 power-law: 1");
        p.put("isotropic_gaussian", "no (the Gaussian sketch does not apply)");
        p.put("paper_assumptions", "yes (Example 2.1) when spiked with s <= 1; no when s > 1 (norm > 1) or "
                + "power-law with alpha > 0 (κ = 0)");
        return Collections.unmodifiableMap(p);
    }
}
