package org.benignlab.testkit;

import static org.benignlab.testkit.Counterexamples.assertFailsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.Optional;
import java.util.function.BiFunction;
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

    /** Flips as {@code flipper} says, declaring the given rate and adversarial flag: a model broken in one way. */
    record Declaring(BiFunction<NoiseContext, UniformRandomProvider, boolean[]> flipper, double rate,
            boolean adversarial) implements LabelNoise {
        public boolean[] flips(NoiseContext c, UniformRandomProvider rng) {
            return flipper.apply(c, rng);
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

    /** Flips exactly count(rate, n) points chosen at random (partial Fisher-Yates); ceil or floor. */
    record Count(double rate, boolean ceil) implements LabelNoise {
        public boolean[] flips(NoiseContext c, UniformRandomProvider rng) {
            int n = c.size();
            int k = ceil ? LabelNoiseContract.expectedCount(rate, n) : (int) Math.floor(rate * n);
            int[] idx = IntStream.range(0, n).toArray();
            boolean[] f = new boolean[n];
            for (int i = 0; i < k; i++) {
                int j = i + rng.nextInt(n - i);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
                f[idx[i]] = true;
            }
            return f;
        }

        public boolean adversarial() {
            return false;
        }
    }

    /** Flips with probability rate * (1 ± skew) in the two clean classes; declares itself random. */
    record ClassDependent(double rate, double skew) implements LabelNoise {
        public boolean[] flips(NoiseContext c, UniformRandomProvider rng) {
            boolean[] f = new boolean[c.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = rng.nextDouble() < rate * (1 + skew * c.cleanLabels()[i]);
            }
            return f;
        }

        public boolean adversarial() {
            return false;
        }
    }

    @Test
    void correctModelsPass() {
        for (double rate : new double[] {0, 0.01, 0.1, 0.3, 0.49}) {
            assertEquals(Optional.empty(), LabelNoiseContract.check(new Random(rate, 1), SEED, N), "rate " + rate);
        }
        assertEquals(Optional.empty(), LabelNoiseContract.check(new LargestMargin(0.1), SEED, N));
    }

    @Test
    void expectedCountIsTheCeilingWithoutRoundingArtefacts() {
        assertEquals(7, LabelNoiseContract.expectedCount(0.07, 100)); // 0.07 * 100 = 7.000000000000001
        assertEquals(14, LabelNoiseContract.expectedCount(0.14, 100)); // 14.000000000000002
        assertEquals(3, LabelNoiseContract.expectedCount(0.1, 30));
        assertEquals(4, LabelNoiseContract.expectedCount(0.1, 31));
        assertEquals(1, LabelNoiseContract.expectedCount(0.01, 1));
        assertEquals(0, LabelNoiseContract.expectedCount(0, 100));
        assertEquals(8, LabelNoiseContract.expectedCount(0.07, 101)); // 7.07
    }

    @Test
    void exactCountsAreCheckedExactly() {
        for (int n : new int[] {1, 7, 30, 31, 1000, 20_000}) {
            assertEquals(Optional.empty(), LabelNoiseContract.checkExactCount(new Count(0.1, true), SEED, n), "n " + n);
        }
        // floor instead of ceiling: one flip short at n = 31, within the rate test's tolerance but not exact
        assertEquals(Optional.empty(), LabelNoiseContract.check(new Count(0.1, false), SEED, 31));
        Optional<String> r = LabelNoiseContract.checkExactCount(new Count(0.1, false), SEED, 31);
        assertTrue(r.orElseThrow().startsWith("exact count: flipped 3 of n = 31"), r.get());
    }

    @Test
    void pointDependentFlipsDeclaredRandomAreCaught() {
        Optional<String> r = LabelNoiseContract.check(new ClassDependent(0.1, 0.3), SEED, N);
        assertFailsWith(r, "clean class +1");
        assertTrue(r.get().startsWith("random (not adversarial): "), r.get());
        // flipping the largest margins, declared random
        LargestMargin m = new LargestMargin(0.1);
        LabelNoise hidden = new LabelNoise() {
            public boolean[] flips(NoiseContext c, UniformRandomProvider rng) {
                return m.flips(c, rng);
            }

            public double rate() {
                return 0.1;
            }

            public boolean adversarial() {
                return false;
            }

            @Override
            public boolean needsFeatures() {
                return true;
            }
        };
        assertFailsWith(LabelNoiseContract.check(hidden, SEED, N), "upper half of the clean margins");
        // a class-independent random model passes the same test
        assertEquals(Optional.empty(), LabelNoiseContract.check(new ClassDependent(0.1, 0), SEED, N));
    }

    /** Flips the points with the smallest clean margins ỹ_i <x_i, μ> read from the projections. */
    record SmallestMargins(double rate, boolean declares) implements LabelNoise {
        public boolean[] flips(NoiseContext c, UniformRandomProvider rng) {
            int n = c.size();
            boolean[] f = new boolean[n];
            IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingDouble(i -> c.cleanLabels()[i] * c.meanProjections()[i]))
                    .limit(LabelNoiseContract.expectedCount(rate, n)).forEach(i -> f[i] = true);
            return f;
        }

        public boolean adversarial() {
            return true;
        }

        @Override
        public boolean readsMargins() {
            return declares;
        }
    }

    @Test
    void aModelThatReadsTheMarginsWithoutSayingSoIsCaught() {
        assertFailsWith(LabelNoiseContract.check(new SmallestMargins(0.1, false), SEED, 1000),
                "reads margins: declared readsMargins() = false");
        assertEquals(Optional.empty(), LabelNoiseContract.checkExactCount(new SmallestMargins(0.1, true), SEED, 1000));
    }

    @Test
    void wrongRateIsCaught() {
        assertFailsWith(LabelNoiseContract.check(new Random(0.1, 1.3), SEED, N), "declared rate");
    }

    @Test
    void flipsAtRateZeroAreCaught() {
        LabelNoise flipsFirst = new Declaring((c, rng) -> {
            boolean[] f = new boolean[c.size()];
            f[0] = true;
            return f;
        }, 0, false);
        assertFailsWith(LabelNoiseContract.check(flipsFirst, SEED, N), "rate is 0");
    }

    @Test
    void readingAbsentFeaturesIsCaught() {
        LabelNoise pretends = new Declaring(new LargestMargin(0.1)::flips, 0.1, true); // needsFeatures() false
        assertFailsWith(LabelNoiseContract.check(pretends, SEED, N), "threw");
    }

    @Test
    void wrongLengthAndIgnoredGeneratorAreCaught() {
        LabelNoise shortArray = new Declaring((c, rng) -> new boolean[c.size() - 1], 0, false);
        assertFailsWith(LabelNoiseContract.check(shortArray, SEED, N), "entries");
        java.util.Random own = new java.util.Random(1);
        LabelNoise ownState = new Declaring((c, rng) -> {
            boolean[] f = new boolean[c.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = own.nextDouble() < 0.1;
            }
            return f;
        }, 0.1, false);
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
