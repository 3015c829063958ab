package org.benignlab.experiments.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrainingSpecTest {
    private static TrainingSpec spec(long steps, Boolean stopAtInterpolation, Long stallSteps) {
        return new TrainingSpec(null, null, null, steps, null, stopAtInterpolation, null, null, null, null,
                stallSteps, null, null);
    }

    @Test
    void theDefaultStallWindowIsAQuarterOfTheBudgetAndAtLeast1000() {
        assertEquals(1000, spec(2000, null, null).stallWindow());
        assertEquals(25_000, spec(100_000, false, null).stallWindow());
    }

    @Test
    void aRunThatStopsAtInterpolationIsNotStoppedAsStalledUnlessTheUserSetTheWindow() {
        assertEquals(0, spec(100_000, true, null).stallWindow());
        assertEquals(500, spec(100_000, true, 500L).stallWindow());
        assertEquals(0, spec(100_000, false, 0L).stallWindow());
    }
}
