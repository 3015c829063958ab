package org.benignlab.experiments.run;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.benignlab.api.MetricNames;
import org.benignlab.engine.Engine;
import org.benignlab.engine.Plugins;
import org.benignlab.engine.TrainingResult;
import org.benignlab.engine.TrainingSetup;
import org.benignlab.experiments.results.ResultStore;
import org.benignlab.experiments.spec.ExperimentSpec;

/** One run: data, training, and its result folder. Built by Guice from {@link ExperimentModule}. */
public final class Run {
    private final RunPlan plan;
    private final ExperimentSpec spec;
    private final Plugins plugins;
    private final TrainingSetup setup;
    private final Seeds seeds;
    private final EngineChoice engine;
    private final Engine trainer;
    private final int threads;

    @Inject
    Run(RunPlan plan, ExperimentSpec spec, Plugins plugins, TrainingSetup setup, Seeds seeds, EngineChoice engine,
        Engine trainer, @Named("threads") int threads) {
        this.plan = plan;
        this.spec = spec;
        this.plugins = plugins;
        this.setup = setup;
        this.seeds = seeds;
        this.engine = engine;
        this.trainer = trainer;
        this.threads = threads;
    }

    /** The run's plan. */
    public RunPlan plan() {
        return plan;
    }

    /** The engine this run uses. */
    public EngineChoice engine() {
        return engine;
    }

    /**
     * Trains and writes the run's folder; summary.json last.
     *
     * @return the summary as written
     */
    public Map<String, Object> execute(ResultStore store, List<RunPlan> allRuns, Map<String, Double> parameters)
            throws IOException {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        TrainingResult result;
        try (ResultStore.MetricsWriter metrics = store.start(plan)) {
            result = trainer.train(setup, plugins, seeds.streams(), metrics::record);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> summary = summary(result, seconds, parameters);
            store.finish(plan, metrics, provenance(start, Instant.now()), summary, allRuns);
            return summary;
        }
    }

    private Map<String, Object> summary(TrainingResult r, double seconds, Map<String, Double> parameters) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("run_key", plan.key());
        s.put("name", spec.name());
        s.put("status", r.status().key());
        s.put("stop_reason", r.stopReason().key());
        s.put("steps", r.steps());
        if (r.divergedAtStep() >= 0) {
            s.put("diverged_at_step", r.divergedAtStep());
        }
        for (String m : MetricNames.ALL) {
            Double v = r.finalMetrics().get(m);
            s.put(m, v == null || v.isNaN() || v.isInfinite() ? null : v);
        }
        s.put("noise_rate", plugins.noise().rate());
        s.put("noisy_count", r.noisyCount());
        s.put("engine", engine.name());
        s.put("engine_reason", engine.reason());
        s.put("seconds", Math.round(seconds * 1000) / 1000.0);
        if (r.message() != null && !r.message().isEmpty()) {
            s.put("message", r.message());
        }
        Map<String, Object> p = new LinkedHashMap<>();
        // whole numbers (n, p, m, ...) are written without a decimal point
        parameters.forEach((k, v) -> p.put(k, v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) v.longValue() : v));
        p.put("seed", spec.seed());
        s.put("parameters", p);
        return s;
    }

    private Map<String, Object> provenance(Instant start, Instant end) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("framework", "benign-lab");
        p.put("version", Provenance.version());
        p.put("git_commit", Provenance.gitCommit());
        p.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        p.put("cpus", Runtime.getRuntime().availableProcessors());
        p.put("threads", threads);
        p.put("run_key", plan.key());
        p.put("repetition", plan.repetition());
        p.put("root_seed", spec.seed());
        p.put("stream_seeds", seeds.describe());
        p.put("engine", engine.name());
        p.put("engine_reason", engine.reason());
        p.put("products", org.benignlab.engine.NativeBlas.description());
        Map<String, String> pluginClasses = new LinkedHashMap<>();
        pluginClasses.put("activation", plugins.activation().getClass().getName());
        pluginClasses.put("cluster", plugins.cluster().getClass().getName());
        pluginClasses.put("noise", plugins.noise().getClass().getName());
        pluginClasses.put("loss", plugins.loss().getClass().getName());
        pluginClasses.put("optimizer", plugins.optimizer().getClass().getName());
        p.put("plugins", pluginClasses);
        p.put("started", start.toString());
        p.put("ended", end.toString());
        p.put("config", plan.resolved());
        return p;
    }
}
