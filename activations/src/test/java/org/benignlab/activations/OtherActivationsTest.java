package org.benignlab.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.benignlab.api.Activation;
import org.junit.jupiter.api.Test;

/** leaky-relu is max(γz, z) with its kink declared; identity is z with γ = 1 and H = 0. */
class OtherActivationsTest {

    @Test
    void leakyReluIsMaxOfGammaZAndZ() {
        qt().withFixedSeed(0x5eed_0003L).withExamples(1000)
                .forAll(doubles().between(1e-3, 1), doubles().between(-100, 100)).checkAssert((gamma, z) -> {
                    Activation a = new LeakyReluProvider().create(new LeakyReluSpec(gamma));
                    assertEquals(Math.max(gamma * z, z), a.value(z));
                    assertEquals(z >= 0 ? 1 : gamma, a.derivative(z));
                });
        Activation a = new LeakyReluProvider().create(new LeakyReluProvider().exampleSpec());
        assertArrayEquals(new double[] {0}, a.kinks());
        assertTrue(a.smoothness().isEmpty());
        assertEquals(0.1, a.leakiness().getAsDouble());
        assertEquals("no: not smooth", new LeakyReluProvider().properties().get("paper_assumptions"));
    }

    @Test
    void identityDeclaresLeakinessOneAndSmoothnessZero() {
        Activation a = new IdentityProvider().create(new IdentitySpec());
        assertEquals(-3.5, a.value(-3.5));
        assertEquals(1.0, a.leakiness().getAsDouble());
        assertEquals(0.0, a.smoothness().getAsDouble());
    }
}
