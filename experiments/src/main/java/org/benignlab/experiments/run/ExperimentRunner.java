package org.benignlab.experiments.run;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.benignlab.experiments.results.ResultStore;
import org.benignlab.experiments.spec.ExperimentLoader;
import org.benignlab.experiments.spec.ExperimentSpec;
import org.benignlab.experiments.spec.InputException;

/**
 * Runs an experiment file: load and validate everything first (bad input fails before anything is
 * written), plan the runs, prepare the results folder, then run each unfinished run with an injector
 * of its own. A run whose summary.json exists is skipped, so running again resumes.
 */
public final class ExperimentRunner {
    private final PluginCatalog catalog;
    private final int threads;

    public ExperimentRunner(PluginCatalog catalog, int threads) {
        this.catalog = catalog;
        this.threads = threads;
    }

    /** What happened to one run. */
    public record RunOutcome(RunPlan plan, Map<String, Object> summary, boolean skipped, EngineChoice engine) {
    }

    /** What happened to the experiment. */
    public record Outcome(ExperimentSpec spec, Path resultsDir, List<RunOutcome> runs) {
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
     * @param onStart called before a run starts, with its plan and engine (for progress output)
     */
    public Outcome run(Path file, List<String> overrides, Path outDir, Consumer<RunOutcome> onStart) {
        ExperimentLoader.Loaded loaded = new ExperimentLoader(catalog.registries()).load(file, overrides);
        ExperimentSpec spec = loaded.spec();
        List<RunPlan> plans = List.of(RunPlan.of(spec, 0));
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("runs", plans.stream().map(RunPlan::key).toList());
        String experimentHash = RunPlan.hash(identity);
        Path dir = outDir != null ? outDir : Path.of("results", spec.name());
        ResultStore store = new ResultStore(dir);
        // build every run's object graph before writing anything: plugin creation errors surface now
        List<Run> runs = new ArrayList<>();
        for (RunPlan plan : plans) {
            try {
                runs.add(Guice.createInjector(new ExperimentModule(plan, threads)).getInstance(Run.class));
            } catch (ProvisionException | CreationException e) {
                throw asInputError(e, file);
            }
        }
        store.prepare(spec.name(), experimentHash, plans);
        List<RunOutcome> outcomes = new ArrayList<>();
        try {
            for (Run run : runs) {
                RunPlan plan = run.plan();
                if (store.isFinished(plan.key())) {
                    outcomes.add(new RunOutcome(plan, store.readSummary(plan.key()), true, run.engine()));
                    continue;
                }
                onStart.accept(new RunOutcome(plan, Map.of(), false, run.engine()));
                Map<String, Object> summary = run.execute(store, plans, loaded.parameters());
                outcomes.add(new RunOutcome(plan, summary, false, run.engine()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Outcome(spec, dir, outcomes);
    }
}
