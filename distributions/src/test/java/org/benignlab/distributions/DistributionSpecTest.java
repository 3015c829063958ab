package org.benignlab.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.benignlab.api.InvalidSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** random-flip's rate is required and must be in [0, 0.5). */
class DistributionSpecTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.5  | rate: must be in [0, 0.5), got 0.5",
        "-0.1 | rate: must be in [0, 0.5), got -0.1",
        "0.75 | rate: must be in [0, 0.5), got 0.75",
        "NaN  | rate: must be in [0, 0.5), got NaN"})
    void badRateIsRejected(double rate, String message) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> new RandomFlipSpec(rate));
        assertEquals(message, e.getMessage());
        assertEquals("rate", e.path());
        assertEquals("data.noise." + message, e.at("data.noise").getMessage());
    }

    @Test
    void missingRateIsRejected() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> new RandomFlipSpec(null));
        assertEquals("rate: is required", e.getMessage());
    }

    @Test
    void boundaryRatesAreAccepted() {
        assertEquals(0.0, new RandomFlipSpec(0.0).rate());
        assertEquals(Math.nextDown(0.5), new RandomFlipSpec(Math.nextDown(0.5)).rate());
    }
}
