package org.benignlab.experiments.arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stall window the engine gets from the YAML: off for a run that stops at interpolation unless set. */
class StallRuleWiringTest {
    @TempDir
    Path dir;

    @Test
    void theEngineGetsNoStallRuleForARunToInterpolationUnlessTheFileSetsOne() throws Exception {
        Path yaml = dir.resolve("s.yaml");
        Files.writeString(yaml, ArraysFixture.tiny("dense", "[]").replace("steps: 150", "steps: 8000"));
        assertEquals(2000, ArraysFixture.build(yaml).setup().stallSteps(), "max(1000, steps/4)");
        assertEquals(0, ArraysFixture.build(yaml, "training.stop_at_interpolation=true").setup().stallSteps());
        assertEquals(300, ArraysFixture.build(yaml, "training.stop_at_interpolation=true", "training.stall_steps=300")
                .setup().stallSteps());
    }
}
