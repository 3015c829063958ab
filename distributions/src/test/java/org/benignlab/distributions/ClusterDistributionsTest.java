package org.benignlab.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterProperties;
import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.NoSpec;
import org.benignlab.distributions.impl.DiagonalGaussian;
import org.benignlab.testkit.junit.ContractAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * gaussian-diagonal, rademacher, uniform and laplace: specs, declared properties, and the moments
 * that tell them apart. Statistical checks pin their seed and use 5 standard errors (failure budget
 * about 6e-7 each).
 */
class ClusterDistributionsTest {

    static final long SEED = 0x5eed_0103L;

    static ClusterDistribution diagonal(String spectrum, Integer k, Double s, Double alpha) {
        GaussianDiagonalProvider p = new GaussianDiagonalProvider();
        return p.create(new GaussianDiagonalSpec(spectrum, k, s, alpha));
    }

    /** Per-coordinate sums of z, z², z⁴ over {@code draws} draws of dimension p. */
    static double[][] moments(ClusterDistribution d, long seed, int p, int draws) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] m = new double[3][p];
        double[] z = new double[p];
        for (int i = 0; i < draws; i++) {
            d.sample(rng, z);
            for (int j = 0; j < p; j++) {
                m[0][j] += z[j];
                m[1][j] += z[j] * z[j];
                m[2][j] += z[j] * z[j] * z[j] * z[j];
            }
        }
        for (double[] row : m) {
            for (int j = 0; j < p; j++) {
                row[j] /= draws;
            }
        }
        return m;
    }

    @Test
    void spikedSpectrumPutsVarianceSOnTheLastKCoordinates() {
        int p = 8;
        int draws = 40_000;
        ClusterDistribution d = diagonal(null, 3, 0.25, null);
        double[][] m = moments(d, SEED, p, draws);
        for (int j = 0; j < p; j++) {
            double expected = j >= p - 3 ? 0.25 : 1;
            // Var of the sample second moment of N(0, σ²) is 2σ⁴/N
            assertEquals(expected, m[1][j], 5 * Math.sqrt(2 * expected * expected / draws), "coordinate " + j);
            assertEquals(expected, ((DiagonalGaussian) d).variance(j, p));
        }
        ClusterProperties c = d.properties();
        assertEquals(1.0, c.subGaussianNorm());
        assertEquals(1.0, c.strongLogConcavity());
        assertEquals(0.25, c.kappa());
        assertTrue(c.meetsPaperAssumptions(), "s <= 1: Example 2.1 with ||Σ|| = 1, κ = s");
        assertFalse(c.isotropicGaussian());
        ClusterProperties big = diagonal("spiked", 1, 4.0, null).properties();
        assertEquals(2.0, big.subGaussianNorm());
        assertEquals(0.25, big.strongLogConcavity());
        assertEquals(1.0, big.kappa());
        assertFalse(big.meetsPaperAssumptions(), "s > 1 breaks sub-Gaussian norm <= 1");
    }

    @Test
    void powerLawSpectrumDecaysAndDeclaresKappaZero() {
        int p = 6;
        int draws = 40_000;
        ClusterDistribution d = diagonal("power-law", null, null, 2.0);
        double[][] m = moments(d, SEED + 1, p, draws);
        for (int j = 0; j < p; j++) {
            double expected = Math.pow(j + 1, -2.0);
            assertEquals(expected, m[1][j], 5 * Math.sqrt(2 * expected * expected / draws), "coordinate " + j);
        }
        assertEquals(0.0, d.properties().kappa());
        assertFalse(d.properties().meetsPaperAssumptions());
        assertEquals(1.0, diagonal("power-law", null, null, 0.0).properties().kappa(), "alpha 0 is N(0, I)");
    }

    @Test
    void theContractHoldsForOtherSpectra() {
        ContractAssertions.clusterDistribution(diagonal(null, 2, 0.3, null), SEED, 3);
        ContractAssertions.clusterDistribution(diagonal(null, 50, 9.0, null), SEED, 3);
        ContractAssertions.clusterDistribution(diagonal("power-law", null, null, 0.5), SEED, 3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "flat      |      |      |      | spectrum: must be one of spiked, power-law, got 'flat'",
        "spiked    | 0    |      |      | k: must be an integer >= 1, got 0",
        "spiked    |      | 0    |      | s: must be a finite number > 0, got 0",
        "spiked    |      | -2   |      | s: must be a finite number > 0, got -2",
        "spiked    |      |      | 1    | alpha: is used only with spectrum 'power-law', got 1",
        "power-law |      |      | -1   | alpha: must be a finite number >= 0, got -1",
        "power-law | 2    |      |      | k: is used only with spectrum 'spiked', got 2",
        "power-law |      | 2.5  |      | s: is used only with spectrum 'spiked', got 2.5"})
    void badDiagonalSpecsAreRejected(String spectrum, Integer k, Double s, Double alpha, String message) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> new GaussianDiagonalSpec(spectrum, k, s, alpha));
        assertEquals(message, e.getMessage());
        assertEquals("data.cluster." + message, e.at("data.cluster").getMessage());
    }

    @Test
    void diagonalDefaultsDependOnTheSpectrum() {
        assertEquals(new GaussianDiagonalSpec("spiked", 1, 4.0, null), new GaussianDiagonalSpec(null, null, null, null));
        assertEquals(new GaussianDiagonalSpec("power-law", null, null, 1.0),
                new GaussianDiagonalSpec("power-law", null, null, null));
    }

    @Test
    void rademacherCoordinatesAreSignsAndTheNormIsExact() {
        ClusterDistribution d = new RademacherProvider().create(new NoSpec());
        double[] z = new double[1000];
        d.sample(RandomSource.XO_RO_SHI_RO_128_PP.create(SEED), z);
        double norm2 = 0;
        for (double v : z) {
            assertTrue(v == 1 || v == -1, "coordinate " + v);
            norm2 += v * v;
        }
        assertEquals(1000.0, norm2);
        ClusterProperties c = d.properties();
        assertEquals(1.0, c.subGaussianNorm());
        assertEquals(0.0, c.strongLogConcavity());
        assertFalse(c.meetsPaperAssumptions() || c.isotropicGaussian());
    }

    @Test
    void uniformStaysInItsIntervalWithUnitVarianceAndFourthMomentNineFifths() {
        ClusterDistribution d = new UniformProvider().create(new NoSpec());
        int draws = 40_000;
        double[][] m = moments(d, SEED + 2, 4, draws);
        double[] z = new double[10_000];
        d.sample(RandomSource.XO_RO_SHI_RO_128_PP.create(SEED), z);
        for (double v : z) {
            assertTrue(Math.abs(v) <= Math.sqrt(3), "outside [-√3, √3]: " + v);
        }
        for (int j = 0; j < 4; j++) {
            // uniform on [-√3, √3]: E z² = 1 (Var z² = 9/5 - 1 = 0.8), E z⁴ = 9/5 (Var z⁴ = E z⁸ - (9/5)² = 9 - 3.24)
            assertEquals(1.0, m[1][j], 5 * Math.sqrt(0.8 / draws));
            assertEquals(1.8, m[2][j], 5 * Math.sqrt((9 - 3.24) / draws));
        }
        assertEquals(0.0, d.properties().strongLogConcavity());
        assertEquals(1.0, d.properties().subGaussianNorm());
    }

    @Test
    void laplaceHasUnitVarianceAndFourthMomentSix() {
        ClusterDistribution d = new LaplaceProvider().create(new NoSpec());
        int draws = 200_000;
        double[][] m = moments(d, SEED + 3, 2, draws);
        for (int j = 0; j < 2; j++) {
            // unit-variance Laplace: E z² = 1 (Var z² = 6 - 1 = 5), E z⁴ = 6 (Var z⁴ = E z⁸ - 36 = 2520 - 36)
            assertEquals(1.0, m[1][j], 5 * Math.sqrt(5.0 / draws));
            assertEquals(6.0, m[2][j], 5 * Math.sqrt(2484.0 / draws));
        }
        ClusterProperties c = d.properties();
        assertTrue(Double.isNaN(c.subGaussianNorm()), "not sub-Gaussian");
        assertEquals(0.0, c.strongLogConcavity());
        assertEquals(1.0, c.kappa());
        assertFalse(c.meetsPaperAssumptions());
    }
}
