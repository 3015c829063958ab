package org.benignlab.spark;

import static org.benignlab.spark.Sweeps.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;
import org.benignlab.experiments.results.ResultStore;
import org.benignlab.experiments.run.PluginCatalog;
import org.benignlab.experiments.run.PortableRun;
import org.benignlab.experiments.run.RunExecutor;
import org.benignlab.experiments.run.RunOutput;
import org.benignlab.experiments.run.RunPlan;
import org.benignlab.experiments.run.SweepPlanner;
import org.benignlab.experiments.spec.ExperimentLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark executor through the real command line, on a local[2] context that the tests start once and
 * stop at the end (the executor uses the context running in its JVM and leaves it running): the same rows
 * and metrics as the local executor, resume, plugin jars in the tasks, and failures that stop the sweep.
 */
class SparkExecutorIT {
    private static final String MASTER = "local[2]";
    private static JavaSparkContext spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(new SparkConf().setMaster(MASTER).setAppName("benign-spark-it")
                .set("spark.ui.enabled", "false").set("spark.executor.heartbeatInterval", "200ms"));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private Result sparkRun(Path file, Path out, String... more) {
        return run(file, out, List.of("--executor", "spark", "--master", MASTER), more);
    }

    private Result run(Path file, Path out, List<String> executor, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", file.toString(), "--out", out.toString(),
                "--progress", "log"));
        args.addAll(executor);
        args.addAll(List.of(more));
        Sweeps.Result r = cli(args.toArray(String[]::new));
        return new Result(r.code(), r.out(), r.err());
    }

    private record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @Test
    void aSweepOnSparkGivesTheRowsAndMetricsOfTheLocalExecutor() throws Exception {
        Path file = Sweeps.write(dir, "sweep.yaml", Sweeps.SWEEP);
        Path local = dir.resolve("local");
        Path onSpark = dir.resolve("spark");
        Result l = run(file, local, List.of("--threads", "2"));
        assertEquals(0, l.code(), l.all());
        Result s = sparkRun(file, onSpark);
        assertEquals(0, s.code(), s.all());
        assertTrue(s.out().contains("12 runs planned") && s.out().contains("0 finished earlier, 12 to run"), s.out());
        assertTrue(s.out().contains("spark (local[2], 2 tasks at a time)"), "the executor is named: " + s.out());
        assertEquals(12, Sweeps.rows(onSpark).size());
        assertEquals(Sweeps.rows(local), Sweeps.rows(onSpark));
        Sweeps.assertSameMetrics(local, onSpark);
        for (String key : Sweeps.keys(onSpark)) {
            for (String f : List.of(ResultStore.SUMMARY, ResultStore.CONFIG, ResultStore.PROVENANCE)) {
                assertTrue(Files.exists(onSpark.resolve(key).resolve(f)), key + "/" + f);
            }
        }
        assertFalse(spark.sc().isStopped(), "the executor leaves a context it did not create running");
    }

    @Test
    void runningAgainOnSparkSkipsFinishedRunsAndRerunsOnlyThoseWithoutSummary() throws Exception {
        Path file = Sweeps.write(dir, "sweep.yaml", Sweeps.SWEEP);
        Path out = dir.resolve("out");
        assertEquals(0, sparkRun(file, out).code());
        Set<List<String>> before = Sweeps.rows(out);
        List<String> keys = Sweeps.keys(out);

        Result again = sparkRun(file, out);
        assertEquals(0, again.code(), again.all());
        assertTrue(again.out().contains("12 finished earlier, 0 to run"), again.out());
        assertTrue(again.out().contains("12 of 12 runs had finished earlier"), again.out());
        assertEquals(before, Sweeps.rows(out));

        List<String> victims = List.of(keys.get(1), keys.get(6), keys.get(11));
        String kept = keys.get(0);
        String keptSummary = Files.readString(out.resolve(kept).resolve(ResultStore.SUMMARY));
        Map<String, String> victimMetrics = new ConcurrentHashMap<>();
        for (String v : victims) {
            victimMetrics.put(v, Files.readString(out.resolve(v).resolve(ResultStore.METRICS)));
            Files.delete(out.resolve(v).resolve(ResultStore.SUMMARY)); // as if killed before the end
        }
        Result resumed = sparkRun(file, out);
        assertEquals(0, resumed.code(), resumed.all());
        assertTrue(resumed.out().contains("9 finished earlier, 3 to run"), resumed.out());
        assertEquals(keptSummary, Files.readString(out.resolve(kept).resolve(ResultStore.SUMMARY)),
                "a finished run is not run again");
        for (String v : victims) {
            assertTrue(Files.exists(out.resolve(v).resolve(ResultStore.SUMMARY)), v);
            assertEquals(victimMetrics.get(v), Files.readString(out.resolve(v).resolve(ResultStore.METRICS)), v);
        }
        assertEquals(before, Sweeps.rows(out));
    }

    /** A sweep of two repetitions that uses the plugin jar's activation. */
    private Path pluginSweep() throws IOException {
        return Sweeps.write(dir, "plugin.yaml", Sweeps.SWEEP
                .replace("type: smoothed-leaky-relu, gamma: 0.1, H: 1.0", "type: " + Sweeps.PLUGIN_KEY + ", gamma: 0.2")
                .replace("""
                          grid:
                            data.mu: ["p^0.2", "p^0.3", "p^0.4"]
                            network.width: [10, 20]
                        """, ""));
    }

    @Test
    void pluginJarsReachTheTasksByPathOnALocalMaster() throws Exception {
        Path jar = Sweeps.pluginJar(dir, "softplus-leaky-path.jar");
        Path file = pluginSweep();
        Path local = dir.resolve("local");
        Path onSpark = dir.resolve("spark");
        Result l = run(file, local, List.of("--threads", "1", "--plugins", jar.toString()));
        assertEquals(0, l.code(), l.all());
        Result s = sparkRun(file, onSpark, "--plugins", jar.toString());
        assertEquals(0, s.code(), s.all());
        assertEquals(2, Sweeps.rows(onSpark).size());
        assertEquals(Sweeps.rows(local), Sweeps.rows(onSpark));
        Sweeps.assertSameMetrics(local, onSpark);
        String provenance = Files.readString(onSpark.resolve(Sweeps.keys(onSpark).get(0)).resolve(ResultStore.PROVENANCE));
        assertTrue(provenance.contains(Sweeps.PLUGIN_CLASS), "the task built the jar's activation: " + provenance);
        assertTrue(Sweeps.rows(onSpark).stream().allMatch(r -> r.contains("completed")), Sweeps.rows(onSpark).toString());
    }

    @Test
    void shippedPluginJarsAreFetchedByTheTasksFromSparkFiles() throws Exception {
        Path jar = Sweeps.pluginJar(dir, "softplus-leaky-shipped.jar");
        Path file = pluginSweep();
        Path local = dir.resolve("local");
        Path onSpark = dir.resolve("spark");
        assertEquals(0, run(file, local, List.of("--threads", "1", "--plugins", jar.toString())).code());
        // the tasks get the jar's file name only and must find it where Spark fetched it
        Result s = sparkRun(file, onSpark, "--plugins", jar.toString(), "--executor-option", "ship-plugins=yes");
        assertEquals(0, s.code(), s.all());
        assertTrue(Files.exists(Path.of(SparkFiles.get(jar.getFileName().toString()))), "fetched into SparkFiles");
        assertEquals(Sweeps.rows(local), Sweeps.rows(onSpark));
        Sweeps.assertSameMetrics(local, onSpark);
    }

    @Test
    void badOptionsAreInputErrorsOnOneLine() throws Exception {
        Path file = Sweeps.write(dir, "sweep.yaml", Sweeps.SWEEP);
        Path out = dir.resolve("out");
        Map<String, List<String>> cases = Map.of(
                "not an option of the spark executor", List.of("--executor-option", "colour=blue"),
                "must be auto, yes or no", List.of("--executor-option", "ship-plugins=sometimes"),
                "already runs a Spark context with master local[2]", List.of("--master", "local[3]"),
                "cannot change", List.of("--executor-option", "spark.executor.memory=3g"));
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            List<String> args = new java.util.ArrayList<>(List.of("--executor", "spark"));
            if (!c.getValue().contains("--master")) {
                args.addAll(List.of("--master", MASTER));
            }
            args.addAll(c.getValue());
            Result r = run(file, out, args);
            assertEquals(2, r.code(), c.getKey() + ": " + r.all());
            assertTrue(r.err().contains(c.getKey()), r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        }
        assertFalse(Files.exists(out.resolve(ResultStore.MANIFEST)), "nothing written for bad options");
    }

    private static List<RunPlan> plans(Path file) {
        ExperimentLoader loader = new ExperimentLoader(PluginCatalog.builtIn().registries());
        return SweepPlanner.plan(loader, file, List.of()).runs();
    }

    /** Counts what the executor reports; {@code failFinished} makes the commit of a run fail. */
    private static final class CountingListener implements RunExecutor.Listener {
        final AtomicInteger started = new AtomicInteger();
        final Map<String, Long> steps = new ConcurrentHashMap<>();
        final Set<String> finished = ConcurrentHashMap.newKeySet();
        final boolean failFinished;

        CountingListener(boolean failFinished) {
            this.failFinished = failFinished;
        }

        @Override
        public void started(RunPlan plan) {
            started.incrementAndGet();
        }

        @Override
        public void step(RunPlan plan, long t) {
            steps.merge(plan.key(), t, Math::max);
        }

        @Override
        public void finished(RunOutput record) throws Exception {
            if (failFinished) {
                throw new IOException("disk full (test)");
            }
            assertTrue(Thread.currentThread().getName().startsWith("benign-spark-driver-"),
                    "committed on a driver thread: " + Thread.currentThread().getName());
            finished.add(record.plan().key());
        }
    }

    private static final RunExecutor.Work UNUSED = (plan, steps) -> {
        throw new AssertionError("the spark executor rebuilds runs in its tasks");
    };

    @Test
    void theExecutorRunsEveryPlanOnceAndCommitsOnTheDriver() throws Exception {
        List<RunPlan> plans = plans(Sweeps.write(dir, "sweep.yaml", Sweeps.SWEEP));
        SparkExecutor executor = new SparkExecutor(SparkSettings.parse(Map.of("master", MASTER)), List.of());
        CountingListener listener = new CountingListener(false);
        executor.execute(plans, UNUSED, listener);
        assertEquals(12, listener.started.get());
        assertEquals(plans.stream().map(RunPlan::key).collect(java.util.stream.Collectors.toSet()), listener.finished);
    }

    @Test
    void aTaskThatThrowsStopsTheSweepWithAClearMessage() throws Exception {
        List<RunPlan> plans = plans(Sweeps.write(dir, "sweep.yaml", Sweeps.SWEEP));
        String bad = plans.get(3).key();
        SparkExecutor.TaskBody body = (run, steps) -> {
            if (run.key().equals(bad)) {
                throw new IllegalStateException("boom in " + run.key() + "\nsecond line");
            }
            return new SparkExecutor.Train().run(run, steps);
        };
        SparkExecutor executor = new SparkExecutor(SparkSettings.parse(Map.of()), List.of(), body);
        CountingListener listener = new CountingListener(false);
        IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(IllegalStateException.class, () -> executor.execute(plans, UNUSED, listener)));
        assertEquals("spark: the task of run " + bad + " failed, so the sweep stops (the runs finished so far are "
                + "kept): java.lang.IllegalStateException: boom in " + bad, e.getMessage());
        assertEquals(1, e.getSuppressed().length, "the Spark exception is attached");
        assertFalse(listener.finished.contains(bad));
        assertTrue(listener.finished.size() < plans.size());
        assertFalse(spark.sc().isStopped(), "the tests' context survives a failed sweep");
        // the jobs of the stopped sweep are cancelled (Spark does that asynchronously, and its status tracker
        // hears of a job's start and end through its listener bus, later): none is left running, and none starts
        // later, so no job is active for a whole second
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (spark.sc().statusTracker().getActiveJobIds().length > 0) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= Duration.ofSeconds(1).toNanos()) {
                break;
            }
            Thread.sleep(50);
        }
        assertEquals(0, spark.sc().statusTracker().getActiveJobIds().length, "jobs left running");
    }

    @Test
    void aCommitThatFailsStopsTheExecutorWithThatException() throws Exception {
        List<RunPlan> plans = plans(Sweeps.write(dir, "sweep.yaml", Sweeps.SWEEP));
        SparkExecutor executor = new SparkExecutor(SparkSettings.parse(Map.of()), List.of());
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(IOException.class, () -> executor.execute(plans, UNUSED, new CountingListener(true))));
        assertEquals("disk full (test)", e.getMessage());
    }

    @Test
    void theStepsOfRunningTasksReachTheListenerWithTheHeartbeats() throws Exception {
        List<RunPlan> plans = plans(Sweeps.write(dir, "sweep.yaml", Sweeps.SWEEP)).subList(0, 2);
        // the runs report steps 10, 20, ..., 200 over two seconds, then train (heartbeats every 200 ms here)
        SparkExecutor.TaskBody body = (run, steps) -> {
            for (long t = 10; t <= 200; t += 10) {
                steps.accept(t);
                Thread.sleep(100);
            }
            return new SparkExecutor.Train().run(run, t -> {
            });
        };
        SparkExecutor executor = new SparkExecutor(SparkSettings.parse(Map.of()), List.of(), body);
        CountingListener listener = new CountingListener(false);
        executor.execute(plans, UNUSED, listener);
        assertEquals(2, listener.finished.size());
        for (RunPlan plan : plans) {
            Long seen = listener.steps.get(plan.key());
            assertTrue(seen != null && seen > 0 && seen <= 200, "steps of " + plan.key() + ": " + listener.steps);
        }
    }

    @Test
    void aTaskRebuildsItsRunFromPlainDataOnly() throws Exception {
        RunPlan plan = plans(Sweeps.write(dir, "sweep.yaml", Sweeps.SWEEP)).get(0);
        PortableRun portable = PortableRun.of(plan, List.of(), 1);
        PortableRun.Result viaSpark = spark.parallelize(List.of(portable), 1)
                .map(new SparkExecutor.RunTask(new SparkExecutor.Train(), false, spark.sc().longAccumulator()))
                .collect().get(0);
        PortableRun.Result here = portable.execute(t -> {
        });
        assertEquals(here.metricsCsv(), viaSpark.metricsCsv());
        assertEquals(plan.key(), viaSpark.toRecord(plan).plan().key());
    }
}
