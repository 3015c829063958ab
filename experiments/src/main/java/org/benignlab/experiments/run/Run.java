package org.benignlab.experiments.run;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import org.benignlab.api.MetricNames;
import org.benignlab.api.RunStatus;
import org.benignlab.api.results.RunSchema;
import org.benignlab.api.results.RunSchema.Summary;
import org.benignlab.engine.Engine;
import org.benignlab.engine.EngineChoice;
import org.benignlab.engine.EngineKind;
import org.benignlab.engine.MetricsSink;
import org.benignlab.engine.Plugins;
import org.benignlab.engine.TrainingResult;
import org.benignlab.engine.TrainingSetup;
import org.benignlab.experiments.arrays.GivenFiles;
import org.benignlab.experiments.arrays.RunArrays;
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

    /** Approximate heap use of training this run with its engine. */
    public long memoryEstimate() {
        return engine.kind().estimateMemoryBytes(setup);
    }

    /** The engines other than this run's that are exact for its plugins, with their memory estimates. */
    public Map<String, Long> alternatives() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (EngineKind kind : engine.exactAlternatives()) {
            m.put(kind.key(), kind.estimateMemoryBytes(setup));
        }
        return m;
    }

    /**
     * Trains, and returns everything the run's folder will hold. Never throws for a failure of the
     * run itself: an exception or an out-of-memory error inside training is recorded as status
     * {@code failed} with its reason, so that a sweep goes on.
     *
     * @param steps receives the current step at the start of every step (for progress displays)
     */
    public RunOutput execute(LongConsumer steps) {
        return execute(steps, null);
    }

    /**
     * Trains, and returns everything the run's folder will hold (see {@link #execute(LongConsumer)});
     * with {@code training.save} the arrays are written into {@code runDir/arrays/} while training runs,
     * so they are in place before the result store writes summary.json.
     *
     * @param runDir the run's folder, or null to save no arrays
     */
    public RunOutput execute(LongConsumer steps, Path runDir) {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        InMemoryMetrics metrics = new InMemoryMetrics(steps);
        Map<String, Object> summary;
        RunArrays arrays = RunArrays.none();
        try {
            if (runDir != null) {
                arrays = RunArrays.open(spec, setup, engine.kind(), runDir); // nothing when training.save is empty
            }
            TrainingResult result = trainer.train(setup, plugins, seeds.streams(), metrics, arrays.output());
            summary = summary(result, (System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            summary = failed(e, (System.nanoTime() - t0) / 1e9);
        }
        Map<String, Object> provenance = provenance(start, Instant.now());
        if (arrays.saving()) {
            provenance.put("arrays", arrays.provenance());
        }
        Map<String, Object> dataFiles = GivenFiles.provenance(spec.data()); // null for generated data
        if (dataFiles != null) {
            provenance.put("data_files", dataFiles);
        }
        return new RunOutput(plan, summary, provenance, metrics.csv());
    }

    /** Collects metrics.csv in memory (a few hundred rows: the schedule is log-spaced). */
    private static final class InMemoryMetrics implements MetricsSink {
        private final StringBuilder csv = new StringBuilder("step,metric,value\n");
        private final LongConsumer steps;

        InMemoryMetrics(LongConsumer steps) {
            this.steps = steps;
        }

        @Override
        public void record(long step, String metric, double value) {
            csv.append(step).append(',').append(metric).append(',')
                    .append(Double.isNaN(value) ? "NaN" : Double.toString(value)).append('\n');
        }

        @Override
        public void step(long t) {
            steps.accept(t);
        }

        String csv() {
            return csv.toString();
        }
    }

    private Map<String, Object> summary(TrainingResult r, double seconds) {
        Map<String, Object> s = head(r.status().key(), r.stopReason().key(), r.steps());
        if (r.divergedAtStep() >= 0) {
            s.put(Summary.DIVERGED_AT_STEP, r.divergedAtStep());
        }
        for (String m : MetricNames.ALL) {
            Double v = r.finalMetrics().get(m);
            s.put(m, v == null || v.isNaN() || v.isInfinite() ? null : v);
        }
        for (String m : MetricNames.DIAGNOSTICS) {
            Double v = r.finalMetrics().get(m);
            if (v != null) {
                s.put(m, v.isNaN() || v.isInfinite() ? null : v);
            }
        }
        for (String m : MetricNames.BASELINES) { // present when the baseline was asked for
            Double v = r.baselines().get(m);
            if (v != null) {
                s.put(m, v.isNaN() || v.isInfinite() ? null : v);
            }
        }
        tail(s, r.noisyCount(), seconds, r.message());
        return s;
    }

    private Map<String, Object> failed(Throwable e, double seconds) {
        Map<String, Object> s = head(RunStatus.FAILED.key(), "error", 0);
        for (String m : MetricNames.ALL) {
            s.put(m, null);
        }
        String why = e instanceof OutOfMemoryError
                ? "out of memory (" + e.getMessage() + "); give the JVM more heap with JAVA_OPTS=-Xmx<size>, run "
                        + "fewer runs at once with --threads, or choose engine span or sketch"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage().strip());
        tail(s, null, seconds, why.split("\\R", 2)[0]);
        return s;
    }

    private Map<String, Object> head(String status, String stopReason, long stepsDone) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put(Summary.RUN_KEY, plan.key());
        s.put(Summary.CONFIG_KEY, plan.configKey());
        s.put(Summary.REPETITION, plan.repetition());
        s.put(Summary.NAME, spec.name());
        s.put(Summary.STATUS, status);
        s.put(Summary.STOP_REASON, stopReason);
        s.put(Summary.STEPS, stepsDone);
        return s;
    }

    private void tail(Map<String, Object> s, Integer noisyCount, double seconds, String message) {
        s.put(Summary.NOISE_RATE, plugins.noise().rate());
        s.put(Summary.NOISY_COUNT, noisyCount);
        s.put(Summary.N_TEST, setup.testSize());
        s.put(Summary.CLUSTER, spec.data().cluster().type());
        s.put(Summary.ENGINE, engine.name());
        s.put(Summary.ENGINE_REASON, engine.reason());
        s.put(Summary.SECONDS, Math.round(seconds * 1000) / 1000.0);
        if (message != null && !message.isEmpty()) {
            s.put(Summary.MESSAGE, message);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        // whole numbers (n, p, m, ...) are written without a decimal point
        plan.parameters().forEach((k, v) ->
                p.put(k, v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) v.longValue() : v));
        p.put(RunSchema.SEED, spec.seed());
        s.put(Summary.PARAMETERS, p);
        s.put(Summary.SWEPT, plan.swept());
        s.put(Summary.DECLARED, declared());
        if (noisyCount != null && 2L * noisyCount >= setup.n()) {
            s.put(Summary.MESSAGE, (message == null || message.isEmpty() ? "" : message + "; ") + "note: " + noisyCount
                    + " of " + setup.n() + " training labels were flipped (a fraction of 1/2 or more): the observed "
                    + "labels agree with the reversed classifier at least as often as with the true one");
        }
    }

    /**
     * What the plugins declare, for reports that read only result files: the cluster's {@code ClusterProperties},
     * the activation's γ (leakiness) and H (smoothness), the noise model's rate and kind. A value a plugin does not
     * declare (NaN, or an empty optional) is left out.
     */
    private Map<String, Object> declared() {
        Map<String, Object> d = new LinkedHashMap<>();
        org.benignlab.api.ClusterProperties cp = plugins.cluster().properties();
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("type", spec.data().cluster().type());
        cluster.put("product", cp.product());
        putFinite(cluster, "sub_gaussian_norm", cp.subGaussianNorm());
        putFinite(cluster, "strong_log_concavity", cp.strongLogConcavity());
        putFinite(cluster, "kappa", cp.kappa());
        cluster.put("isotropic_gaussian", cp.isotropicGaussian());
        putFinite(cluster, "coordinate_variance", cp.coordinateVariance());
        d.put(Summary.DECLARED_CLUSTER, cluster);
        Map<String, Object> activation = new LinkedHashMap<>();
        activation.put("type", spec.network().activation().type());
        plugins.activation().leakiness().ifPresent(v -> activation.put(RunSchema.GAMMA, v));
        plugins.activation().smoothness().ifPresent(v -> activation.put(RunSchema.H, v));
        d.put(Summary.DECLARED_ACTIVATION, activation);
        Map<String, Object> noise = new LinkedHashMap<>();
        noise.put("type", spec.data().noise().type());
        putFinite(noise, "rate", plugins.noise().rate());
        noise.put("adversarial", plugins.noise().adversarial());
        d.put(Summary.DECLARED_NOISE, noise);
        return d;
    }

    private static void putFinite(Map<String, Object> m, String key, double v) {
        if (Double.isFinite(v)) {
            m.put(key, v);
        }
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
        p.put("seeding_scheme", Seeds.SCHEME);
        p.put("draw_family", seeds.family().key());
        p.put("stream_seeds", seeds.describe());
        p.put("stream_entries", seeds.entries());
        p.put("engine", engine.name());
        p.put("engine_reason", engine.reason());
        p.put("products", trainer.products().description());
        p.put("diagnostics", spec.training().diagnostics());
        p.put("spectral_norm", spec.training().spectralNorm());
        p.put("baselines", spec.training().baselines());
        Map<String, String> pluginClasses = new LinkedHashMap<>();
        pluginClasses.put("activation", plugins.activation().getClass().getName());
        pluginClasses.put("cluster", plugins.cluster().getClass().getName());
        pluginClasses.put("noise", plugins.noise().getClass().getName());
        pluginClasses.put("loss", (plugins.loss() instanceof SummedLoss summed ? summed.inner() : plugins.loss())
                .getClass().getName());
        pluginClasses.put("optimizer", plugins.optimizer().getClass().getName());
        p.put("plugins", pluginClasses);
        p.put("started", start.toString());
        p.put("ended", end.toString());
        p.put("config", plan.resolved());
        return p;
    }
}
