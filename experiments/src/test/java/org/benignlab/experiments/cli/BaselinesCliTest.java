package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.benignlab.api.MetricNames;
import org.benignlab.experiments.spec.ExperimentLoaderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** training.baselines: summary.json and runs.csv carry the baselines (default all), [] none, a bad name exit 2. */
class BaselinesCliTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode run(String out, String... extra) throws Exception {
        Path file = dir.resolve("e.yaml");
        Files.writeString(file, ExperimentLoaderTest.VALID);
        Path folder = dir.resolve(out);
        String[] args = Stream.concat(Stream.of("run", file.toString(), "--out", folder.toString(), "--threads", "1"),
                Stream.of(extra)).toArray(String[]::new);
        CliTest.Result r = CliTest.cli(args);
        assertEquals(0, r.code(), r.err());
        try (Stream<Path> runs = Files.list(folder)) {
            Path summary = runs.filter(p -> Files.exists(p.resolve("summary.json"))).findFirst().orElseThrow()
                    .resolve("summary.json");
            return JSON.readTree(summary.toFile());
        }
    }

    @Test
    void everyBaselineByDefaultNoneWithAnEmptyListAndTheRunKeyUnchanged() throws Exception {
        JsonNode all = run("all");
        for (String m : MetricNames.BASELINES) {
            assertTrue(all.has(m), m + " in " + all);
        }
        // p = 400 >> n = 20: separable, every point a support vector, the margin positive
        assertEquals(20, all.get(MetricNames.MAX_MARGIN_SUPPORT_VECTORS).asInt());
        assertTrue(all.get(MetricNames.MAX_MARGIN_MARGIN).asDouble() > 0);
        double err = all.get(MetricNames.MIN_NORM_TEST_ERROR).asDouble();
        assertTrue(err >= 0 && err <= 1);
        String header = Files.readAllLines(dir.resolve("all").resolve("runs.csv")).get(0);
        assertTrue(List.of(header.split(",")).containsAll(MetricNames.BASELINES), header);

        JsonNode none = run("none", "--set", "training.baselines=[]");
        for (String m : MetricNames.BASELINES) {
            assertFalse(none.has(m), m);
        }
        assertEquals(all.get("run_key"), none.get("run_key"), "baselines are not part of the run key");
        assertEquals(all.get(MetricNames.TEST_ERROR), none.get(MetricNames.TEST_ERROR));

        JsonNode one = run("one", "--set", "training.baselines=[one-step]");
        assertTrue(one.has(MetricNames.ONE_STEP_CLEAN_ERROR_THEORY));
        assertFalse(one.has(MetricNames.MAX_MARGIN_TEST_ERROR));
    }

    @Test
    void anUnknownBaselineIsOneLineExitTwoNothingWritten() throws Exception {
        Path file = dir.resolve("e.yaml");
        Files.writeString(file, ExperimentLoaderTest.VALID);
        Path out = dir.resolve("bad");
        CliTest.Result r = CliTest.cli("run", file.toString(), "--out", out.toString(), "--set",
                "training.baselines=[svm]");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("training.baselines: must list some of max-margin, min-norm, one-step (or [] for "
                + "none), got 'svm'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out));
    }
}
