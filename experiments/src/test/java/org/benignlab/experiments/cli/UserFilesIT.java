package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.benignlab.experiments.results.ResultStore;
import org.benignlab.experiments.spec.ExperimentLoaderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of the user's given where results go is refused and left exactly as it was; the temporary
 * files cleaned up after a killed process are only ours, only where we write.
 */
class UserFilesIT {
    @TempDir
    Path dir;

    /** A user's folder with files named like temporary files, one of them a folder, two levels deep. */
    private Path usersFolder() throws IOException {
        Path u = dir.resolve("mine");
        Files.createDirectories(u.resolve("docs"));
        Files.createDirectories(u.resolve(".cache.tmp").resolve("x"));
        Files.writeString(u.resolve(".draft.tmp"), "draft");
        Files.writeString(u.resolve("docs").resolve(".backup.tmp"), "backup");
        Files.writeString(u.resolve(".cache.tmp").resolve("x").resolve("file"), "cached");
        Files.writeString(u.resolve("notes.txt"), "notes");
        return u;
    }

    /** Every path under {@code d} with its content (folders as "/"). */
    private static Map<String, String> snapshot(Path d) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.toList()) {
                m.put(d.relativize(p).toString(), Files.isDirectory(p) ? "/" : Files.readString(p));
            }
        }
        return m;
    }

    private Path valid() throws IOException {
        Path f = dir.resolve("valid.yaml");
        Files.writeString(f, ExperimentLoaderTest.VALID);
        return f;
    }

    @Test
    void runRefusesAUsersFolderAndLeavesEveryFile() throws IOException {
        Path mine = usersFolder();
        Map<String, String> before = snapshot(mine);
        CliTest.Result r = CliTest.cli("run", valid().toString(), "--out", mine.toString(), "--set", "training.steps=5");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--out " + mine + ": is a folder with files in it but no manifest.json"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals(before, snapshot(mine));
    }

    @Test
    void mergeRefusesAUsersFolderAndLeavesEveryFile() throws IOException {
        Path shard = dir.resolve("shard");
        assertEquals(0, CliTest.cli("run", valid().toString(), "--out", shard.toString(), "--set", "training.steps=5",
                "--no-report").code());
        Path mine = usersFolder();
        Map<String, String> before = snapshot(mine);
        CliTest.Result r = CliTest.cli("merge", shard.toString(), "--out", mine.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("merge --out " + mine + ": is a folder with files in it but no manifest.json"),
                r.err());
        assertEquals(before, snapshot(mine));
    }

    @Test
    void anEmptyOutIsAUsageErrorForRunAndMerge() throws IOException {
        CliTest.Result run = CliTest.cli("run", valid().toString(), "--out", "");
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("--out: must name a folder, got an empty path"), run.err());
        CliTest.Result merge = CliTest.cli("merge", dir.toString(), "--out", "");
        assertEquals(2, merge.code(), merge.err());
        assertTrue(merge.err().contains("--out: must name a folder, got an empty path"), merge.err());
    }

    @Test
    void resumingRemovesOnlyOurTemporaryFilesAndOnlyWhereWeWrite() throws IOException {
        Path out = dir.resolve("out");
        Path f = valid();
        assertEquals(0, CliTest.cli("run", f.toString(), "--out", out.toString(), "--set", "training.steps=5",
                "--no-report").code());
        String key;
        try (Stream<Path> s = Files.list(out)) {
            key = s.filter(p -> Files.exists(p.resolve(ResultStore.SUMMARY))).findFirst().orElseThrow()
                    .getFileName().toString();
        }
        // what a killed process of ours leaves: temporary files in the folder and in a run folder, a merge's
        // temporary run folder
        Path ours1 = out.resolve(".benign-runs.csv.1f2e.tmp");
        Path ours2 = out.resolve(key).resolve(".benign-metrics.csv.3a4b.tmp");
        Path oursDir = out.resolve(".benign-" + key + ".5c6d.tmp");
        Files.writeString(ours1, "half");
        Files.writeString(ours2, "half");
        Files.createDirectories(oursDir);
        Files.writeString(oursDir.resolve(ResultStore.METRICS), "half");
        // files of the user's inside the results folder: named like temporary files, but not ours or not where we write
        Path user1 = out.resolve(".draft.tmp");
        Path user2 = out.resolve(key).resolve(".notes.tmp");
        Path user3 = out.resolve("extra").resolve("deeper").resolve(".benign-x.1.tmp");
        Files.createDirectories(user3.getParent());
        Files.writeString(user1, "u");
        Files.writeString(user2, "u");
        Files.writeString(user3, "u");

        CliTest.Result again = CliTest.cli("run", f.toString(), "--out", out.toString(), "--set", "training.steps=5",
                "--no-report");
        assertEquals(0, again.code(), again.err());
        for (Path p : List.of(ours1, ours2, oursDir)) {
            assertFalse(Files.exists(p), "ours, removed: " + p);
        }
        for (Path p : List.of(user1, user2, user3)) {
            assertEquals("u", Files.readString(p), "the user's, kept: " + p);
        }
    }
}
