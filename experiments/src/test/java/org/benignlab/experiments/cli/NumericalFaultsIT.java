package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.benignlab.experiments.results.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numerical faults inside a sweep are results, not crashes: a step size so large that the weights
 * overflow is recorded as diverged with its step and reason, a step so small that the loss cannot
 * move is recorded as stalled, and the sweep goes on to the healthy configuration (exit code 0).
 */
class NumericalFaultsIT {
    @TempDir
    Path dir;

    @Test
    void divergenceAndStallAreRecordedWithTheirStepAndTheSweepGoesOn() throws Exception {
        Path f = dir.resolve("faults.yaml");
        Files.writeString(f, """
                name: faults
                seed: 5
                data: {n: 30, p: 5000, mu: "p^0.3", cluster: {type: gaussian}, noise: {type: random-flip, rate: 0.1}, test: 500}
                network: {width: 20, activation: {type: smoothed-leaky-relu, gamma: 0.1, H: 1.0}, init: 1.0e-6}
                training: {loss: {type: logistic}, optimizer: {type: gd, step: "1/p"}, steps: 400, stall_steps: 50}
                sweep:
                  grid:
                    training.optimizer.step: ["1/p", 1.0e308, 1.0e-300]
                """);
        Path out = dir.resolve("out");
        CliTest.Result r = CliTest.cli("run", f.toString(), "--out", out.toString(), "--no-report");
        assertEquals(0, r.code(), "faults are results: " + r.out() + r.err());
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> byStep = new HashMap<>();
        for (JsonNode run : json.readTree(out.resolve(ResultStore.MANIFEST).toFile()).get("runs")) {
            JsonNode s = json.readTree(out.resolve(run.get("key").asText()).resolve(ResultStore.SUMMARY).toFile());
            byStep.put(run.get("swept").get("training.optimizer.step").asText(), s);
        }
        JsonNode healthy = byStep.get(String.valueOf(1.0 / 5000));
        JsonNode huge = byStep.get("1.0E308");
        JsonNode tiny = byStep.get("1.0E-300");
        assertEquals("completed", healthy.get("status").asText(), healthy.toString());
        assertEquals("max_steps", healthy.get("stop_reason").asText());
        assertEquals("diverged", huge.get("status").asText(), huge.toString());
        assertTrue(huge.get("diverged_at_step").asLong() >= 1, huge.toString());
        assertTrue(huge.get("message").asText().startsWith("diverged at step " + huge.get("diverged_at_step").asLong()),
                huge.get("message").asText());
        assertEquals("completed", tiny.get("status").asText(), tiny.toString());
        assertEquals("stalled", tiny.get("stop_reason").asText(), tiny.toString());
        assertEquals(50, tiny.get("steps").asLong(), "no new minimum after step 0: stopped 50 steps later");
        assertTrue(tiny.get("message").asText().startsWith("stalled at step 50"), tiny.get("message").asText());
        assertTrue(r.out().contains("1 diverged"), "the table says what did not complete: " + r.out());
    }
}
