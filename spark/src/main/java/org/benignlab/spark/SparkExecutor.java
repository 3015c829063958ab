package org.benignlab.spark;

import java.io.Serializable;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkContext$;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.util.LongAccumulator;
import org.benignlab.experiments.run.PortableRun;
import org.benignlab.experiments.run.RunExecutor;
import org.benignlab.experiments.run.RunPlan;
import org.benignlab.experiments.spec.InputException;
import scala.Option;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Runs each run of a sweep as one Spark task (a job of one partition) that rebuilds the run from its
 * {@link PortableRun} where it executes: it loads the plugin jars by path, binds the configuration, checks
 * the run key, builds its injector and trains. Only plain data travels (the portable run, then its
 * {@link PortableRun.Result}); the driver turns each result back into a record and hands it to
 * {@link Listener#finished}, which commits the run's folder, on a driver thread as soon as that run ends.
 *
 * <p>Lifecycle of {@link #execute}: take the Spark context running in this JVM, or create one (app name
 * {@code benign}, the master given with {@code --master}, or the one spark-submit put in the Spark
 * configuration); register the plugin jars with the context when they must travel
 * ({@link SparkSettings.Ship}); submit the jobs from a driver pool of as many threads as the context runs
 * tasks at once (grown when a cluster's executors register), each run's steps counted in an accumulator that
 * the executors' heartbeats bring back to {@link Listener#step}; on the first failure, submit no more jobs,
 * cancel those in flight, wait for the driver threads (cancelling again any job one of them submitted meanwhile)
 * and rethrow; stop the context at the end only if this executor created it.
 *
 * <p>The numbers are those of the local executor: a run depends only on its plan, and the task runs the same
 * code on the same plain data. {@link Work} is not used: the runs are rebuilt in the tasks.
 */
public final class SparkExecutor implements RunExecutor {
    private final SparkSettings settings;
    private final String master;
    private final List<Path> pluginJars;
    private final TaskBody body;

    /** What a task does with its run (the real one trains it; tests substitute failures). */
    @FunctionalInterface
    interface TaskBody extends Serializable {
        PortableRun.Result run(PortableRun run, LongConsumer steps) throws Exception;
    }

    /** Trains the run. */
    static final class Train implements TaskBody {
        private static final long serialVersionUID = 1L;

        @Override
        public PortableRun.Result run(PortableRun run, LongConsumer steps) {
            return run.execute(steps);
        }
    }

    SparkExecutor(SparkSettings settings, List<Path> pluginJars) {
        this(settings, pluginJars, new Train());
    }

    SparkExecutor(SparkSettings settings, List<Path> pluginJars, TaskBody body) {
        this.settings = settings;
        this.master = resolveMaster(settings);
        this.pluginJars = withoutOwnJar(pluginJars);
        this.body = body;
        taskCpus(settings.sparkConf().getOrDefault("spark.task.cpus", "1")); // a bad value fails before any run
        if (settings.shipPlugins().ships(isLocal(master))) {
            Map<String, Path> byName = new HashMap<>();
            for (Path jar : this.pluginJars) {
                Path clash = byName.putIfAbsent(jar.getFileName().toString(), jar);
                if (clash != null) {
                    throw new InputException("--plugins: " + clash + " and " + jar + " have the same file name; the "
                            + "spark executor ships plugin jars by name, so rename one");
                }
            }
        }
    }

    /** The master this executor uses: the running context's, the one given, or spark-submit's. */
    String master() {
        return master;
    }

    /** The plugin jars the tasks load (those given with --plugins, less the jar of this executor). */
    List<Path> pluginJars() {
        return pluginJars;
    }

    @Override
    public String describe() {
        Option<SparkContext> active = SparkContext$.MODULE$.getActive();
        if (active.isDefined()) {
            return describe(active.get().master(), slots(active.get()));
        }
        int local = SparkSettings.localSlots(master);
        String parallelism = settings.sparkConf().get("spark.default.parallelism");
        if (local > 0 && parallelism != null) {
            try {
                local = Integer.parseInt(parallelism.strip());
            } catch (NumberFormatException e) {
                local = -1;
            }
        }
        int cpus = taskCpus(settings.sparkConf().getOrDefault("spark.task.cpus", "1"));
        if (local > 0) {
            return describe(master, Math.max(1, local / cpus));
        }
        return "spark (" + master + ", as many tasks at a time as the cluster has cores)";
    }

    private static String describe(String master, int slots) {
        return String.format(Locale.ROOT, "spark (%s, %d task%s at a time)", master, slots, slots == 1 ? "" : "s");
    }

    @Override
    public void execute(List<RunPlan> plans, Work work, Listener listener) throws Exception {
        if (plans.isEmpty()) {
            return;
        }
        // Spark and Hadoop look classes and services up through the context class loader: while this
        // executor drives Spark it is the loader that holds Spark (the plugin jar's, or the application's)
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SparkExecutor.class.getClassLoader());
        try (Session session = Session.open(settings, master)) {
            run(session.context(), plans, listener);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void run(SparkContext sc, List<RunPlan> plans, Listener listener) throws Exception {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
        boolean ship = settings.shipPlugins().ships(sc.isLocal());
        List<Path> taskJars = new ArrayList<>();
        for (Path jar : pluginJars) {
            if (ship) {
                sc.addFile(jar.toString());
                taskJars.add(jar.getFileName());
            } else {
                taskJars.add(jar);
            }
        }
        int cpus = taskCpus(sc.getConf().get("spark.task.cpus", "1"));
        String group = "benign-" + UUID.randomUUID();
        Map<Long, RunPlan> stepCounters = new ConcurrentHashMap<>();
        StepListener steps = new StepListener(stepCounters, listener);
        sc.addSparkListener(steps);
        int threads = Math.min(plans.size(), slots(sc));
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), driverThreads());
        int finished = 0;
        AtomicBoolean stopping = new AtomicBoolean();
        try {
            CompletionService<Void> done = new ExecutorCompletionService<>(pool);
            for (RunPlan plan : plans) {
                PortableRun portable = PortableRun.of(plan, taskJars, cpus);
                done.submit(() -> {
                    if (stopping.get()) {
                        return null; // the sweep stopped before this run's job was submitted
                    }
                    sc.setJobGroup(group, "benign run " + plan.key(), true);
                    LongAccumulator counter = sc.longAccumulator("benign steps of run " + plan.key());
                    stepCounters.put(counter.id(), plan);
                    listener.started(plan);
                    PortableRun.Result result;
                    try {
                        result = jsc.parallelize(List.of(portable), 1).map(new RunTask(body, ship, counter))
                                .collect().get(0);
                    } catch (Exception e) { // SparkException is checked, though Scala does not say so
                        throw taskFailure(plan, e);
                    } finally {
                        stepCounters.remove(counter.id());
                    }
                    listener.finished(result.toRecord(plan));
                    return null;
                });
            }
            while (finished < plans.size()) {
                Future<Void> f = done.poll(1, TimeUnit.SECONDS);
                grow(pool, Math.min(plans.size(), slots(sc)));
                if (f == null) {
                    continue;
                }
                finished++;
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Exception ex) {
                        throw ex;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw e;
                }
            }
        } finally {
            stopping.set(finished < plans.size());
            pool.shutdownNow();
            if (stopping.get()) {
                cancelAndAwait(sc, pool, group);
            }
            sc.removeSparkListener(steps);
        }
    }

    /**
     * After a failure (the pool shut down, its tasks told to submit nothing more): cancels the sweep's job group,
     * then waits (at most a minute) for the driver threads to end, cancelling it again every 100 ms while any is
     * alive and once more when all have ended, so that a job a thread submitted just after a cancellation (it had
     * passed its check of {@code stopping}) does not go on running after {@link #execute} returns. Interrupted:
     * stops waiting, keeps the interrupt.
     */
    private static void cancelAndAwait(SparkContext sc, ThreadPoolExecutor pool, String group) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        try {
            do {
                sc.cancelJobGroup(group);
            } while (!pool.awaitTermination(100, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sc.cancelJobGroup(group);
    }

    /** Room for more jobs at once when a cluster's executors have registered since the start. */
    private static void grow(ThreadPoolExecutor pool, int wanted) {
        if (wanted > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(wanted);
            pool.setCorePoolSize(wanted);
        }
    }

    /** Tasks at a time: the context's default parallelism over the cores each task takes. */
    private static int slots(SparkContext sc) {
        return Math.max(1, sc.defaultParallelism() / taskCpus(sc.getConf().get("spark.task.cpus", "1")));
    }

    private static int taskCpus(String value) {
        try {
            return Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new InputException("--executor-option spark.task.cpus: must be a whole number of cores, got '"
                    + value + "'");
        }
    }

    /** Driver threads that submit the jobs; they see Spark's classes even when it came in a plugin jar. */
    private static ThreadFactory driverThreads() {
        AtomicInteger count = new AtomicInteger();
        ClassLoader loader = SparkExecutor.class.getClassLoader();
        return r -> {
            Thread t = new Thread(r, "benign-spark-driver-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        };
    }

    /** A failed Spark job of a run, on one line; the Spark exception (with the task's stack) is attached. */
    static IllegalStateException taskFailure(RunPlan plan, Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().strip().split("\\R", 2)[0];
        IllegalStateException failure = new IllegalStateException("spark: the task of run " + plan.key()
                + " failed, so the sweep stops (the runs finished so far are kept): " + root.getClass().getName()
                + message);
        failure.addSuppressed(e);
        return failure;
    }

    /**
     * The task: maps shipped plugin jars to the executor's copies, runs the body, and counts the run's steps
     * in an accumulator, whose value the executor's heartbeats bring to the driver while the task runs.
     */
    static final class RunTask implements Function<PortableRun, PortableRun.Result> {
        private static final long serialVersionUID = 1L;
        private final TaskBody body;
        private final boolean shipped;
        private final LongAccumulator steps;

        RunTask(TaskBody body, boolean shipped, LongAccumulator steps) {
            this.body = body;
            this.shipped = shipped;
            this.steps = steps;
        }

        @Override
        public PortableRun.Result call(PortableRun run) throws Exception {
            PortableRun here = run;
            if (shipped) {
                here = run.withPluginJars(run.pluginJars().stream().map(SparkFiles::get).toList());
            }
            long[] counted = {0};
            return body.run(here, t -> {
                if (t > counted[0]) {
                    steps.add(t - counted[0]);
                    counted[0] = t;
                }
            });
        }
    }

    /**
     * Passes the step counts of running tasks, as the executors' heartbeats bring them (every
     * {@code spark.executor.heartbeatInterval}, 10 s by default), to the listener's {@code step}.
     */
    static final class StepListener extends SparkListener {
        private final Map<Long, RunPlan> counters;
        private final Listener listener;

        StepListener(Map<Long, RunPlan> counters, Listener listener) {
            this.counters = counters;
            this.listener = listener;
        }

        @Override
        public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
            for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task
                    : CollectionConverters.asJava(update.accumUpdates())) {
                for (AccumulableInfo info : CollectionConverters.asJava(task._4())) {
                    RunPlan plan = counters.get(info.id());
                    if (plan != null && info.update().isDefined() && info.update().get() instanceof Number n) {
                        listener.step(plan, n.longValue());
                    }
                }
            }
        }
    }

    /** The context of one execution, stopped at the end only if it was created for it. */
    private record Session(SparkContext context, boolean created) implements AutoCloseable {

        static Session open(SparkSettings settings, String master) {
            Option<SparkContext> active = SparkContext$.MODULE$.getActive();
            if (active.isDefined()) {
                checkCompatible(active.get(), settings);
                return new Session(active.get(), false);
            }
            SparkConf conf = new SparkConf();
            boolean submitted = conf.contains("spark.master");
            conf.setMaster(master);
            conf.setIfMissing("spark.app.name", "benign");
            // executors in their own JVMs: one OpenBLAS thread per call, as the benign launcher sets, so a
            // run gives the same bits on a cluster as locally (the engine splits products over its threads)
            conf.setIfMissing("spark.executorEnv.OPENBLAS_NUM_THREADS", "1");
            if (!submitted) {
                // on the benign command line Spark's INFO lines would bury the progress lines
                conf.setIfMissing("spark.log.level", "WARN");
            }
            settings.sparkConf().forEach(conf::set);
            SparkContext sc = new SparkContext(conf);
            if (!submitted && !sc.isLocal()) {
                // started by the benign command against a cluster: its executors need the command's classes
                for (Class<?> c : List.of(PortableRun.class, SparkExecutor.class)) {
                    Path jar = location(c);
                    if (jar != null && Files.isRegularFile(jar)) {
                        sc.addJar(jar.toString());
                    }
                }
            }
            return new Session(sc, true);
        }

        @Override
        public void close() {
            if (created) {
                context.stop();
            }
        }
    }

    private static String resolveMaster(SparkSettings settings) {
        Option<SparkContext> active = SparkContext$.MODULE$.getActive();
        if (active.isDefined()) {
            checkCompatible(active.get(), settings);
            return active.get().master();
        }
        if (settings.master() != null) {
            return settings.master();
        }
        SparkConf conf = new SparkConf();
        if (conf.contains("spark.master")) {
            return conf.get("spark.master");
        }
        throw new InputException("--executor spark: no Spark master; give --master URL (e.g. local[2] or "
                + "spark://host:7077), or start benign with spark-submit, which gives its own");
    }

    /** A context already running in this JVM is used as it is: the options must not ask for another one. */
    private static void checkCompatible(SparkContext sc, SparkSettings settings) {
        if (settings.master() != null && !settings.master().equals(sc.master())) {
            throw new InputException("--master " + settings.master() + ": this JVM already runs a Spark context with "
                    + "master " + sc.master() + "; give that master or none");
        }
        settings.sparkConf().forEach((key, value) -> {
            String have = sc.getConf().get(key, null);
            if (!value.equals(have)) {
                throw new InputException("--executor-option " + key + "=" + value + ": the Spark context already "
                        + "running in this JVM has " + (have == null ? "no value" : "'" + have + "'")
                        + " there, and its configuration cannot change");
            }
        });
    }

    private static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    /** The --plugins jars less the one this class came from (the tasks need only the run's plugins). */
    private static List<Path> withoutOwnJar(List<Path> jars) {
        Path own = ownLocation();
        List<Path> out = new ArrayList<>();
        for (Path jar : jars) {
            if (own == null || !sameFile(jar, own)) {
                out.add(jar);
            }
        }
        return List.copyOf(out);
    }

    private static Path ownLocation() {
        return location(SparkExecutor.class);
    }

    /** The jar or folder a class was loaded from, if known. */
    private static Path location(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
