package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class SecondLayerTest {

    @Test
    void everyPatternHasTheGivenMagnitudeAndItsSigns() {
        qt().withFixedSeed(77L).withExamples(300).forAll(integers().between(1, 301), longs().all())
                .checkAssert((m, seed) -> {
                    for (SecondLayer.Signs signs : SecondLayer.Signs.values()) {
                        if (signs == SecondLayer.Signs.VALUES) {
                            continue; // given, not chosen: below
                        }
                        double[] a = new SecondLayer(signs, 0.25).draw(m, RandomSource.XO_SHI_RO_256_PP.create(seed));
                        assertEquals(m, a.length);
                        assertTrue(Arrays.stream(a).allMatch(v -> Math.abs(v) == 0.25), signs + " magnitude");
                        long plus = Arrays.stream(a).filter(v -> v > 0).count();
                        switch (signs) {
                            case ALTERNATING -> {
                                assertEquals((long) (m + 1) / 2, plus);
                                for (int j = 0; j < m; j++) {
                                    assertEquals(j % 2 == 0 ? 0.25 : -0.25, a[j], 0.0);
                                }
                            }
                            case BALANCED -> assertEquals((long) (m + 1) / 2, plus, "balanced: ceil(m/2) plus signs");
                            case CONSTANT -> assertEquals((long) m, plus);
                            case RANDOM -> { }
                            default -> throw new AssertionError(signs);
                        }
                    }
                });
    }

    @Test
    void aConstantPatternHasTheGivenSignAndGivenValuesAreTakenInOrderWithoutADraw() {
        var rng = RandomSource.XO_SHI_RO_256_PP.create(5L);
        assertArrayEquals(new double[] {-0.5, -0.5, -0.5}, SecondLayer.constant(-1, 0.5).draw(3, rng), 0.0);
        assertArrayEquals(new double[] {0.5, 0.5}, SecondLayer.constant(1, 0.5).draw(2, rng), 0.0);
        assertArrayEquals(new double[] {2, -2, -2, 2},
                SecondLayer.of(java.util.List.of(1, -1, -1, 1), 2).draw(4, rng), 0.0);
        assertEquals(RandomSource.XO_SHI_RO_256_PP.create(5L).nextLong(), rng.nextLong(), "no pattern drew");
        assertThrows(IllegalArgumentException.class, () -> SecondLayer.of(java.util.List.of(1, -1), 1).draw(3, rng));
        assertThrows(IllegalArgumentException.class, () -> SecondLayer.of(java.util.List.of(1, 0), 1));
        assertThrows(IllegalArgumentException.class, () -> SecondLayer.constant(2, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new SecondLayer(SecondLayer.Signs.RANDOM, 1, -1, java.util.List.of()));
    }

    @Test
    void randomSignsAreThePapersOneDrawPerUnit() {
        var rng = RandomSource.XO_SHI_RO_256_PP.create(5L);
        double[] a = SecondLayer.paper(16).draw(16, rng);
        var again = RandomSource.XO_SHI_RO_256_PP.create(5L);
        for (double v : a) {
            assertEquals(again.nextBoolean() ? 0.25 : -0.25, v, 0.0);
        }
        // balanced: every arrangement reachable; the order depends on the stream
        double[] b1 = new SecondLayer(SecondLayer.Signs.BALANCED, 1).draw(40, RandomSource.XO_SHI_RO_256_PP.create(1L));
        double[] b2 = new SecondLayer(SecondLayer.Signs.BALANCED, 1).draw(40, RandomSource.XO_SHI_RO_256_PP.create(2L));
        assertTrue(!Arrays.equals(b1, b2));
        assertArrayEquals(b1, new SecondLayer(SecondLayer.Signs.BALANCED, 1).draw(40,
                RandomSource.XO_SHI_RO_256_PP.create(1L)), 0.0);
    }

    @Test
    void rejectsABadScale() {
        assertThrows(IllegalArgumentException.class, () -> new SecondLayer(SecondLayer.Signs.RANDOM, 0));
        assertThrows(IllegalArgumentException.class, () -> new SecondLayer(SecondLayer.Signs.RANDOM, Double.NaN));
    }
}
