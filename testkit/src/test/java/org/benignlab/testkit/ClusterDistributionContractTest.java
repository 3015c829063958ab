package org.benignlab.testkit;

import static org.benignlab.testkit.Counterexamples.assertFailsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterProperties;
import org.junit.jupiter.api.Test;

/** The cluster contract accepts N(0, I) and an honest non-Gaussian, and rejects false declarations. */
class ClusterDistributionContractTest {

    static final ClusterProperties ISO = new ClusterProperties(true, 1, 1, 1, true);
    static final long SEED = 20220205L;
    static final int DIM = 12;
    static final int DRAWS = 20_000;

    /** Box-Muller (no cached second value), scaled and shifted; mixing > 0 correlates neighbours. */
    record Gaussian(double sd, double shift, double mixing, ClusterProperties props) implements ClusterDistribution {
        public void sample(UniformRandomProvider rng, double[] out) {
            for (int j = 0; j < out.length; j++) {
                out[j] = normal(rng);
            }
            if (mixing > 0) {
                double first = out[0];
                for (int j = 0; j < out.length; j++) {
                    double next = j + 1 < out.length ? out[j + 1] : first;
                    out[j] = (out[j] + mixing * next) / Math.sqrt(1 + mixing * mixing);
                }
            }
            for (int j = 0; j < out.length; j++) {
                out[j] = sd * out[j] + shift;
            }
        }

        public ClusterProperties properties() {
            return props;
        }
    }

    static double normal(UniformRandomProvider rng) {
        double u = 1 - rng.nextDouble(); // (0, 1]
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** Uniform on [-sqrt 3, sqrt 3]: variance 1, not Gaussian. */
    record Uniform(ClusterProperties props) implements ClusterDistribution {
        public void sample(UniformRandomProvider rng, double[] out) {
            for (int j = 0; j < out.length; j++) {
                out[j] = Math.sqrt(3) * (2 * rng.nextDouble() - 1);
            }
        }

        public ClusterProperties properties() {
            return props;
        }
    }

    /** Keeps the first generator it sees (the mistake the contract must catch). */
    static final class BoundToFirstGenerator implements ClusterDistribution {
        private UniformRandomProvider bound;

        public synchronized void sample(UniformRandomProvider rng, double[] out) {
            if (bound == null) {
                bound = rng;
            }
            for (int j = 0; j < out.length; j++) {
                out[j] = normal(bound);
            }
        }

        public ClusterProperties properties() {
            return ISO;
        }
    }

    /** A product of i.i.d. coordinates drawn by {@code coordinate}. */
    record Product(java.util.function.ToDoubleFunction<UniformRandomProvider> coordinate, ClusterProperties props)
            implements ClusterDistribution {
        public void sample(UniformRandomProvider rng, double[] out) {
            for (int j = 0; j < out.length; j++) {
                out[j] = coordinate.applyAsDouble(rng);
            }
        }

        public ClusterProperties properties() {
            return props;
        }
    }

    static double rademacher(UniformRandomProvider rng) {
        return rng.nextBoolean() ? 1 : -1;
    }

    /** Laplace with unit variance (scale 1/√2). */
    static double laplace(UniformRandomProvider rng) {
        double e = -Math.log1p(-rng.nextDouble());
        return (rng.nextBoolean() ? e : -e) / Math.sqrt(2);
    }

    /** z = r g with g ~ N(0, I) and one random scale r in {0.5, 1.5} per draw: uncorrelated, not independent. */
    record ScaleMixture(ClusterProperties props) implements ClusterDistribution {
        public void sample(UniformRandomProvider rng, double[] out) {
            double r = rng.nextBoolean() ? 0.5 : 1.5;
            for (int j = 0; j < out.length; j++) {
                out[j] = r * normal(rng);
            }
        }

        public ClusterProperties properties() {
            return props;
        }
    }

    /** The check of {@code d} fails on the property its counterexample starts with, naming {@code fragment}. */
    static void assertFailsAt(ClusterDistribution d, String property, String fragment) {
        Optional<String> r = ClusterDistributionContract.check(d, SEED, DIM, DRAWS);
        assertFailsWith(r, fragment);
        assertTrue(r.get().startsWith(property), r.get());
    }

    @Test
    void honestDistributionsPass() {
        assertEquals(Optional.empty(), ClusterDistributionContract.check(new Gaussian(1, 0, 0, ISO), SEED, DIM, DRAWS));
        ClusterProperties uniform = new ClusterProperties(true, Double.NaN, 0, 1, false);
        assertEquals(Optional.empty(), ClusterDistributionContract.check(new Uniform(uniform), SEED, DIM, DRAWS));
    }

    @Test
    void honestNonGaussianProductsPass() {
        assertEquals(Optional.empty(), ClusterDistributionContract.check(
                new Product(ClusterDistributionContractTest::rademacher, new ClusterProperties(true, 1, 0, 1, false)),
                SEED, DIM, DRAWS));
        // uniform on [-√3, √3] is strictly sub-Gaussian: norm 1 in the variance-proxy convention
        assertEquals(Optional.empty(), ClusterDistributionContract.check(
                new Uniform(new ClusterProperties(true, 1, 0, 1, false)), SEED, DIM, DRAWS));
        assertEquals(Optional.empty(), ClusterDistributionContract.check(
                new Product(ClusterDistributionContractTest::laplace, new ClusterProperties(true, Double.NaN, 0, 1, false)),
                SEED, DIM, DRAWS));
        // N(0, 4): norm 2, λ = 1/4
        assertEquals(Optional.empty(), ClusterDistributionContract.check(
                new Gaussian(2, 0, 0, new ClusterProperties(true, 2, 0.25, 1, false)), SEED, DIM, DRAWS));
    }

    @Test
    void dependentButUncorrelatedCoordinatesAreCaught() {
        ClusterProperties props = new ClusterProperties(true, Double.NaN, 0, 1, false);
        assertFailsAt(new ScaleMixture(props), "product: ", "not independent");
        // the same draws pass when the distribution does not claim to be a product
        assertEquals(Optional.empty(), ClusterDistributionContract.check(
                new ScaleMixture(new ClusterProperties(false, Double.NaN, 0, 1, false)), SEED, DIM, DRAWS));
    }

    @Test
    void heavyTailsClaimingSubGaussianNormOneAreCaught() {
        assertFailsAt(
                new Product(ClusterDistributionContractTest::laplace, new ClusterProperties(true, 1, 0, 1, false)),
                "sub-Gaussian norm K = 1.0: ", "E exp(t z_j)");
    }

    @Test
    void varianceAboveTheDeclaredNormIsCaught() {
        // N(0, 1.44) declaring the paper's K = 1: coordinate variance <= 1 fails
        assertFailsAt(new Gaussian(1.2, 0, 0, new ClusterProperties(true, 1, 0, 1, false)),
                "sub-Gaussian norm K = 1.0: ", "variance");
        // N(0, 4) declaring K = 2 (true) but λ = 1 (false: λ is at most 1/4)
        Optional<String> l = ClusterDistributionContract.check(
                new Gaussian(2, 0, 0, new ClusterProperties(true, 2, 1, 1, false)), SEED, DIM, DRAWS);
        assertTrue(l.orElseThrow().startsWith("strong log-concavity λ = 1.0: "), l.get());
    }

    @Test
    void declaredCoordinateVarianceIsCheckedAgainstTheDraws() {
        // N(0, 4): sub-Gaussian norm 2, λ = 1/4, σ² = 4 declared truthfully passes
        assertEquals(Optional.empty(), ClusterDistributionContract.check(
                new Gaussian(2, 0, 0, new ClusterProperties(true, 2, 0.25, 1, false, 4.0)), SEED, DIM, DRAWS));
        // the same draws declaring σ² = 1 (the unit-variance assumption the reports used to make) fail
        Optional<String> r = ClusterDistributionContract.check(
                new Gaussian(2, 0, 0, new ClusterProperties(true, 2, 0.25, 1, false, 1.0)), SEED, DIM, DRAWS);
        assertTrue(r.orElseThrow().startsWith("coordinate variance σ² = 1.0: "), r.get());
        // not declared (NaN): nothing to check
        assertEquals(Optional.empty(), ClusterDistributionContract.check(
                new Gaussian(2, 0, 0, new ClusterProperties(true, 2, 0.25, 1, false)), SEED, DIM, DRAWS));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ClusterProperties(true, 1, 1, 1, false, Double.POSITIVE_INFINITY));
    }

    @Test
    void discreteDistributionClaimingLogConcavityIsCaught() {
        assertFailsAt(
                new Product(ClusterDistributionContractTest::rademacher, new ClusterProperties(true, 1, 1, 1, false)),
                "strong log-concavity λ = 1.0: ", "only 2 distinct values");
    }

    @Test
    void nonGaussianClaimingToBeGaussianIsCaught() {
        assertFailsWith(ClusterDistributionContract.check(new Uniform(ISO), SEED, DIM, DRAWS), "|z_j| <= 1");
    }

    @Test
    void overstatedKappaIsCaught() {
        ClusterProperties props = new ClusterProperties(true, 1, 1, 1, false);
        assertFailsWith(ClusterDistributionContract.check(new Gaussian(Math.sqrt(0.8), 0, 0, props), SEED, DIM, DRAWS),
                "κ");
    }

    @Test
    void wrongVarianceOfAnIsotropicGaussianIsCaught() {
        ClusterProperties props = new ClusterProperties(true, 1, 1, 0.5, true);
        assertFailsWith(ClusterDistributionContract.check(new Gaussian(0.9, 0, 0, props), SEED, DIM, DRAWS), "variance");
    }

    @Test
    void nonZeroMeanIsCaught() {
        assertFailsWith(ClusterDistributionContract.check(new Gaussian(1, 0.1, 0, ISO), SEED, DIM, DRAWS), "mean");
    }

    @Test
    void correlatedCoordinatesClaimingProductAreCaught() {
        assertFailsWith(ClusterDistributionContract.check(new Gaussian(1, 0, 1, ISO), SEED, DIM, DRAWS), "correlation");
    }

    @Test
    void samplerBoundToOneGeneratorIsCaught() {
        assertFailsWith(ClusterDistributionContract.check(new BoundToFirstGenerator(), SEED, DIM, DRAWS), "differs");
    }

    @Test
    void insaneDeclarationsAreCaught() {
        assertFailsWith(ClusterDistributionContract.checkProperties(new Gaussian(1, 0, 0,
                new ClusterProperties(false, 1, 1, 1, true))), "isotropic");
        assertFailsWith(ClusterDistributionContract.checkProperties(new Gaussian(1, 0, 0,
                new ClusterProperties(true, -1, 1, 1, false))), "sub-Gaussian");
    }
}
