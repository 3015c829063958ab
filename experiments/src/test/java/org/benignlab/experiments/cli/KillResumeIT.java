package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.benignlab.experiments.results.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real {@code benign run} process at random moments, then running again, gives the
 * same runs.csv (as a set of rows, timing aside) as one uninterrupted run; after every kill, each file
 * in the folder can be read (no half-written file), and every run that has a summary has its whole
 * folder. The kill moments come from a fixed seed; they fall in JVM start-up, in the middle of runs and
 * between runs.
 */
class KillResumeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Starts the sweep {@code yaml} into {@code out} in its own JVM, its output in {@code out}.log. */
    private static Process start(Path yaml, Path out) throws IOException {
        return BenignProcess.start(log(out), "run", yaml.toString(), "--out", out.toString(), "--threads", "2",
                "--progress", "off", "--no-report");
    }

    private static Path log(Path out) {
        return out.resolveSibling(out.getFileName() + ".log");
    }

    @Test
    void killedAtRandomMomentsAndResumedGivesTheRowsOfAnUninterruptedSweep() throws Exception {
        // 32 runs of about 0.2 s each: a sweep of about 4 s on 2 cores, so kills land inside it
        String yaml = SweepIT.SWEEP.replace("steps: 300", "steps: 3000")
                .replace("network.width: [10, 20]", "network.width: [40, 60]\n    data.n: [60, 80]")
                .replace("repetitions: 2", "repetitions: 4")
                .replace("data.mu: [\"p^0.2\", \"p^0.3\", \"p^0.4\"]", "data.mu: [\"p^0.2\", \"p^0.4\"]");
        Path f = dir.resolve("sweep.yaml");
        Files.writeString(f, yaml);

        Path reference = dir.resolve("reference");
        CliTest.Result ref = CliTest.cli("run", f.toString(), "--out", reference.toString(), "--threads", "2",
                "--progress", "off", "--no-report");
        assertEquals(0, ref.code(), ref.err());
        Set<List<String>> expected = SweepIT.rows(reference);
        assertEquals(32, expected.size());

        Path out = dir.resolve("killed");
        Random random = new Random(20261129L);
        int kills = 0;
        for (int attempt = 0; attempt < 8 && kills < 4; attempt++) {
            Process p = start(f, out);
            long delay = 300 + random.nextInt(1200);
            if (p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                checkReadable(out);
                break; // the sweep finished before this kill
            }
            p.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hook, no finally block runs
            p.waitFor();
            kills++;
            checkReadable(out);
        }
        assertTrue(kills >= 2, "at least two runs were killed mid-way (" + kills + ")");
        Process last = start(f, out);
        assertTrue(last.waitFor(120, TimeUnit.SECONDS), "the resumed sweep ends");
        assertEquals(0, last.exitValue(), BenignProcess.err(log(out)));
        checkReadable(out);
        assertEquals(expected, SweepIT.rows(out));
        for (List<String> row : expected) {
            String key = row.get(0);
            assertEquals(Files.readString(reference.resolve(key).resolve(ResultStore.METRICS)),
                    Files.readString(out.resolve(key).resolve(ResultStore.METRICS)), key);
        }
    }

    /** Every file a reader looks at parses; every run with a summary has its whole folder. */
    private static void checkReadable(Path out) throws IOException {
        if (!Files.exists(out.resolve(ResultStore.MANIFEST))) {
            return; // killed before the manifest: nothing was written
        }
        JsonNode manifest = JSON.readTree(out.resolve(ResultStore.MANIFEST).toFile());
        assertEquals(32, manifest.get("runs").size());
        if (Files.exists(out.resolve(ResultStore.RUNS_CSV))) {
            SweepIT.rows(out); // checks every row is whole and none repeats
        }
        List<Path> runDirs = new ArrayList<>();
        try (Stream<Path> s = Files.list(out)) {
            s.filter(Files::isDirectory).filter(d -> d.getFileName().toString().matches("[0-9a-f]{12}")).forEach(runDirs::add);
        }
        for (Path rd : runDirs) {
            Path summary = rd.resolve(ResultStore.SUMMARY);
            if (Files.exists(summary)) {
                assertEquals("completed", JSON.readTree(summary.toFile()).get("status").asText(), rd.toString());
                JSON.readTree(rd.resolve(ResultStore.PROVENANCE).toFile());
                List<String> metrics = Files.readAllLines(rd.resolve(ResultStore.METRICS));
                assertEquals("step,metric,value", metrics.get(0));
                assertTrue(metrics.get(metrics.size() - 1).matches("\\d+,(stable_rank|gradient_cosine_max),.+"),
                        "whole metrics file");
                assertTrue(Files.exists(rd.resolve(ResultStore.CONFIG)));
            }
        }
    }
}
