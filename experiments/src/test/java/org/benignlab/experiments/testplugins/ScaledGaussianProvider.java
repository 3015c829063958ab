package org.benignlab.experiments.testplugins;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterDistributionProvider;
import org.benignlab.api.ClusterProperties;

/**
 * Test-only cluster {@code test-scaled-gaussian}: z ~ N(0, σ² I_p), declaring sub-Gaussian norm σ, λ = 1/σ²,
 * κ = σ² and coordinate variance σ². Not registered on the test class path: a test puts its name in a jar's
 * services file and passes the jar with {@code --plugins}.
 */
public final class ScaledGaussianProvider extends ClusterDistributionProvider.Base<ScaledGaussianProvider.Spec> {

    /** @param sigma the coordinate standard deviation σ (default 1) */
    public record Spec(Double sigma) {
        public static final Spec EXAMPLE = new Spec(2.0);

        public Spec {
            sigma = sigma == null ? 1.0 : sigma;
        }
    }

    public ScaledGaussianProvider() {
        super("test-scaled-gaussian", Spec.class, ScaledGaussianProvider::cluster,
                "Test only: N(0, sigma^2 I) clusters declaring their variance.");
        note("paper_assumptions", "when sigma <= 1");
    }

    private static ClusterDistribution cluster(Spec spec) {
        double s = spec.sigma();
        ClusterProperties props = new ClusterProperties(true, s, 1 / (s * s), s * s, false, s * s);
        return new ClusterDistribution() {
            @Override
            public void sample(UniformRandomProvider rng, double[] out) {
                ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
                for (int j = 0; j < out.length; j++) {
                    out[j] = s * g.sample();
                }
            }

            @Override
            public ClusterProperties properties() {
                return props;
            }
        };
    }
}
