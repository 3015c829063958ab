package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benign reproduce --quick} on two claims: their sweeps run, and the claims report says what it found. */
class ReproduceIT {
    @TempDir
    Path dir;

    @Test
    void quickReproductionOfTwoClaimsWritesTheClaimsReportAndResumes() throws Exception {
        Path out = dir.resolve("paper");
        CliTest.Result r = CliTest.cli("reproduce", "--quick", "--only", "interpolation-vs-noise", "--only",
                "jin-threshold", "--out", out.toString(), "--no-report", "--threads", "2");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("jin-threshold") && l.contains("supported")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("interpolation-vs-noise") && l.contains("supported")),
                r.out());
        List<String> csv = Files.readAllLines(out.resolve("claims.csv"));
        assertEquals(3, csv.size(), "a header and one row per claim");
        assertTrue(Files.readString(out.resolve("claims.md")).contains("Jin"));
        assertTrue(Files.exists(out.resolve("jin-threshold.yaml")), "the claim's experiment is kept with its results");
        assertTrue(Files.exists(out.resolve("jin-threshold/runs.csv")));
        // running again keeps every finished run
        CliTest.Result again = CliTest.cli("reproduce", "--quick", "--only", "jin-threshold", "--out", out.toString(),
                "--no-report");
        assertEquals(0, again.code(), again.err());
        assertEquals(Files.readString(out.resolve("jin-threshold/runs.csv")).lines().count(), 9,
                "4 configurations x 2 repetitions");
        CliTest.Result bad = CliTest.cli("reproduce", "--only", "nope");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--only nope: no such claim; claims: test-error-vs-signal"), bad.err());
    }
}
