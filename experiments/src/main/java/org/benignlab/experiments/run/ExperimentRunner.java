package org.benignlab.experiments.run;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.benignlab.engine.EngineChoice;
import org.benignlab.experiments.results.FolderLock;
import org.benignlab.experiments.results.ResultStore;
import org.benignlab.experiments.spec.ExperimentLoader;
import org.benignlab.experiments.spec.InputException;

/**
 * Runs an experiment file: plan every run of its sweep and validate everything first (bad input fails
 * before anything is written), prepare the results folder (manifest.json lists every planned run),
 * then hand the unfinished runs to a {@link RunExecutor}; each run gets an injector of its own and its
 * folder is committed by the {@link ResultStore} as it ends. A run whose files all exist (and whose
 * summary does not say failed) is skipped, so running again resumes. The results folder is locked ({@link FolderLock})
 * from before it is prepared until the last run is committed: a second process on it is refused.
 */
public final class ExperimentRunner {
    private final PluginCatalog catalog;
    private final int threads;
    private String executorName = LocalExecutor.Provider.NAME;
    private Map<String, String> executorOptions = Map.of();

    /**
     * @param threads the threads to use in all: up to this many runs at a time, and the threads left
     *                over shared among them for the numerics (results do not depend on it)
     */
    public ExperimentRunner(PluginCatalog catalog, int threads) {
        this.catalog = catalog;
        this.threads = threads;
    }

    /**
     * Runs with the executor {@code name} (found by {@link PluginCatalog#executors()}) and its options
     * instead of the local one.
     */
    public ExperimentRunner withExecutor(String name, Map<String, String> options) {
        this.executorName = name;
        this.executorOptions = Map.copyOf(options);
        return this;
    }

    /** What happened to one run. */
    public record RunOutcome(RunPlan plan, Map<String, Object> summary, boolean skipped) {
        /** The status word: completed, diverged or failed. */
        public String status() {
            return String.valueOf(summary.get("status"));
        }
    }

    /** What happened to the experiment: every planned run, in manifest order. */
    public record Outcome(SweepPlanner.Planned planned, Path resultsDir, List<RunOutcome> runs) {
        /** How many runs ended with status failed. */
        public long failed() {
            return runs.stream().filter(r -> r.status().equals("failed")).count();
        }
    }

    /** Told what the runner is doing, for progress output. Called from several threads. */
    public interface Observer extends RunExecutor.Listener {
        /**
         * The runs are planned and the results folder is ready.
         *
         * @param runs  how many runs this invocation is responsible for (all, or those of its shard)
         * @param toRun how many of them will execute now (the others finished earlier)
         */
        void planned(SweepPlanner.Planned planned, Path dir, int runs, int toRun, RunExecutor executor,
                     int threadsPerRun);

        /** The engine a run uses (before {@link #started}). */
        default void engine(RunPlan plan, EngineChoice engine) {
        }

        /** A note for the user about the whole sweep (one line, without the leading "note: "). */
        default void note(String text) {
        }

        @Override
        default void finished(RunOutput record) {
        }
    }

    /** Share of the JVM's heap that one run, or the runs at a time together, may plan to use. */
    static final double MEMORY_SHARE = 0.85;

    /** Why a run cannot fit the heap, with the engines that would. */
    private static String tooBig(RunPlan plan, Run run, long need, long heap) {
        StringBuilder sb = new StringBuilder();
        sb.append("engine ").append(run.engine().name()).append(" needs about ").append(bytes(need))
                .append(" for n=").append(plan.spec().data().n()).append(", p=").append(plan.spec().data().p())
                .append(", width=").append(plan.spec().network().width()).append(", test=")
                .append(plan.spec().data().test());
        if (!plan.swept().isEmpty()) {
            sb.append(" (sweep point ").append(plan.swept()).append(')');
        }
        sb.append(" but the JVM may use at most ").append(bytes(heap)).append("; ");
        List<String> fits = new ArrayList<>();
        run.alternatives().forEach((name, bytes) -> {
            if (bytes <= MEMORY_SHARE * heap) {
                fits.add("engine: " + name + " (about " + bytes(bytes) + ")");
            }
        });
        if (!fits.isEmpty()) {
            sb.append("use training.").append(String.join(" or ", fits)).append(", or ");
        }
        sb.append("give the JVM more heap with JAVA_OPTS=-Xmx<size>");
        return sb.toString();
    }

    static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format(java.util.Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
        }
        if (b >= 1L << 20) {
            return String.format(java.util.Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
        }
        return String.format(java.util.Locale.ROOT, "%.1f KiB", b / 1024.0);
    }

    /** A plugin or engine choice that refused its input, as an input error naming the file. */
    private static RuntimeException asInputError(RuntimeException e, Path file) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputException || t instanceof org.benignlab.api.InvalidSpecException) {
                return new InputException(file + ": " + t.getMessage(), t);
            }
        }
        return e;
    }

    /**
     * Runs {@code file} with {@code overrides} into {@code outDir} (default {@code results/<name>}).
     *
     * @param forceNew use a new folder (dir-2, dir-3, ...) when {@code outDir} already holds anything
     */
    public Outcome run(Path file, List<String> overrides, Path outDir, boolean forceNew, Observer observer) {
        return run(file, overrides, outDir, forceNew, Shard.all(), observer);
    }

    /**
     * Runs the runs of {@code shard} only (the manifest still lists every planned run); see
     * {@link #run(Path, List, Path, boolean, Observer)}.
     */
    public Outcome run(Path file, List<String> overrides, Path outDir, boolean forceNew, Shard shard,
                       Observer observer) {
        ExperimentLoader loader = new ExperimentLoader(catalog.registries());
        SweepPlanner.Planned planned = SweepPlanner.plan(loader, file, overrides);
        Path dir = outDir != null ? outDir : Path.of("results", planned.name());
        if (forceNew) {
            dir = ResultStore.freshFolder(dir);
        }
        ResultStore store = new ResultStore(dir);
        store.checkSameExperiment(planned.experimentHash());
        List<RunPlan> mine = shard.select(planned.runs());
        List<RunPlan> todo = new ArrayList<>();
        for (RunPlan plan : mine) {
            if (!store.isFinished(plan.key())) {
                todo.add(plan);
            }
        }
        RunExecutorProvider provider = catalog.executors().get(executorName);
        if (provider == null) {
            throw new InputException("--executor " + executorName + ": no such executor; known: "
                    + String.join(", ", catalog.executors().keySet())
                    + (executorName.equals("spark") ? ". The Spark executor is a separate module: build it with "
                    + "'mvn -B -Pspark -pl spark -am package -DskipTests' and add --plugins spark/target/benign-spark.jar"
                    : ""));
        }
        boolean local = provider instanceof LocalExecutor.Provider;
        int parallel = local ? Math.max(1, Math.min(threads, todo.size())) : threads;
        int threadsPerRun = local ? Math.max(1, threads / parallel) : 1;
        RunExecutor executor = provider.create(new RunExecutorProvider.Context(parallel, threadsPerRun,
                executorOptions, catalog.jars()));
        // build one run of every configuration before writing anything: plugin and engine errors surface now
        Set<String> checked = new HashSet<>();
        Map<String, EngineChoice> engines = new HashMap<>();
        long heap = Runtime.getRuntime().maxMemory();
        long largest = 0;
        for (RunPlan plan : mine) {
            if (checked.add(plan.configKey())) {
                Run run = build(plan, threadsPerRun, file, null);
                engines.put(plan.configKey(), run.engine());
                long need = run.memoryEstimate();
                if (need > MEMORY_SHARE * heap) {
                    throw new InputException(file + ": " + tooBig(plan, run, need, heap));
                }
                largest = Math.max(largest, need);
            }
        }
        if (local && largest > 0 && parallel > 1) {
            // as many runs at a time as fit the heap together
            int fit = (int) Math.max(1, Math.min(parallel, (long) (MEMORY_SHARE * heap) / largest));
            if (fit < parallel) {
                parallel = fit;
                threadsPerRun = Math.max(1, threads / parallel);
                executor = provider.create(new RunExecutorProvider.Context(parallel, threadsPerRun, executorOptions,
                        catalog.jars()));
            }
        }
        Map<String, Object> sweepEntry = new java.util.LinkedHashMap<>(planned.manifestEntry());
        if (shard.count() > 1) {
            sweepEntry.put("shard", shard.toString());
        }
        // one writer per folder from here to the last write; what is finished is read again under the lock
        try (FolderLock lock = FolderLock.acquire(dir, "--out")) {
            store.checkSameExperiment(planned.experimentHash());
            todo.removeIf(plan -> store.isFinished(plan.key()));
            return execute(planned, dir, store, sweepEntry, mine, todo, executor, threadsPerRun, engines, file,
                    observer);
        }
    }

    private Outcome execute(SweepPlanner.Planned planned, Path dir, ResultStore store, Map<String, Object> sweepEntry,
                            List<RunPlan> mine, List<RunPlan> todo, RunExecutor executor, int threadsPerRun,
                            Map<String, EngineChoice> engines, Path file, Observer observer) {
        store.prepare(planned.name(), planned.experimentHash(), sweepEntry,
                planned.runs().stream().map(RunPlan::entry).toList());
        observer.planned(planned, dir, mine.size(), todo.size(), executor, threadsPerRun);
        String unpaired = EngineChoice.familyNote(engines.values());
        if (unpaired != null) {
            observer.note(unpaired);
        }
        Map<String, RunOutput> records = new java.util.concurrent.ConcurrentHashMap<>();
        int perRun = threadsPerRun;
        // each task builds its own run (its plugins, seeds and engine), reusing the engine choice checked above
        RunExecutor.Work work = (plan, steps) -> build(plan, perRun, file, engines.get(plan.configKey()))
                .execute(steps, store.runDir(plan.key()));
        try {
            executor.execute(todo, work, new RunExecutor.Listener() {
                @Override
                public void started(RunPlan plan) {
                    observer.engine(plan, engines.get(plan.configKey()));
                    observer.started(plan);
                }

                @Override
                public void step(RunPlan plan, long t) {
                    observer.step(plan, t);
                }

                @Override
                public void finished(RunOutput record) throws Exception {
                    store.commit(record);
                    records.put(record.plan().key(), record);
                    observer.finished(record);
                }
            });
            store.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<RunOutcome> outcomes = new ArrayList<>();
        for (RunPlan plan : mine) {
            RunOutput r = records.get(plan.key());
            try {
                outcomes.add(r != null ? new RunOutcome(plan, r.summary(), false)
                        : new RunOutcome(plan, store.readSummary(plan.key()), true));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Outcome(planned, dir, outcomes);
    }

    private static Run build(RunPlan plan, int threads, Path file, EngineChoice known) {
        try {
            return Guice.createInjector(new ExperimentModule(plan, threads, known)).getInstance(Run.class);
        } catch (ProvisionException | CreationException e) {
            throw asInputError(e, file);
        }
    }
}
