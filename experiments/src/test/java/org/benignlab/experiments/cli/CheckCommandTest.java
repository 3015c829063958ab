package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.benignlab.experiments.spec.ExperimentLoaderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benign check}: the assumptions table, its numbers from MODEL.md's inequalities, and the run's note. */
class CheckCommandTest {
    @TempDir
    Path dir;

    @Test
    void checkPrintsEachConfigurationWithTheLargestConstants() throws Exception {
        Path f = dir.resolve("e.yaml");
        Files.writeString(f, ExperimentLoaderTest.VALID + "sweep: {grid: {data.p: [400, 100000]}, repetitions: 3}\n");
        CliTest.Result r = CliTest.cli("check", f.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().lines().filter(l -> l.matches("^[12]\\s.*")).toList();
        assertEquals(2, rows.size(), "one row per configuration, not per run:\n" + r.out());
        // n = 20, p = 400, delta = 0.01: A1 largest C = 20 / log(100) = 4.343
        assertTrue(rows.get(0).contains("ok 4.343"), rows.get(0));
        // A2: max{n mu^2, n^2 log(n/delta)} = 400 log(2000) = 3040.4 > p = 400: largest C = 0.1316
        assertTrue(rows.get(0).contains("NO 0.1316"), rows.get(0));
        // A5 with step 1/p: 1 / (alpha p^2) = 1/p = 0.0025
        assertTrue(rows.get(0).contains("NO 0.0025"), rows.get(0));
        // p = 10^5, mu = p^0.35: n mu^2 = 20 * 10^3.5 = 63245.6 > 3040.4, so A2's largest C = 10^5 / 63245.6 = 1.581
        assertTrue(rows.get(1).contains("ok 1.581"), rows.get(1));
        CliTest.Result c2 = CliTest.cli("check", f.toString(), "-C", "2");
        assertTrue(c2.out().lines().filter(l -> l.startsWith("2 ")).findFirst().orElseThrow().contains("NO 1.581"),
                c2.out());
        CliTest.Result bad = CliTest.cli("check", f.toString(), "--delta", "2");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--delta: must be in (0, 1), got 2.0"), bad.err());
    }

    @Test
    void runSaysInOneLineWhenAssumptionsFail() throws Exception {
        Path f = dir.resolve("e.yaml");
        Files.writeString(f, ExperimentLoaderTest.VALID);
        CliTest.Result r = CliTest.cli("run", f.toString(), "--out", dir.resolve("out").toString(), "--no-report");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("note: outside the paper's assumptions at C = 1, δ = 0.01: "
                + "A2, A5 fail") && l.endsWith("./benign check " + f + ")")), r.out());
    }
}
