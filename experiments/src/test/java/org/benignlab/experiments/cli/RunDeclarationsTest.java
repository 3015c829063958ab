package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.benignlab.experiments.spec.ExperimentLoaderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run records what its plugins declare (summary.json {@code declared}), which the reports read instead of the
 * plugins' YAML names, and says so when half its training labels or more were flipped.
 */
class RunDeclarationsTest {
    @TempDir
    Path dir;

    private JsonNode summary(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            Path run = s.filter(p -> p.getFileName().toString().matches("[0-9a-f]{12}")).findFirst().orElseThrow();
            return new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        }
    }

    @Test
    void summaryRecordsTheDeclaredProperties() throws Exception {
        Path f = dir.resolve("e.yaml");
        Files.writeString(f, ExperimentLoaderTest.VALID);
        Path out = dir.resolve("out");
        CliTest.Result r = CliTest.cli("run", f.toString(), "--out", out.toString(), "--no-report", "--set",
                "data.cluster={type: uniform}");
        assertEquals(0, r.code(), r.err());
        JsonNode d = summary(out).get("declared");
        assertEquals("uniform", d.get("cluster").get("type").asText());
        assertEquals(1.0, d.get("cluster").get("coordinate_variance").asDouble());
        assertEquals(1.0, d.get("cluster").get("sub_gaussian_norm").asDouble());
        assertEquals(0.0, d.get("cluster").get("strong_log_concavity").asDouble(), "uniform: λ = 0");
        assertFalse(d.get("cluster").get("isotropic_gaussian").asBoolean());
        assertEquals(0.1, d.get("activation").get("gamma").asDouble(), "γ from the activation's leakiness()");
        assertEquals(1.0, d.get("activation").get("H").asDouble());
        assertEquals("random-flip", d.get("noise").get("type").asText());
        assertFalse(d.get("noise").get("adversarial").asBoolean());
        // laplace has no sub-Gaussian norm: the key is left out rather than written as null or NaN
        Path out2 = dir.resolve("out2");
        assertEquals(0, CliTest.cli("run", f.toString(), "--out", out2.toString(), "--no-report", "--set",
                "data.cluster={type: laplace}").code());
        assertFalse(summary(out2).get("declared").get("cluster").has("sub_gaussian_norm"));
    }

    @Test
    void aRunWithHalfItsLabelsFlippedSaysSo() throws Exception {
        Path f = dir.resolve("e.yaml");
        Files.writeString(f, ExperimentLoaderTest.VALID);
        // fixed-count at η = 0.49 flips ⌈0.49 · 20⌉ = 10 of 20 labels: a fraction of exactly 1/2
        Path out = dir.resolve("out");
        assertEquals(0, CliTest.cli("run", f.toString(), "--out", out.toString(), "--no-report", "--set",
                "data.noise={type: fixed-count, rate: 0.49}").code());
        JsonNode s = summary(out);
        assertEquals(10, s.get("noisy_count").asInt());
        assertTrue(s.get("message").asText().contains("note: 10 of 20 training labels were flipped (a fraction of 1/2 "
                + "or more)"), s.get("message").asText());
        Path ok = dir.resolve("ok");
        assertEquals(0, CliTest.cli("run", f.toString(), "--out", ok.toString(), "--no-report", "--set",
                "data.noise={type: fixed-count, rate: 0.45}").code());
        assertFalse(summary(ok).get("message").asText().contains("note:"), "9 of 20: no note");
    }
}
