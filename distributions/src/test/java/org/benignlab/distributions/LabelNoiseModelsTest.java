package org.benignlab.distributions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.IntStream;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.NoiseContext;
import org.benignlab.testkit.LabelNoiseContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * fixed-count, margin-adversarial and class-conditional: exact counts, which points flip, per-class
 * rates, declarations and spec validation. Statistical checks pin their seed and allow 5 binomial
 * standard deviations (failure budget about 6e-7 each).
 */
class LabelNoiseModelsTest {

    static final long SEED = 0x5eed_0104L;

    static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    static int count(boolean[] flips) {
        int k = 0;
        for (boolean f : flips) {
            k += f ? 1 : 0;
        }
        return k;
    }

    @Test
    void fixedCountFlipsExactlyTheCeilingForEveryNAndRate() {
        qt().withFixedSeed(SEED).withExamples(400)
                .forAll(doubles().between(0, 0.4999), integers().between(1, 3000), longs().all(), integers().between(0, 1))
                .checkAssert((rate, n, seed, balanced) -> {
                    LabelNoise noise = new FixedCountProvider().create(new FixedCountSpec(rate, balanced == 1));
                    NoiseContext c = LabelNoiseContract.context(seed, n, false);
                    int expected = (int) Math.ceil(rate * n - 1e-9 * Math.max(1, rate * n));
                    assertEquals(expected, count(noise.flips(c, rng(seed))), "rate " + rate + ", n " + n);
                });
        NoiseContext c = LabelNoiseContract.context(1, 100, false);
        assertEquals(7, count(new FixedCountProvider().create(new FixedCountSpec(0.07, false)).flips(c, rng(1))),
                "0.07 * 100 = 7.000000000000001 in double precision, still 7 flips");
    }

    @Test
    void fixedCountBalancedSplitsTheFlipsInProportionToTheClasses() {
        for (int n : new int[] {10, 101, 5000}) {
            NoiseContext c = LabelNoiseContract.context(SEED, n, false);
            boolean[] f = new FixedCountProvider().create(new FixedCountSpec(0.2, true)).flips(c, rng(SEED));
            int positives = 0;
            int flippedPositives = 0;
            for (int i = 0; i < n; i++) {
                if (c.cleanLabels()[i] > 0) {
                    positives++;
                    flippedPositives += f[i] ? 1 : 0;
                }
            }
            int total = (int) Math.ceil(0.2 * n);
            assertEquals(Math.round((double) total * positives / n), flippedPositives, "n " + n);
            assertEquals(total, count(f));
        }
    }

    @Test
    void fixedCountChoosesEveryPointWithTheSameProbability() {
        // over 4000 seeds, each of 20 points is flipped in about 4000 * 3/20 = 600 of them
        int n = 20;
        int runs = 4000;
        int[] times = new int[n];
        LabelNoise noise = new FixedCountProvider().create(new FixedCountSpec(0.15, false));
        for (int s = 0; s < runs; s++) {
            boolean[] f = noise.flips(LabelNoiseContract.context(SEED + s, n, false), rng(SEED + s));
            for (int i = 0; i < n; i++) {
                times[i] += f[i] ? 1 : 0;
            }
        }
        double p = 3.0 / n;
        for (int i = 0; i < n; i++) {
            assertEquals(runs * p, times[i], 5 * Math.sqrt(runs * p * (1 - p)), "point " + i);
        }
    }

    @Test
    void marginAdversarialFlipsTheExtremeCleanMarginsWithoutFeaturesOrRandomness() {
        int n = 1000;
        NoiseContext c = LabelNoiseContract.context(SEED, n, false); // features == null, as in the sketch
        double[] margin = new double[n];
        for (int i = 0; i < n; i++) {
            margin[i] = c.cleanLabels()[i] * c.meanProjections()[i];
        }
        Integer[] byMargin = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> margin[i]))
                .toArray(Integer[]::new);
        for (String side : new String[] {"largest", "smallest"}) {
            LabelNoise noise = new MarginAdversarialProvider().create(new MarginAdversarialSpec(0.1, side));
            UniformRandomProvider r = rng(1);
            boolean[] f = noise.flips(c, r);
            assertEquals(100, count(f));
            boolean[] expected = new boolean[n];
            for (int k = 0; k < 100; k++) {
                expected[byMargin[side.equals("largest") ? n - 1 - k : k]] = true;
            }
            assertArrayEquals(expected, f, side);
            assertEquals(rng(1).nextLong(), r.nextLong(), "the generator is not advanced");
            assertTrue(noise.adversarial());
            assertFalse(noise.needsFeatures());
        }
    }

    @Test
    void marginAdversarialBreaksTiesByIndex() {
        NoiseContext c = new NoiseContext(new double[] {1, -1, 1, -1}, new double[] {2, -2, 2, -2}, null,
                new double[] {0.5, 0.5, 0.5, 0.5});
        boolean[] f = new MarginAdversarialProvider().create(new MarginAdversarialSpec(0.3, null)).flips(c, rng(1));
        assertArrayEquals(new boolean[] {true, true, false, false}, f); // ⌈1.2⌉ = 2, all margins 2
    }

    /** Common random numbers: on the same uniforms, the flips of a smaller rate are a subset of a larger rate's. */
    @Test
    void flipSetsAreNestedAcrossRatesOnTheSameUniforms() {
        qt().withFixedSeed(SEED).withExamples(200)
                .forAll(doubles().between(0, 0.4999), doubles().between(0, 0.4999), integers().between(1, 2000),
                        longs().all())
                .checkAssert((r1, r2, n, seed) -> {
                    double lo = Math.min(r1, r2);
                    double hi = Math.max(r1, r2);
                    NoiseContext c = LabelNoiseContract.context(seed, n, false);
                    LabelNoise[][] pairs = {
                        {new RandomFlipProvider().create(new RandomFlipSpec(lo)),
                            new RandomFlipProvider().create(new RandomFlipSpec(hi))},
                        {new FixedCountProvider().create(new FixedCountSpec(lo, false)),
                            new FixedCountProvider().create(new FixedCountSpec(hi, false))},
                        {new FixedCountProvider().create(new FixedCountSpec(lo, true)),
                            new FixedCountProvider().create(new FixedCountSpec(hi, true))},
                        {new ClassConditionalProvider().create(new ClassConditionalSpec(lo, lo / 2)),
                            new ClassConditionalProvider().create(new ClassConditionalSpec(hi, hi / 2))}};
                    for (LabelNoise[] pair : pairs) {
                        assertTrue(pair[0].drawsIgnoreParameters() && pair[1].drawsIgnoreParameters());
                        UniformRandomProvider r = rng(seed);
                        boolean[] small = pair[0].flips(c, r);
                        boolean[] large = pair[1].flips(c, rng(seed + 1));
                        for (int i = 0; i < n; i++) {
                            assertTrue(!small[i] || large[i], pair[0] + " vs " + pair[1] + ": point " + i);
                        }
                        assertEquals(rng(seed).nextLong(), r.nextLong(), pair[0] + " reads only the uniforms");
                    }
                });
    }

    @Test
    void randomFlipFlipsExactlyThePointsWhoseUniformIsBelowTheRate() {
        NoiseContext c = new NoiseContext(new double[] {1, -1, 1, -1}, new double[4], null,
                new double[] {0.05, 0.1, 0.0999, 0.7});
        assertArrayEquals(new boolean[] {true, false, true, false},
                new RandomFlipProvider().create(new RandomFlipSpec(0.1)).flips(c, rng(1)));
        assertArrayEquals(new boolean[] {true, true, true, false},
                new org.benignlab.distributions.impl.FixedCount(0.75, false).flips(c, rng(1)),
                "the three smallest uniforms");
    }

    @Test
    void classConditionalFlipsEachClassAtItsRateAndDeclaresTheMean() {
        int n = 60_000;
        LabelNoise noise = new ClassConditionalProvider().create(new ClassConditionalSpec(0.05, 0.2));
        assertEquals(0.125, noise.rate(), 1e-15);
        assertTrue(noise.adversarial(), "η(x) depends on ỹ");
        NoiseContext c = LabelNoiseContract.context(SEED, n, false);
        boolean[] f = noise.flips(c, rng(SEED));
        for (double label : new double[] {1, -1}) {
            double rate = label > 0 ? 0.05 : 0.2;
            int size = 0;
            int flipped = 0;
            for (int i = 0; i < n; i++) {
                if (c.cleanLabels()[i] == label) {
                    size++;
                    flipped += f[i] ? 1 : 0;
                }
            }
            assertEquals(rate, (double) flipped / size, 5 * Math.sqrt(rate * (1 - rate) / size), "class " + label);
        }
        LabelNoise equal = new ClassConditionalProvider().create(new ClassConditionalSpec(0.1, 0.1));
        assertFalse(equal.adversarial(), "equal rates are random classification noise");
        assertEquals(Optional.empty(), LabelNoiseContract.check(equal, SEED, 20_000), "and pass the independence checks");
    }

    @Test
    void theContractHoldsForTheOtherSettings() {
        assertEquals(Optional.empty(), LabelNoiseContract.checkExactCount(
                new FixedCountProvider().create(new FixedCountSpec(0.3, true)), SEED, 12_345));
        assertEquals(Optional.empty(), LabelNoiseContract.checkExactCount(
                new MarginAdversarialProvider().create(new MarginAdversarialSpec(0.49, "smallest")), SEED, 777));
        assertEquals(Optional.empty(), LabelNoiseContract.check(
                new ClassConditionalProvider().create(new ClassConditionalSpec(0.0, 0.4)), SEED, 20_000));
        assertTrue(LabelNoiseContract.declaresExactCount(new FixedCountProvider()));
        assertTrue(LabelNoiseContract.declaresExactCount(new MarginAdversarialProvider()));
        assertFalse(LabelNoiseContract.declaresExactCount(new ClassConditionalProvider()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.5  | rate: must be in [0, 0.5), got 0.5",
        "-0.1 | rate: must be in [0, 0.5), got -0.1",
        "NaN  | rate: must be in [0, 0.5), got NaN"})
    void badRatesAreRejected(double rate, String message) {
        assertEquals(message, assertThrows(InvalidSpecException.class, () -> new FixedCountSpec(rate, null)).getMessage());
        assertEquals(message, assertThrows(InvalidSpecException.class, () -> new MarginAdversarialSpec(rate, null))
                .getMessage());
        assertEquals("rate_positive: " + message.substring("rate: ".length()),
                assertThrows(InvalidSpecException.class, () -> new ClassConditionalSpec(rate, 0.1)).getMessage());
        assertEquals("rate_negative: " + message.substring("rate: ".length()),
                assertThrows(InvalidSpecException.class, () -> new ClassConditionalSpec(0.1, rate)).getMessage());
    }

    @Test
    void missingAndUnknownValuesAreRejected() {
        assertEquals("rate: is required",
                assertThrows(InvalidSpecException.class, () -> new FixedCountSpec(null, true)).getMessage());
        assertEquals("rate_positive: is required",
                assertThrows(InvalidSpecException.class, () -> new ClassConditionalSpec(null, 0.1)).getMessage());
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> new MarginAdversarialSpec(0.1, "middle"));
        assertEquals("data.noise.margin: must be one of largest, smallest, got 'middle'",
                e.at("data.noise").getMessage());
        assertEquals(new FixedCountSpec(0.1, false), new FixedCountSpec(0.1, null));
        assertEquals("largest", new MarginAdversarialSpec(0.1, null).margin());
        assertTrue(Arrays.asList("largest", "smallest").contains(new MarginAdversarialProvider().exampleSpec().margin()));
    }
}
