package org.benignlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.IntStream;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.NoiseContext;
import org.junit.jupiter.api.Test;

/** The label-noise contract accepts random and budgeted adversarial flips and rejects broken models. */
class LabelNoiseContractTest {

    static final long SEED = 7L;
    static final int N = 20_000;

    /** Each label flips with probability rate * factor; declares rate. */
    record Random(double rate, double factor) implements LabelNoise {
        public boolean[] flips(NoiseContext context, UniformRandomProvider rng) {
            boolean[] f = new boolean[context.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = rng.nextDouble() < rate * factor;
            }
            return f;
        }

        public boolean adversarial() {
            return false;
        }
    }

    /** Flips the floor(rate n) points with the largest clean margin ỹ x_1 (reads the features). */
    record LargestMargin(double rate) implements LabelNoise {
        public boolean[] flips(NoiseContext c, UniformRandomProvider rng) {
            int n = c.size();
            boolean[] f = new boolean[n];
            IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingDouble(i -> -c.cleanLabels()[i] * c.features().apply(i)[0]))
                    .limit((long) Math.floor(rate * n)).forEach(i -> f[i] = true);
            return f;
        }

        public boolean adversarial() {
            return true;
        }

        @Override
        public boolean needsFeatures() {
            return true;
        }
    }

    static void assertFailsWith(Optional<String> r, String fragment) {
        assertTrue(r.isPresent(), "expected a counterexample mentioning '" + fragment + "'");
        assertTrue(r.get().contains(fragment), "counterexample '" + r.get() + "' should mention '" + fragment + "'");
    }

    @Test
    void correctModelsPass() {
        for (double rate : new double[] {0, 0.01, 0.1, 0.3, 0.49}) {
            assertEquals(Optional.empty(), LabelNoiseContract.check(new Random(rate, 1), SEED, N), "rate " + rate);
        }
        assertEquals(Optional.empty(), LabelNoiseContract.check(new LargestMargin(0.1), SEED, N));
    }

    @Test
    void wrongRateIsCaught() {
        assertFailsWith(LabelNoiseContract.check(new Random(0.1, 1.3), SEED, N), "declared rate");
    }

    @Test
    void flipsAtRateZeroAreCaught() {
        LabelNoise flipsFirst = new LabelNoise() {
            public boolean[] flips(NoiseContext c, UniformRandomProvider rng) {
                boolean[] f = new boolean[c.size()];
                f[0] = true;
                return f;
            }

            public double rate() {
                return 0;
            }

            public boolean adversarial() {
                return false;
            }
        };
        assertFailsWith(LabelNoiseContract.check(flipsFirst, SEED, N), "rate is 0");
    }

    @Test
    void readingAbsentFeaturesIsCaught() {
        LargestMargin m = new LargestMargin(0.1);
        LabelNoise pretends = new LabelNoise() {
            public boolean[] flips(NoiseContext c, UniformRandomProvider rng) {
                return m.flips(c, rng);
            }

            public double rate() {
                return 0.1;
            }

            public boolean adversarial() {
                return true;
            }
        };
        assertFailsWith(LabelNoiseContract.check(pretends, SEED, N), "threw");
    }

    @Test
    void wrongLengthAndIgnoredGeneratorAreCaught() {
        LabelNoise shortArray = new LabelNoise() {
            public boolean[] flips(NoiseContext c, UniformRandomProvider rng) {
                return new boolean[c.size() - 1];
            }

            public double rate() {
                return 0;
            }

            public boolean adversarial() {
                return false;
            }
        };
        assertFailsWith(LabelNoiseContract.check(shortArray, SEED, N), "entries");
        LabelNoise ownState = new LabelNoise() {
            private final java.util.Random own = new java.util.Random(1);

            public boolean[] flips(NoiseContext c, UniformRandomProvider rng) {
                boolean[] f = new boolean[c.size()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = own.nextDouble() < 0.1;
                }
                return f;
            }

            public double rate() {
                return 0.1;
            }

            public boolean adversarial() {
                return false;
            }
        };
        assertFailsWith(LabelNoiseContract.check(ownState, SEED, N), "different points");
    }

    @Test
    void contextHasFeaturesOnlyWhenAsked() {
        assertNull(LabelNoiseContract.context(1, 10, false).features());
        NoiseContext c = LabelNoiseContract.context(1, 10, true);
        for (int i = 0; i < 10; i++) {
            assertEquals(c.meanProjections()[i], 3 * c.features().apply(i)[0], 1e-12);
        }
    }
}
