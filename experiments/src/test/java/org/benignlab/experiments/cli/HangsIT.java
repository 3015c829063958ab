package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing the user gives makes the command wait forever: FIFOs and devices are refused, long CSV lines
 * are refused once they pass the bound, and a heap too small for the runs ends the process (exit 1,
 * with the reason) instead of leaving it waiting for workers that died. Each case is a real process
 * given a deadline, so a hang fails the test instead of stopping the build.
 */
class HangsIT {
    @TempDir
    Path dir;

    private static final String DATA_EXPERIMENT = """
            name: file-data
            seed: 3
            data: {type: file, x: X.csv, y: y.csv}
            network: {width: 4, activation: {type: smoothed-leaky-relu, gamma: 0.2, H: 2.0}}
            training: {optimizer: {type: gd, step: 0.01}, steps: 20}
            """;

    private static void mkfifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is available");
    }

    /** Runs benign with the arguments; it must end within {@code seconds}. Returns the exit code. */
    private int endsWithin(int seconds, String log, List<String> jvm, String... args) throws Exception {
        Process p = BenignProcess.start(dir.resolve(log), jvm, Map.of(), args);
        boolean ended = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
            p.waitFor();
        }
        assertTrue(ended, log + ": still running after " + seconds + " s");
        return p.exitValue();
    }

    private void assertOneLine(String log, String fragment) throws IOException {
        String err = BenignProcess.err(dir.resolve(log));
        assertTrue(err.contains(fragment), log + ": expected '" + fragment + "' in: " + err);
        assertEquals(1, err.strip().lines().count(), err);
    }

    @Test
    void aFifoAsTheExperimentFileIsRefused() throws Exception {
        Path fifo = dir.resolve("experiment.yaml");
        mkfifo(fifo);
        assertEquals(2, endsWithin(30, "fifo-yaml.log", List.of(), "run", fifo.toString(), "--out",
                dir.resolve("out").toString()));
        assertOneLine("fifo-yaml.log", fifo + ": is not a regular file (a FIFO, device or socket?)");
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aDeviceAsTheExperimentFileIsRefused() throws Exception {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        assertEquals(2, endsWithin(30, "zero.log", List.of(), "run", zero.toString(), "--out",
                dir.resolve("out").toString()));
        assertOneLine("zero.log", "/dev/zero: is not a regular file");
    }

    /** {@link #DATA_EXPERIMENT} as e.yaml beside its labels y.csv; X.csv is left to the test. */
    private Path dataExperiment() throws IOException {
        Path f = dir.resolve("e.yaml");
        Files.writeString(f, DATA_EXPERIMENT);
        Files.writeString(dir.resolve("y.csv"), "1\n-1\n1\n-1\n");
        return f;
    }

    @Test
    void aFifoAsADataFileIsRefused() throws Exception {
        Path f = dataExperiment();
        mkfifo(dir.resolve("X.csv"));
        assertEquals(2, endsWithin(30, "fifo-data.log", List.of(), "run", f.toString(), "--out",
                dir.resolve("out").toString()));
        assertOneLine("fifo-data.log", "data.x: X.csv: is not a regular file");
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aCsvLineLongerThanTheBoundIsRefusedWithoutReadingItWhole() throws Exception {
        Path f = dataExperiment();
        try (Writer w = Files.newBufferedWriter(dir.resolve("X.csv"))) {
            w.write("1,2\n");
            String chunk = "0.5,".repeat(1 << 14);
            for (long written = 0; written <= (1L << 25); written += chunk.length()) { // one line past the bound
                w.write(chunk);
            }
            w.write("1\n");
        }
        assertEquals(2, endsWithin(60, "long-line.log", List.of(), "run", f.toString(), "--out",
                dir.resolve("out").toString()));
        assertOneLine("long-line.log", "data.x: X.csv line 2 is longer than 33554432 characters");
    }

    @Test
    void aHeapTooSmallForTheRunsEndsTheProcessWithItsReason() throws Exception {
        Path f = dir.resolve("sweep.yaml");
        Files.writeString(f, OneWriterIT.longSweep());
        int code = endsWithin(60, "small-heap.log", List.of("-Xmx8m"), "run", f.toString(), "--out",
                dir.resolve("out").toString(), "--threads", "2", "--progress", "off", "--no-report");
        if (code != 0) { // a heap of 8 MiB may suffice on some JVMs: then the runs simply finish
            assertEquals(1, code, BenignProcess.err(dir.resolve("small-heap.log")));
            String err = BenignProcess.err(dir.resolve("small-heap.log"));
            assertTrue(err.contains("out of memory") || err.contains("runs failed"), err);
        }
    }
}
