package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.benignlab.api.CsvCells;
import org.benignlab.experiments.results.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps through the real command line: parallel runs, resume, failures, the manifest and runs.csv. */
class SweepIT {
    /** 3 x 2 configurations x 2 repetitions of small sketch runs (about 0.1 s each). */
    static final String SWEEP = """
            name: sweep-it
            seed: 3
            data: {n: 30, p: 20000, mu: "p^0.3", cluster: {type: gaussian}, noise: {type: random-flip, rate: 0.1}, test: 500}
            network: {width: 20, activation: {type: smoothed-leaky-relu, gamma: 0.1, H: 1.0}, init: 1.0e-9}
            training: {loss: {type: logistic}, optimizer: {type: gd, step: "1/p"}, steps: 300, engine: sketch}
            sweep:
              grid:
                data.mu: ["p^0.2", "p^0.3", "p^0.4"]
                network.width: [10, 20]
              repetitions: 2
            """;

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("sweep.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    /** runs.csv as a set of rows without the seconds column (timing is the one thing that may differ). */
    static Set<List<String>> rows(Path results) throws IOException {
        List<String> lines = Files.readAllLines(results.resolve(ResultStore.RUNS_CSV));
        List<String> header = CsvCells.split(lines.get(0));
        int seconds = header.indexOf("seconds");
        Set<List<String>> out = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = new ArrayList<>(CsvCells.split(line));
            assertEquals(header.size(), cells.size(), "whole row: " + line);
            cells.remove(seconds);
            assertTrue(out.add(cells), "duplicate row " + line);
        }
        return out;
    }

    @Test
    void aSweepPlansEveryRunFirstAndGivesTheSameRowsWhateverTheThreadCount() throws Exception {
        Path f = write(SWEEP);
        Path one = dir.resolve("one");
        Path three = dir.resolve("three");
        CliTest.Result r1 = CliTest.cli("run", f.toString(), "--out", one.toString(), "--threads", "1");
        CliTest.Result r3 = CliTest.cli("run", "--no-report", f.toString(), "--out", three.toString(), "--threads", "3");
        assertEquals(0, r1.code(), r1.err());
        assertEquals(0, r3.code(), r3.err());
        assertEquals(rows(one), rows(three));
        assertEquals(12, rows(one).size());
        JsonNode manifest = new ObjectMapper().readTree(one.resolve(ResultStore.MANIFEST).toFile());
        assertEquals(12, manifest.get("runs").size());
        assertEquals("[\"data.mu\",\"network.width\"]", manifest.get("sweep").get("paths").toString());
        List<String> header = CsvCells.split(Files.readAllLines(one.resolve(ResultStore.RUNS_CSV)).get(0));
        assertEquals(List.of("run_key", "config_key", "repetition", "data.mu", "network.width"), header.subList(0, 5));
        for (String c : List.of("status", "seconds", "test_error", "train_error", "steps", "mu", "p")) {
            assertTrue(header.contains(c), c);
        }
        // every run's folder is complete, and its metrics do not depend on the thread count
        for (JsonNode run : manifest.get("runs")) {
            String key = run.get("key").asText();
            for (String file : List.of(ResultStore.SUMMARY, ResultStore.METRICS, ResultStore.CONFIG,
                    ResultStore.PROVENANCE)) {
                assertTrue(Files.exists(one.resolve(key).resolve(file)), key + "/" + file);
            }
            assertEquals(Files.readString(one.resolve(key).resolve(ResultStore.METRICS)),
                    Files.readString(three.resolve(key).resolve(ResultStore.METRICS)));
        }
        // the report is written at the end of the run unless --no-report: one summary row per configuration
        assertTrue(Files.exists(one.resolve("report/report.html")) && Files.exists(one.resolve("report/report.md")));
        assertEquals(7, Files.readAllLines(one.resolve("report/summary.csv")).size());
        assertTrue(r1.out().contains("report: " + one.resolve("report/report.html")), r1.out());
        assertFalse(Files.exists(three.resolve("report")), "--no-report");
        // the table: one row per configuration, with the interpolated fraction
        assertTrue(r1.out().contains("data.mu") && r1.out().contains("interpolated"), r1.out());
        assertEquals(6, r1.out().lines().filter(l -> l.matches("^\\d.*\\s[12]\\s+\\d\\.\\d{4}.*")).count(), r1.out());
    }

    @Test
    void runningAgainSkipsFinishedRunsAndRerunsUnfinishedOnes() throws Exception {
        Path f = write(SWEEP);
        Path out = dir.resolve("out");
        assertEquals(0, CliTest.cli("run", "--no-report", f.toString(), "--out", out.toString(), "--threads", "2").code());
        Set<List<String>> before = rows(out);
        JsonNode manifest = new ObjectMapper().readTree(out.resolve(ResultStore.MANIFEST).toFile());
        String victim = manifest.get("runs").get(4).get("key").asText();
        String kept = manifest.get("runs").get(5).get("key").asText();
        Path keptSummary = out.resolve(kept).resolve(ResultStore.SUMMARY);
        String keptBefore = Files.readString(keptSummary);
        Files.delete(out.resolve(victim).resolve(ResultStore.SUMMARY)); // as if killed before the end
        CliTest.Result again = CliTest.cli("run", "--no-report", f.toString(), "--out", out.toString(), "--progress", "log");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("11 finished earlier, 1 to run"), again.out());
        assertEquals(keptBefore, Files.readString(keptSummary), "a finished run is not run again");
        assertEquals(before, rows(out));
    }

    @Test
    void extendingTheGridRunsOnlyTheNewRunsAndKeepsTheOldNumbers() throws Exception {
        Path f = write(SWEEP);
        Path out = dir.resolve("out");
        assertEquals(0, CliTest.cli("run", "--no-report", f.toString(), "--out", out.toString()).code());
        Set<List<String>> before = rows(out);
        CliTest.Result more = CliTest.cli("run", "--no-report", f.toString(), "--out", out.toString(),
                "--set", "sweep.grid.network.width=[20, 5, 10]", "--set", "sweep.repetitions=3");
        assertEquals(0, more.code(), more.err());
        assertTrue(more.out().contains("27 runs planned") && more.out().contains("12 finished earlier, 15 to run"),
                more.out());
        Set<List<String>> after = rows(out);
        assertEquals(27, after.size());
        assertTrue(after.containsAll(before));
    }

    @Test
    void aFolderOfAnotherExperimentIsRefusedUnlessForceNew() throws Exception {
        Path f = write(SWEEP);
        Path out = dir.resolve("out");
        assertEquals(0, CliTest.cli("run", "--no-report", f.toString(), "--out", out.toString()).code());
        CliTest.Result other = CliTest.cli("run", "--no-report", f.toString(), "--out", out.toString(), "--set", "training.steps=50");
        assertEquals(2, other.code());
        assertTrue(other.err().contains("holds results of a different experiment"), other.err());
        assertEquals(1, other.err().lines().count(), other.err());
        CliTest.Result forced = CliTest.cli("run", "--no-report", f.toString(), "--out", out.toString(), "--set", "training.steps=50",
                "--force-new");
        assertEquals(0, forced.code(), forced.err());
        assertTrue(forced.out().contains("results: " + dir.resolve("out-2")), forced.out());
        assertEquals(12, rows(dir.resolve("out-2")).size());
    }

    @Test
    void aFailedRunIsRecordedTheSweepGoesOnAndTheExitCodeSaysSo() throws Exception {
        Path f = write(SWEEP.replace("loss: {type: logistic}", "loss: {type: test-throwing}")
                .replace("network.width: [10, 20]", "training.loss.fail: [false, true]"));
        Path out = dir.resolve("out");
        CliTest.Result r = CliTest.cli("run", "--no-report", f.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("6 of 12 runs failed"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        List<String> lines = Files.readAllLines(out.resolve(ResultStore.RUNS_CSV));
        assertEquals(13, lines.size());
        assertEquals(6, lines.stream().filter(l -> l.contains(",failed,")).count());
        assertEquals(6, lines.stream().filter(l -> l.contains(",completed,")).count());
        assertTrue(lines.stream().filter(l -> l.contains(",failed,"))
                .allMatch(l -> l.contains("IllegalStateException: test-throwing loss was asked to fail")));
        // running again retries the failed runs only (and they fail again)
        CliTest.Result again = CliTest.cli("run", "--no-report", f.toString(), "--out", out.toString(), "--progress", "log");
        assertEquals(1, again.code());
        assertTrue(again.out().contains("6 finished earlier, 6 to run"), again.out());
    }

    @Test
    void completedRunsOfASweepMatchTheSameConfigurationRunAlone() throws Exception {
        Path f = write(SWEEP);
        Path sweep = dir.resolve("sweep");
        assertEquals(0, CliTest.cli("run", "--no-report", f.toString(), "--out", sweep.toString()).code());
        Path single = dir.resolve("single");
        Path g = dir.resolve("single.yaml");
        Files.writeString(g, SWEEP.substring(0, SWEEP.indexOf("sweep:")).replace("width: 20", "width: 10")
                .replace("mu: \"p^0.3\"", "mu: \"p^0.4\""));
        assertEquals(0, CliTest.cli("run", "--no-report", g.toString(), "--out", single.toString()).code());
        String key;
        try (Stream<Path> s = Files.list(single)) {
            key = s.filter(Files::isDirectory).filter(d -> d.getFileName().toString().matches("[0-9a-f]{12}")).findFirst().orElseThrow().getFileName().toString();
        }
        assertTrue(Files.exists(sweep.resolve(key).resolve(ResultStore.SUMMARY)), "same key inside the sweep");
        assertEquals(Files.readString(single.resolve(key).resolve(ResultStore.METRICS)),
                Files.readString(sweep.resolve(key).resolve(ResultStore.METRICS)));
        assertNotEquals(rows(single), rows(sweep));
    }
}
