package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.benignlab.experiments.results.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per results folder, between real processes: a second {@code benign run} (or
 * {@code benign merge}) on a folder another process is writing is refused with exit code 2 naming that
 * process, and the first completes with the rows of an uninterrupted run.
 */
class OneWriterIT {
    @TempDir
    Path dir;

    /** 32 runs of a few tenths of a second each: several seconds on one thread. */
    static String longSweep() {
        return SweepIT.SWEEP.replace("steps: 300", "steps: 3000")
                .replace("network.width: [10, 20]", "network.width: [40, 60]\n    data.n: [60, 80]")
                .replace("repetitions: 2", "repetitions: 4")
                .replace("data.mu: [\"p^0.2\", \"p^0.3\", \"p^0.4\"]", "data.mu: [\"p^0.2\", \"p^0.4\"]");
    }

    /** {@link #longSweep()} as sweep.yaml. */
    private Path sweepFile() throws IOException {
        Path f = dir.resolve("sweep.yaml");
        Files.writeString(f, longSweep());
        return f;
    }

    /** Starts {@code benign run f --out out} on one thread, without progress or report, logging to {@code log}. */
    private Process startRun(String log, Path f, Path out) throws IOException {
        return BenignProcess.start(dir.resolve(log), "run", f.toString(), "--out", out.toString(), "--threads", "1",
                "--progress", "off", "--no-report");
    }

    /** Waits up to 60 s, while {@code p} lives, for it to prepare {@code out} (the manifest written). */
    private static void awaitManifest(Process p, Path out) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(out.resolve(ResultStore.MANIFEST)) && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(20);
        }
    }

    @Test
    void aSecondProcessOnAFolderInUseIsRefusedAndTheFirstCompletes() throws Exception {
        Path f = sweepFile();
        Path reference = dir.resolve("reference");
        CliTest.Result ref = CliTest.cli("run", f.toString(), "--out", reference.toString(), "--threads", "2",
                "--progress", "off", "--no-report");
        assertEquals(0, ref.code(), ref.err());
        Set<List<String>> expected = SweepIT.rows(reference);

        Path out = dir.resolve("shared");
        Process first = startRun("first.log", f, out);
        awaitManifest(first, out);
        assertTrue(Files.exists(out.resolve(ResultStore.MANIFEST)), "the first process prepared the folder");

        Process second = startRun("second.log", f, out);
        Process merge = BenignProcess.start(dir.resolve("merge.log"), "merge", reference.toString(), "--out",
                out.toString());
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second process ends");
        assertTrue(merge.waitFor(60, TimeUnit.SECONDS), "the merge ends");
        assertTrue(first.isAlive(), "the sweep outlasts the second process's start-up; make it longer if this fails");
        for (String log : List.of("second.log", "merge.log")) {
            String err = BenignProcess.err(dir.resolve(log));
            assertEquals(2, log.equals("second.log") ? second.exitValue() : merge.exitValue(), log + ": " + err);
            assertTrue(err.contains("results folder " + out + " is in use by process " + first.pid()), log + ": " + err);
            assertEquals(1, err.strip().lines().count(), err);
        }

        assertTrue(first.waitFor(300, TimeUnit.SECONDS), "the first process ends");
        assertEquals(0, first.exitValue(), BenignProcess.err(dir.resolve("first.log")));
        assertEquals(expected, SweepIT.rows(out));
        for (List<String> row : expected) {
            assertEquals(Files.readString(reference.resolve(row.get(0)).resolve(ResultStore.METRICS)),
                    Files.readString(out.resolve(row.get(0)).resolve(ResultStore.METRICS)), row.get(0));
        }
        // the lock went with the process: the folder is free again, with nothing left to run
        CliTest.Result again = CliTest.cli("run", f.toString(), "--out", out.toString(), "--progress", "log",
                "--no-report");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("32 finished earlier, 0 to run"), again.out());
    }

    @Test
    void twoProcessesStartedTogetherRunEachRunOnce() throws Exception {
        Path f = sweepFile();
        Path out = dir.resolve("together");
        Process a = startRun("a.log", f, out);
        Process b = startRun("b.log", f, out);
        assertTrue(a.waitFor(300, TimeUnit.SECONDS) && b.waitFor(300, TimeUnit.SECONDS), "both end");
        // one holds the folder for the whole sweep (several seconds), the other, started with it, is refused
        assertEquals(Set.of(0, 2), Set.of(a.exitValue(), b.exitValue()),
                BenignProcess.err(dir.resolve("a.log")) + BenignProcess.err(dir.resolve("b.log")));
        Process refused = a.exitValue() == 2 ? a : b;
        Process winner = refused == a ? b : a;
        String err = BenignProcess.err(dir.resolve(refused == a ? "a.log" : "b.log"));
        assertTrue(err.contains("is in use by process " + winner.pid()), err);
        assertEquals(32, SweepIT.rows(out).size(), "every run once (rows() refuses a repeated row)");
    }

    @Test
    void aProcessKilledWhileHoldingTheLockLeavesNoStaleLock() throws Exception {
        Path f = sweepFile();
        Path out = dir.resolve("killed");
        Process p = startRun("killed.log", f, out);
        awaitManifest(p, out);
        assertTrue(p.isAlive(), BenignProcess.err(dir.resolve("killed.log")));
        p.destroyForcibly();
        p.waitFor();
        CliTest.Result resumed = CliTest.cli("run", f.toString(), "--out", out.toString(), "--threads", "2",
                "--progress", "off", "--no-report");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(32, SweepIT.rows(out).size());
    }
}
