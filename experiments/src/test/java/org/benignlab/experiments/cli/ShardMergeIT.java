package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.benignlab.experiments.results.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep run whole, and run in 3 shards then merged, gives the same rows and the same numbers. */
class ShardMergeIT {
    @TempDir
    Path dir;

    @Test
    void threeShardsMergedEqualTheWholeSweep() throws Exception {
        Path f = dir.resolve("sweep.yaml");
        Files.writeString(f, SweepIT.SWEEP);
        Path whole = dir.resolve("whole");
        assertEquals(0, CliTest.cli("run", f.toString(), "--out", whole.toString(), "--progress", "off").code());
        Set<List<String>> expected = SweepIT.rows(whole);

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Path shard = dir.resolve("shard-" + i);
            CliTest.Result r = CliTest.cli("run", f.toString(), "--shard", i + "/3", "--out", shard.toString(),
                    "--progress", "log", "--threads", "1");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("4 in this shard"), "12 runs split 4/4/4: " + r.out());
            for (List<String> row : SweepIT.rows(shard)) {
                assertTrue(seen.add(row.get(0)), "a run in two shards: " + row.get(0));
            }
        }
        assertEquals(12, seen.size());

        Path merged = dir.resolve("merged");
        CliTest.Result partial = CliTest.cli("merge", dir.resolve("shard-0").toString(),
                dir.resolve("shard-2").toString(), "--out", merged.toString());
        assertEquals(0, partial.code(), partial.err());
        assertTrue(partial.out().contains("8 of 12 planned runs finished") && partial.out().contains("missing: 4 runs"),
                partial.out());
        CliTest.Result rest = CliTest.cli("merge", dir.resolve("shard-1").toString(), dir.resolve("shard-2").toString(),
                "--out", merged.toString());
        assertEquals(0, rest.code(), rest.err());
        assertTrue(rest.out().contains("12 of 12 planned runs finished (4 copied)"), rest.out());
        assertEquals(expected, SweepIT.rows(merged));
        for (List<String> row : expected) {
            assertEquals(Files.readString(whole.resolve(row.get(0)).resolve(ResultStore.METRICS)),
                    Files.readString(merged.resolve(row.get(0)).resolve(ResultStore.METRICS)));
        }
        // the merged folder is a normal results folder: running the experiment into it has nothing to do
        CliTest.Result again = CliTest.cli("run", f.toString(), "--out", merged.toString(), "--progress", "log");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("12 finished earlier, 0 to run"), again.out());
    }

    @Test
    void foldersOfDifferentExperimentsAreNotMerged() throws Exception {
        Path f = dir.resolve("sweep.yaml");
        Files.writeString(f, SweepIT.SWEEP);
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, CliTest.cli("run", f.toString(), "--shard", "0/6", "--out", a.toString()).code());
        assertEquals(0, CliTest.cli("run", f.toString(), "--shard", "0/6", "--out", b.toString(),
                "--set", "training.steps=30").code());
        CliTest.Result r = CliTest.cli("merge", a.toString(), b.toString(), "--out", dir.resolve("m").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("holds results of a different experiment"), r.err());
        assertEquals(1, r.err().lines().count());
        assertTrue(!Files.exists(dir.resolve("m")), "nothing written");
        CliTest.Result none = CliTest.cli("merge", dir.resolve("nowhere").toString(), "--out", dir.resolve("m").toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no such folder"), none.err());
        CliTest.Result badShard = CliTest.cli("run", f.toString(), "--shard", "3/3");
        assertEquals(2, badShard.code());
        assertTrue(badShard.err().contains("--shard 3/3: must be i/k with k >= 1 and 0 <= i < k"), badShard.err());
    }
}
