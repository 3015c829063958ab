package org.benignlab.api.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.benignlab.api.MetricNames;

/**
 * What a run is and what it writes, defined once for the writer ({@code experiments}) and the reader
 * ({@code reports}): the file names of a results folder and of a run's folder, the named parameters and the
 * YAML paths they are read from, the keys of summary.json (metric values use {@link MetricNames}) and the
 * columns of runs.csv.
 */
public final class RunSchema {
    private RunSchema() {
    }

    /** The results folder's list of planned runs, its experiment hash and seeding scheme. */
    public static final String MANIFEST = "manifest.json";
    /** One row per finished run, columns {@link #RUNS_CSV_COLUMNS} after the keys and swept paths. */
    public static final String RUNS_CSV = "runs.csv";
    /** A run's summary (keys in {@link Summary}), written last. */
    public static final String SUMMARY = "summary.json";
    /** A run's metrics in long format: step,metric,value. */
    public static final String METRICS = "metrics.csv";
    /** A run's resolved configuration. */
    public static final String CONFIG = "config.yaml";
    /** A run's seeds, machine and times. */
    public static final String PROVENANCE = "provenance.json";
    /** The files every finished run's folder holds. */
    public static final List<String> RUN_FILES = List.of(CONFIG, METRICS, PROVENANCE, SUMMARY);

    /** The sample size n. */
    public static final String N = "n";
    /** The dimension p. */
    public static final String P = "p";
    /** The width m. */
    public static final String M = "m";
    /** The signal strength ‖μ‖. */
    public static final String MU = "mu";
    /** The noise rate η. */
    public static final String ETA = "eta";
    /** The activation's leakiness γ as configured (what it declares is {@link Summary#DECLARED}). */
    public static final String GAMMA = "gamma";
    /** The activation's smoothness H as configured. */
    public static final String H = "H";
    /** The step size α. */
    public static final String STEP = "step";
    /** The run's root seed (recorded with the parameters in summary.json, not an expression name). */
    public static final String SEED = "seed";

    /** Parameter name -> dotted YAML path its value is read from; the names expressions may use. */
    public static final Map<String, String> PARAMETER_PATHS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(N, "data.n");
        m.put(P, "data.p");
        m.put(M, "network.width");
        m.put(MU, "data.mu");
        m.put(ETA, "data.noise.rate");
        m.put(GAMMA, "network.activation.gamma");
        m.put(H, "network.activation.H");
        m.put(STEP, "training.optimizer.step");
        PARAMETER_PATHS = Collections.unmodifiableMap(m);
    }

    /** The keys of summary.json's {@code parameters} object: the named parameters, then the seed. */
    public static final List<String> RECORDED_PARAMETERS;

    static {
        List<String> p = new ArrayList<>(PARAMETER_PATHS.keySet());
        p.add(SEED);
        RECORDED_PARAMETERS = List.copyOf(p);
    }

    /** Keys of summary.json besides the metric names. */
    public static final class Summary {
        private Summary() {
        }

        public static final String RUN_KEY = "run_key";
        public static final String CONFIG_KEY = "config_key";
        public static final String REPETITION = "repetition";
        public static final String NAME = "name";
        /** completed, diverged or failed ({@link org.benignlab.api.RunStatus}). */
        public static final String STATUS = "status";
        public static final String STOP_REASON = "stop_reason";
        public static final String STEPS = "steps";
        public static final String DIVERGED_AT_STEP = "diverged_at_step";
        public static final String NOISE_RATE = "noise_rate";
        public static final String NOISY_COUNT = "noisy_count";
        public static final String N_TEST = "n_test";
        public static final String CLUSTER = "cluster";
        public static final String ENGINE = "engine";
        public static final String ENGINE_REASON = "engine_reason";
        public static final String SECONDS = "seconds";
        public static final String MESSAGE = "message";
        /** The object of {@link #RECORDED_PARAMETERS}. */
        public static final String PARAMETERS = "parameters";
        public static final String SWEPT = "swept";
        /**
         * What the plugins declare: {@code cluster} (type, product, sub_gaussian_norm, strong_log_concavity, kappa,
         * isotropic_gaussian, coordinate_variance), {@code activation} (type, {@link #GAMMA} its leakiness,
         * {@link #H} its smoothness), {@code noise} (type, rate, adversarial); a value not declared is left out.
         */
        public static final String DECLARED = "declared";
        public static final String DECLARED_CLUSTER = "cluster";
        public static final String DECLARED_ACTIVATION = "activation";
        public static final String DECLARED_NOISE = "noise";
    }

    /** Columns of runs.csv after the run key, config key, repetition and swept paths. */
    public static final List<String> RUNS_CSV_COLUMNS;

    static {
        List<String> c = new ArrayList<>(RECORDED_PARAMETERS);
        c.addAll(List.of(Summary.STATUS, Summary.STOP_REASON, Summary.STEPS, Summary.DIVERGED_AT_STEP));
        c.addAll(MetricNames.ALL);
        c.addAll(MetricNames.DIAGNOSTICS);
        c.addAll(MetricNames.BASELINES);
        c.addAll(List.of(Summary.NOISE_RATE, Summary.NOISY_COUNT, Summary.N_TEST, Summary.CLUSTER, Summary.ENGINE,
                Summary.ENGINE_REASON, Summary.SECONDS, Summary.MESSAGE));
        RUNS_CSV_COLUMNS = List.copyOf(c);
    }
}
