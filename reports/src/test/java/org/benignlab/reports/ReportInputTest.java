package org.benignlab.reports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is a {@link ReportInputException} with one line that names the file and what is wrong. */
class ReportInputTest {
    @TempDir
    Path dir;

    static ReportInputException refused(Path resultsDir, String fileName, String what) {
        ReportInputException e = assertThrows(ReportInputException.class,
                () -> ReportWriter.write(resultsDir, ReportWriter.Options.defaults()));
        String m = e.getMessage();
        assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
        assertTrue(m.contains(fileName), "names " + fileName + ": " + m);
        assertTrue(m.contains(what), "says '" + what + "': " + m);
        return e;
    }

    /** A valid one-run folder to break. */
    Path valid() {
        Fixtures.Run r = new Fixtures.Run("r0", "c0", 0);
        r.errors(0, 0.1, 0.0);
        Path results = dir.resolve("results");
        Fixtures.write(results, "x", List.of(), 1, List.of(r));
        return results;
    }

    @Test
    void missingManifest() throws IOException {
        Path results = Files.createDirectories(dir.resolve("empty"));
        refused(results, "manifest.json", "missing");
        assertFalse(Files.exists(results.resolve("report")), "nothing written");
    }

    @Test
    void notADirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        refused(file, "file.txt", "not a directory");
        refused(dir.resolve("nowhere"), "nowhere", "no such results folder");
    }

    @Test
    void malformedManifest() throws IOException {
        Path results = valid();
        Files.writeString(results.resolve("manifest.json"), "{\"name\": \"x\", \"runs\": [");
        refused(results, "manifest.json", "not valid JSON at line 1");
        Files.writeString(results.resolve("manifest.json"), "{\"name\": \"x\", \"runs\": []}");
        refused(results, "manifest.json", "'runs' must be a non-empty array");
        Files.writeString(results.resolve("manifest.json"), "{\"runs\": [{\"key\": \"../etc\"}]}");
        refused(results, "manifest.json", "runs[0].key must be a run key");
        Files.writeString(results.resolve("manifest.json"), "{\"sweep\": {\"paths\": \"data.p\"}, \"runs\": [{\"key\": \"r0\"}]}");
        refused(results, "manifest.json", "'sweep.paths' must be an array of strings");
    }

    @Test
    void malformedSummary() throws IOException {
        Path results = valid();
        Path summary = results.resolve("r0/summary.json");
        String good = Files.readString(summary);
        Files.writeString(summary, good.substring(0, good.length() / 2));
        refused(results, "summary.json", "not valid JSON");
        Files.writeString(summary, good.replace("\"completed\"", "\"done\""));
        refused(results, "summary.json", "'status' must be one of completed, diverged, failed; got \"done\"");
        Files.writeString(summary, good.replace("\"test_error\" : 0.1", "\"test_error\" : \"ten percent\""));
        refused(results, "summary.json", "'test_error' must be a number or null, got \"ten percent\"");
        Files.writeString(summary, good.replace("\"run_key\" : \"r0\"", "\"run_key\" : \"zz\""));
        refused(results, "summary.json", "run_key is 'zz'");
        Files.writeString(summary, "[1, 2]");
        refused(results, "summary.json", "expected a JSON object, got array");
    }

    @Test
    void malformedMetrics() throws IOException {
        Path results = valid();
        Files.writeString(results.resolve("r0/metrics.csv"), "step,metric,value\n0,train_loss,abc\n");
        refused(results, "metrics.csv", ":2: not a number");
    }

    @Test
    void messageIsOneLineEvenForMultiLineCauses() {
        assertTrue(new ReportInputException("a.json: bad\n  at line 3\r\n").getMessage().equals("a.json: bad at line 3"));
    }
}
