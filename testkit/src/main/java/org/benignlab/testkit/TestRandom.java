package org.benignlab.testkit;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/** The seeded generator every statistical contract uses (one algorithm, so results depend on the seed only). */
final class TestRandom {
    private TestRandom() {
    }

    /** A new generator for {@code seed}. */
    static UniformRandomProvider of(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** A value uniform in [-1, 1). */
    static double symmetric(UniformRandomProvider rng) {
        return 2 * rng.nextDouble() - 1;
    }
}
