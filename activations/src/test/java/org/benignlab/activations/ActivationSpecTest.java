package org.benignlab.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.benignlab.api.InvalidSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec records reject bad values with a message naming the field, what is allowed and the value given. */
class ActivationSpecTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0        | gamma: must be in (0, 1], got 0",
        "1.5      | gamma: must be in (0, 1], got 1.5",
        "-0.1     | gamma: must be in (0, 1], got -0.1",
        "NaN      | gamma: must be in (0, 1], got NaN",
        "Infinity | gamma: must be in (0, 1], got Infinity"})
    void badGammaIsRejected(double gamma, String message) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> new SmoothedLeakyReluSpec(gamma, null));
        assertEquals(message, e.getMessage());
        assertEquals("gamma", e.path());
        InvalidSpecException l = assertThrows(InvalidSpecException.class, () -> new LeakyReluSpec(gamma));
        assertEquals(message, l.getMessage());
        assertEquals(message, assertThrows(InvalidSpecException.class, () -> new SoftplusLeakySpec(gamma, null))
                .getMessage());
        assertEquals(message, assertThrows(InvalidSpecException.class, () -> new HuberizedReluSpec(gamma, null))
                .getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0    | H: must be a finite number > 0, got 0",
        "-1   | H: must be a finite number > 0, got -1",
        "-0.5 | H: must be a finite number > 0, got -0.5",
        "NaN  | H: must be a finite number > 0, got NaN"})
    void nonPositiveHIsRejected(double h, String message) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> new SmoothedLeakyReluSpec(0.1, h));
        assertEquals(message, e.getMessage());
        assertEquals("H", e.path());
        assertEquals(message, assertThrows(InvalidSpecException.class, () -> new HuberizedReluSpec(0.1, h)).getMessage());
        InvalidSpecException s = assertThrows(InvalidSpecException.class, () -> new SoftplusLeakySpec(0.1, h));
        assertEquals("H", s.path());
        assertTrue(s.getMessage().startsWith("H: must be in (0, "), s.getMessage());
    }

    @Test
    void softplusLeakyBoundsHSoThatItsSharpnessIsFinite() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> new SoftplusLeakySpec(0.1, 1e308));
        assertEquals("H: must be in (0, 1.0E300], got 1.0E308", e.getMessage());
        assertEquals(1e300, new SoftplusLeakySpec(0.1, 1e300).H());
    }

    @Test
    void theFrameworkPrefixesThePath() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> new SmoothedLeakyReluSpec(1.5, 1.0));
        assertEquals("network.activation.gamma: must be in (0, 1], got 1.5", e.at("network.activation").getMessage());
    }

    @Test
    void missingValuesTakeTheDefaults() {
        assertEquals(new SmoothedLeakyReluSpec(0.1, 1.0), new SmoothedLeakyReluSpec(null, null));
        assertEquals(new SmoothedLeakyReluSpec(0.3, 1.0), new SmoothedLeakyReluSpec(0.3, null));
        assertEquals(new LeakyReluSpec(0.1), new LeakyReluSpec(null));
        assertEquals(1.0, new SmoothedLeakyReluSpec(1.0, null).gamma());
        assertEquals(new SoftplusLeakySpec(0.1, 0.25), new SoftplusLeakySpec(null, null));
        assertEquals(new HuberizedReluSpec(0.1, 1.0), new HuberizedReluSpec(null, null));
    }
}
