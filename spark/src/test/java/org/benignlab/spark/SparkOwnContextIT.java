package org.benignlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.spark.SparkContext$;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's own case: no Spark context runs in the JVM, so the executor creates one for the sweep
 * (master from --master, app name benign) and stops it at the end; a sweep with nothing left to run starts
 * none.
 */
class SparkOwnContextIT {
    @TempDir
    Path dir;

    @Test
    void theExecutorCreatesAContextForTheSweepAndStopsIt() throws Exception {
        assertFalse(SparkContext$.MODULE$.getActive().isDefined(), "no context before");
        Path file = Sweeps.write(dir, "sweep.yaml", Sweeps.SWEEP.replace("repetitions: 2", "repetitions: 1"));
        Path out = dir.resolve("out");
        Sweeps.Result r = Sweeps.cli("run", file.toString(), "--out", out.toString(), "--progress", "log",
                "--executor", "spark", "--master", "local[2]", "--executor-option", "spark.ui.enabled=false");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("spark (local[2], 2 tasks at a time)"), r.out());
        assertEquals(6, Sweeps.rows(out).size());
        assertFalse(SparkContext$.MODULE$.getActive().isDefined(), "the executor stopped the context it created");

        Sweeps.Result again = Sweeps.cli("run", file.toString(), "--out", out.toString(), "--progress", "log",
                "--executor", "spark", "--master", "local[2]");
        assertEquals(0, again.code(), again.all());
        assertTrue(again.out().contains("6 finished earlier, 0 to run"), again.out());
        assertFalse(SparkContext$.MODULE$.getActive().isDefined());
    }
}
