package org.benignlab.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.Optimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** gd: spec validation, the update rule, and its declarations. */
class GdTest {

    static final GdProvider PROVIDER = new GdProvider();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0        | step: must be a finite number > 0, got 0",
        "-0.01    | step: must be a finite number > 0, got -0.01",
        "NaN      | step: must be a finite number > 0, got NaN",
        "Infinity | step: must be a finite number > 0, got Infinity"})
    void badStepIsRejected(double step, String message) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> new GdSpec(step));
        assertEquals(message, e.getMessage());
        assertEquals("step", e.path());
    }

    @Test
    void missingStepIsRejected() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> new GdSpec(null));
        assertEquals("step: is required", e.getMessage());
        assertEquals("training.optimizer.step: is required", e.at("training.optimizer").getMessage());
    }

    @Test
    void stepSubtractsStepTimesGradient() {
        Optimizer o = PROVIDER.create(new GdSpec(0.5));
        Optimizer.State s = o.start(3);
        double[] params = {1, 2, 3};
        s.step(0, params, new double[] {2, -4, 0});
        assertArrayEquals(new double[] {0, 4, 3}, params, 0.0);
        s.step(1, params, new double[] {1, 1, 1});
        assertArrayEquals(new double[] {-0.5, 3.5, 2.5}, params, 0.0);
    }

    @Test
    void refusesArraysOfAnotherDimension() {
        Optimizer.State s = PROVIDER.create(new GdSpec(0.1)).start(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.step(0, new double[2], new double[2]));
        assertTrue(e.getMessage().contains("dimension 3"), e.getMessage());
    }

    @Test
    void declaresLinearityInGradients() {
        assertTrue(PROVIDER.create(PROVIDER.exampleSpec()).linearInGradients());
        assertEquals(0.01, PROVIDER.exampleSpec().step());
        assertEquals("yes (span engine exact)", PROVIDER.properties().get("linear_in_gradients"));
    }
}
