package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.NoiseContext;
import org.benignlab.distributions.impl.IsotropicGaussian;
import org.benignlab.distributions.impl.RandomFlip;
import org.junit.jupiter.api.Test;

class DatasetTest {
    private static final ClusterDistribution GAUSS = new IsotropicGaussian();

    /** x_i = z_i + ỹ_i μ with μ = ||μ|| e_1, replaying the documented draw order (label, then z, per point). */
    @Test
    void pointsAreClusterDrawsShiftedByTheLabelledMean() {
        int size = 50;
        int p = 13;
        double mu = 2.5;
        Dataset d = Dataset.generate(size, p, mu, GAUSS, new RandomFlip(0.3), seed(5), seed(6));
        double[] clean = d.cleanLabels();
        int plus = 0;
        for (int i = 0; i < size; i++) {
            UniformRandomProvider replay = seed(5).substream(i);
            double label = replay.nextBoolean() ? 1 : -1;
            double[] z = new double[p];
            GAUSS.sample(replay, z);
            assertEquals(label, clean[i], 0.0);
            double[] x = d.point(i);
            assertEquals(z[0] + label * mu, x[0], 0.0, "first coordinate of point " + i);
            for (int k = 1; k < p; k++) {
                assertEquals(z[k], x[k], 0.0);
            }
            assertEquals(mu * x[0], d.meanProjections()[i], 0.0);
            plus += label > 0 ? 1 : 0;
        }
        assertTrue(plus > 10 && plus < 40, "labels look uniform: " + plus + " of 50 positive");
    }

    /** y = -ỹ exactly on the flipped points and y = ỹ elsewhere; the flips come from the noise stream. */
    @Test
    void flipsNegateExactlyTheChosenLabels() {
        Dataset d = Dataset.generate(200, 4, 1.0, GAUSS, new TestPlugins.GeneratorFlips(0.25), seed(1), seed(2));
        UniformRandomProvider replay = seed(2).generator(); // the test plugin draws from the model's generator
        double[] clean = d.cleanLabels();
        double[] y = d.labels();
        boolean[] flipped = d.flipped();
        int count = 0;
        for (int i = 0; i < 200; i++) {
            assertEquals(replay.nextDouble() < 0.25, flipped[i], "flip " + i);
            assertEquals(flipped[i] ? -clean[i] : clean[i], y[i], 0.0);
            count += flipped[i] ? 1 : 0;
        }
        assertEquals(count, d.noisyCount());
        assertTrue(count > 30 && count < 70, "about a quarter flipped: " + count);
    }

    /** The noise model sees the clean labels, the projections and (on request) copies of the points. */
    @Test
    void noiseModelSeesTheDocumentedContext() {
        AtomicReference<NoiseContext> seen = new AtomicReference<>();
        LabelNoise spy = new LabelNoise() {
            @Override
            public boolean[] flips(NoiseContext context, UniformRandomProvider rng) {
                seen.set(context);
                double[] x3 = context.features().apply(3);
                x3[0] = 1e9; // must not change the data set
                boolean[] out = new boolean[context.size()];
                out[3] = true;
                return out;
            }

            @Override
            public double rate() {
                return 0.1;
            }

            @Override
            public boolean adversarial() {
                return true;
            }

            @Override
            public boolean needsFeatures() {
                return true;
            }
        };
        Dataset d = Dataset.generate(10, 6, 3.0, GAUSS, spy, seed(9), seed(10));
        NoiseContext c = seen.get();
        for (int i = 0; i < 10; i++) {
            assertEquals(seed(10).substream(i).nextDouble(), c.uniforms()[i], 0.0, "U_" + i);
        }
        assertArrayEquals(d.cleanLabels(), c.cleanLabels(), 0.0);
        assertArrayEquals(d.meanProjections(), c.meanProjections(), 0.0);
        assertArrayEquals(d.point(7), c.features().apply(7), 0.0);
        assertTrue(d.point(3)[0] < 1e9);
        assertEquals(1, d.noisyCount());
        assertEquals(-d.cleanLabels()[3], d.labels()[3], 0.0);
    }

    @Test
    void aFlipArrayOfTheWrongLengthIsRejected() {
        LabelNoise everyOther = new TestPlugins.FlipEvery(2);
        LabelNoise shortFlips = new LabelNoise() {
            @Override
            public boolean[] flips(NoiseContext context, UniformRandomProvider rng) {
                return new boolean[context.size() - 1];
            }

            @Override
            public double rate() {
                return 0;
            }

            @Override
            public boolean adversarial() {
                return false;
            }
        };
        assertThrows(IllegalStateException.class, () -> Dataset.generate(5, 2, 1.0, GAUSS, shortFlips, seed(1),
                seed(2)));
        assertEquals(3, Dataset.generate(5, 2, 1.0, GAUSS, everyOther, seed(1), seed(2)).noisyCount());
    }

    /** Flips point i when U_i < η, reading only the uniforms (as the built-in random-flip does). */
    private record UniformFlips(double eta) implements LabelNoise {
        @Override
        public boolean[] flips(NoiseContext context, UniformRandomProvider rng) {
            boolean[] out = new boolean[context.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = context.uniforms()[i] < eta;
            }
            return out;
        }

        @Override
        public double rate() {
            return eta;
        }

        @Override
        public boolean adversarial() {
            return false;
        }
    }

    /** Common random numbers: a larger sample extends a smaller one, point by point, flips included. */
    @Test
    void aLargerSampleExtendsTheSmallerOnesDraws() {
        Dataset small = Dataset.generate(30, 7, 2.0, GAUSS, new UniformFlips(0.3), seed(3), seed(4));
        Dataset large = Dataset.generate(80, 7, 2.0, GAUSS, new UniformFlips(0.3), seed(3), seed(4));
        for (int i = 0; i < 30; i++) {
            assertArrayEquals(small.point(i), large.point(i), 0.0, "point " + i);
            assertEquals(small.cleanLabels()[i], large.cleanLabels()[i], 0.0);
            assertEquals(small.flipped()[i], large.flipped()[i], "flip " + i);
        }
        Dataset other = Dataset.generate(30, 7, 2.0, GAUSS, new UniformFlips(0.3), seed(33), seed(4));
        assertTrue(!java.util.Arrays.equals(small.point(0), other.point(0)), "another data seed, other points");
    }

    /** ||μ|| is added after drawing: x_i - ỹ_i μ, ỹ and the flips do not depend on ||μ||; η nests the flips. */
    @Test
    void theMeanNormAndTheRateChangeNoDraw() {
        Dataset a = Dataset.generate(40, 5, 0.5, GAUSS, new UniformFlips(0.1), seed(7), seed(8));
        Dataset b = Dataset.generate(40, 5, 9.0, GAUSS, new UniformFlips(0.4), seed(7), seed(8));
        assertArrayEquals(a.cleanLabels(), b.cleanLabels(), 0.0);
        int flipsA = 0;
        for (int i = 0; i < 40; i++) {
            double[] xa = a.point(i);
            double[] xb = b.point(i);
            xa[0] -= a.cleanLabels()[i] * 0.5;
            xb[0] -= b.cleanLabels()[i] * 9.0;
            // z_i1 + ỹ_i ||μ|| - ỹ_i ||μ|| is z_i1 to within the rounding of the sum: a few ulp of 9
            assertArrayEquals(xa, xb, 4 * Math.ulp(9.0), "z_" + i);
            assertTrue(!a.flipped()[i] || b.flipped()[i], "flips nested across η at " + i);
            flipsA += a.flipped()[i] ? 1 : 0;
        }
        assertTrue(flipsA < b.noisyCount(), flipsA + " flips at η = 0.1, " + b.noisyCount() + " at 0.4");
    }

    private static StreamSeed seed(long s) {
        return StreamSeed.of(s, "dataset-test");
    }
}
