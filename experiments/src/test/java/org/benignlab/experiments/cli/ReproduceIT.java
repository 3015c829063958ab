package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.benignlab.api.CsvCells;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code benign reproduce}: each claim's negative control, run small, comes out "not supported"; a
 * sabotaged claim file given through {@code --claims DIR} turns a verdict to "not supported"; bad
 * arguments are refused with nothing written.
 */
class ReproduceIT {
    @TempDir
    Path dir;

    /** claims.csv as claim -> (column -> cell); cells here hold no commas except in quoted text. */
    private static Map<String, Map<String, String>> csv(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        Map<String, Map<String, String>> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = CsvCells.split(line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells.get(i));
            }
            out.put(row.get("claim"), row);
        }
        return out;
    }

    @Test
    void everyControlRunSmallIsNotSupportedAndTheReportSaysWhy() throws Exception {
        Path out = dir.resolve("paper");
        CliTest.Result r = CliTest.cli("reproduce", "--quick", "--out", out.toString(), "--no-report", "--threads", "2");
        assertEquals(0, r.code(), r.out() + r.err());
        Map<String, Map<String, String>> rows = csv(out.resolve("claims.csv"));
        assertEquals(6, rows.size(), rows.keySet().toString());
        for (Map<String, String> row : rows.values()) {
            assertEquals("not supported", row.get("control_verdict"), row.get("claim") + ": " + row.get("control_measured"));
            assertTrue(List.of("supported", "not supported", "inconclusive").contains(row.get("verdict")), row.toString());
            assertFalse(row.get("rule").isEmpty() || row.get("measured").isEmpty(), row.toString());
        }
        // the per-run claims decide enough runs in quick mode to be supported on this data
        for (String id : List.of("loss-to-epsilon", "loss-ratio", "gradient-lower-bound")) {
            assertEquals("supported", rows.get(id).get("verdict"), id + ": " + rows.get(id).get("measured"));
            assertEquals("1", rows.get(id).get("fraction_satisfied"), rows.get(id).get("measured"));
        }
        String md = Files.readString(out.resolve("claims.md"));
        assertTrue(md.contains("It would have failed if") && md.contains("Control measured"), md);
        assertTrue(Files.exists(out.resolve("loss-ratio-control/runs.csv")), "a control that runs keeps its results");
        assertTrue(Files.exists(out.resolve("jin-threshold.yaml")), "the claim's experiment is kept with its results");
        // running again keeps every finished run
        long before = Files.readString(out.resolve("loss-ratio/runs.csv")).lines().count();
        CliTest.Result again = CliTest.cli("reproduce", "--quick", "--only", "loss-ratio", "--out", out.toString(),
                "--no-report");
        assertEquals(0, again.code(), again.err());
        assertEquals(before, Files.readString(out.resolve("loss-ratio/runs.csv")).lines().count());
        assertEquals(7, before, "a header and 6 repetitions");
    }

    @Test
    void aSabotagedClaimFileTurnsTheVerdictToNotSupported() throws Exception {
        // the genuine claim, small: supported
        Path genuine = dir.resolve("genuine");
        CliTest.Result g = CliTest.cli("reproduce", "--quick", "--only", "loss-to-epsilon", "--out", genuine.toString(),
                "--no-report", "--threads", "2");
        assertEquals(0, g.code(), g.out() + g.err());
        assertEquals("supported", csv(genuine.resolve("claims.csv")).get("loss-to-epsilon").get("verdict"), g.out());
        // sabotage: one-dimensional data with flipped labels cannot be fitted, so the loss stalls above eps
        Path claims = dir.resolve("claims");
        Files.createDirectories(claims);
        Files.writeString(claims.resolve("loss-to-epsilon.yaml"), """
                name: sabotaged
                seed: 3
                data:
                  n: 50
                  p: 1
                  mu: 1
                  noise: {type: random-flip, rate: 0.3}
                  test: 200
                network:
                  width: 1
                  activation: {type: smoothed-leaky-relu, gamma: 1.0, H: 1.0}
                  init: 1.0e-12
                training:
                  optimizer: {type: gd, step: 0.5}
                  steps: 20000
                  stall_steps: 1000
                  diagnostics: [losses]
                sweep:
                  grid:
                    training.stop_loss: [0.008, 0.004]
                  repetitions: 4
                """);
        Path out = dir.resolve("sabotaged");
        CliTest.Result r = CliTest.cli("reproduce", "--only", "loss-to-epsilon", "--claims", claims.toString(), "--out",
                out.toString(), "--no-report", "--threads", "2");
        assertEquals(0, r.code(), r.out() + r.err());
        Map<String, String> row = csv(out.resolve("claims.csv")).get("loss-to-epsilon");
        assertEquals("not supported", row.get("verdict"), row.get("measured"));
        assertTrue(row.get("measured").contains("stalled"), row.get("measured"));
    }

    @Test
    void badArgumentsAreRefusedWithNothingWritten() throws Exception {
        CliTest.Result unknown = CliTest.cli("reproduce", "--only", "nope");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("--only nope: no such claim; claims: test-error-vs-signal"), unknown.err());
        Path out = dir.resolve("never");
        CliTest.Result badSet = CliTest.cli("reproduce", "--only", "loss-ratio", "--set", "data.n=1", "--out",
                out.toString());
        assertEquals(2, badSet.code(), badSet.out() + badSet.err());
        assertTrue(badSet.err().contains("data.n") && badSet.err().contains("loss-ratio"), badSet.err());
        assertEquals(1, badSet.err().lines().count(), badSet.err());
        assertFalse(Files.exists(out), "nothing written");
        CliTest.Result noDir = CliTest.cli("reproduce", "--claims", dir.resolve("missing").toString(), "--out",
                out.toString());
        assertEquals(2, noDir.code());
        assertTrue(noDir.err().contains("--claims"), noDir.err());
        Files.createDirectories(dir.resolve("empty"));
        CliTest.Result missingFile = CliTest.cli("reproduce", "--only", "loss-ratio", "--claims",
                dir.resolve("empty").toString(), "--out", out.toString());
        assertEquals(2, missingFile.code());
        assertTrue(missingFile.err().contains("has no loss-ratio.yaml"), missingFile.err());
        CliTest.Result badPlugins = CliTest.cli("reproduce", "--only", "loss-ratio", "--plugins",
                dir.resolve("nothing.jar").toString(), "--out", out.toString());
        assertEquals(2, badPlugins.code(), badPlugins.out() + badPlugins.err());
        assertTrue(badPlugins.err().contains("--plugins") || badPlugins.err().contains("plugins"), badPlugins.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}
