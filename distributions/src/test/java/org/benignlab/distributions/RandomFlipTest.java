package org.benignlab.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Optional;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.NoSpec;
import org.benignlab.api.NoiseContext;
import org.benignlab.testkit.LabelNoiseContract;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.generators.Generate;

/** random-flip over random rates in [0, 0.5), through its spec as the framework builds it. */
class RandomFlipTest {

    static final long SEED = 0x5eed_0102L;
    static final RandomFlipProvider PROVIDER = new RandomFlipProvider();

    @Test
    void contractHoldsForEveryRate() {
        qt().withFixedSeed(SEED).withExamples(40)
                .forAll(Generate.frequency(List.of(Pair.of(4, doubles().between(0, 0.4999)),
                        Pair.of(1, Generate.constant(0.0)))), longs().all())
                .checkAssert((rate, seed) -> assertEquals(Optional.empty(),
                        LabelNoiseContract.check(PROVIDER.create(new RandomFlipSpec(rate)), seed, 20_000), "rate " + rate));
    }

    @Test
    void rateZeroFlipsNothingAndNoneNeverFlips() {
        NoiseContext c = LabelNoiseContract.context(1, 50_000, false);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        for (boolean f : PROVIDER.create(new RandomFlipSpec(0.0)).flips(c, rng)) {
            assertFalse(f);
        }
        LabelNoise none = new NoNoiseProvider().create(new NoSpec());
        for (boolean f : none.flips(c, rng)) {
            assertFalse(f);
        }
        assertEquals(0.0, none.rate());
    }

    @Test
    void flipsAreIndependentOfTheClass() {
        // random classification noise: the flipped fraction is η within each clean class
        double rate = 0.2;
        NoiseContext c = LabelNoiseContract.context(3, 40_000, false);
        boolean[] f = PROVIDER.create(new RandomFlipSpec(rate)).flips(c, RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
        for (double label : new double[] {-1, 1}) {
            int count = 0;
            int flipped = 0;
            for (int i = 0; i < f.length; i++) {
                if (c.cleanLabels()[i] == label) {
                    count++;
                    flipped += f[i] ? 1 : 0;
                }
            }
            // 5 binomial standard deviations, pinned seed; failure budget about 1e-6
            double tol = 5 * Math.sqrt(rate * (1 - rate) / count);
            assertEquals(rate, (double) flipped / count, tol, "class " + label);
        }
    }

    @Test
    void declaresRandomNoiseThatMeetsThePaper() {
        LabelNoise n = PROVIDER.create(PROVIDER.exampleSpec());
        assertEquals(0.1, n.rate());
        assertFalse(n.adversarial());
        assertFalse(n.needsFeatures());
        assertTrue(PROVIDER.properties().get("paper_assumptions").startsWith("yes"));
        assertEquals("no", PROVIDER.properties().get("adversarial"));
    }
}
