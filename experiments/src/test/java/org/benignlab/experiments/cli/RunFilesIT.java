package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.benignlab.experiments.results.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of a run counts: running again redoes a finished run that lost any of its files, and
 * merge compares every file of a run found finished in two folders (timing and machine aside) and
 * exits 1 with the conflict on stderr when they differ.
 */
class RunFilesIT {
    @TempDir
    Path dir;

    private Path sweep() throws IOException {
        Path f = dir.resolve("sweep.yaml");
        Files.writeString(f, SweepIT.SWEEP);
        return f;
    }

    private static CliTest.Result run(Path f, Path out) {
        return CliTest.cli("run", f.toString(), "--out", out.toString(), "--progress", "log", "--no-report");
    }

    private static String someRun(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> Files.exists(p.resolve(ResultStore.SUMMARY))).map(p -> p.getFileName().toString())
                    .sorted().findFirst().orElseThrow();
        }
    }

    @Test
    void aFinishedRunMissingAnyOfItsFilesIsRunAgain() throws IOException {
        Path f = sweep();
        Path out = dir.resolve("out");
        assertEquals(0, run(f, out).code());
        String key = someRun(out);
        for (String file : List.of(ResultStore.METRICS, ResultStore.CONFIG, ResultStore.PROVENANCE)) {
            String before = Files.readString(out.resolve(key).resolve(file));
            Files.delete(out.resolve(key).resolve(file));
            CliTest.Result again = run(f, out);
            assertEquals(0, again.code(), again.err());
            assertTrue(again.out().contains("11 finished earlier, 1 to run"), file + ": " + again.out());
            if (!file.equals(ResultStore.PROVENANCE)) { // provenance holds the times of the new attempt
                assertEquals(before, Files.readString(out.resolve(key).resolve(file)), file);
            }
        }
        assertEquals(12, SweepIT.rows(out).size());
    }

    @Test
    void mergeComparesEveryFileAndAConflictIsExitCode1OnStderr() throws IOException {
        Path f = sweep();
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, run(f, a).code());
        assertEquals(0, run(f, b).code()); // the same runs again: only timing and times differ
        CliTest.Result same = CliTest.cli("merge", a.toString(), b.toString(), "--out", dir.resolve("ab").toString());
        assertEquals(0, same.code(), same.out() + same.err());
        assertEquals("", same.err());

        String key = someRun(b);
        Path metrics = b.resolve(key).resolve(ResultStore.METRICS);
        List<String> lines = Files.readAllLines(metrics);
        String last = lines.get(lines.size() - 1);
        lines.set(lines.size() - 1, last.substring(0, last.lastIndexOf(',') + 1) + "0.123456789");
        Files.write(metrics, lines); // the summary still agrees: only metrics.csv tells them apart
        Path merged = dir.resolve("merged");
        CliTest.Result conflict = CliTest.cli("merge", a.toString(), b.toString(), "--out", merged.toString());
        assertEquals(1, conflict.code(), conflict.out() + conflict.err());
        assertTrue(conflict.err().contains("run " + key + " (metrics.csv differ: " + a + " vs " + b + ")"),
                conflict.err());
        assertTrue(!conflict.out().contains("warning"), conflict.out());
        assertEquals(Files.readString(a.resolve(key).resolve(ResultStore.METRICS)),
                Files.readString(merged.resolve(key).resolve(ResultStore.METRICS)), "the first folder's run is kept");
    }
}
