package org.benignlab.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.benignlab.api.MetricNames;

/**
 * Builds results folders in the documented layout (manifest.json, {@code <run>/summary.json},
 * {@code <run>/metrics.csv}) without the experiments module, the way the producer writes them.
 */
final class Fixtures {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One run to write. Null metric values are written as JSON null. */
    static final class Run {
        final String key;
        final String configKey;
        final int repetition;
        final Map<String, Object> swept = new LinkedHashMap<>();
        /** The configuration's {@code vars:} entries (resolved numbers), written when not empty. */
        final Map<String, Object> vars = new LinkedHashMap<>();
        /** null: no summary.json (unfinished). */
        String status = "completed";
        Map<String, Double> metrics = new LinkedHashMap<>();
        String message;
        Double divergedAtStep;
        double n = 50;
        double p = 1000;
        double m = 20;
        double mu = 10;
        double eta = 0.1;
        int noisyCount = 5;
        int nTest = 1000;
        String cluster = "gaussian";
        /** The cluster's declared coordinate variance σ² (null: not written). */
        Double variance = 1.0;
        /** The cluster's declared strong log-concavity λ. */
        double lambda = 1.0;
        boolean isotropic = true;
        String noiseType = "random-flip";
        /** Multiplies the loss ratio's trajectory (near the largest double: means that overflow). */
        double lossRatioScale = 1;
        /** The signal model's type (null: the default one mean, no {@code declared.signal} block). */
        String signalType;
        /** Its declared clean Bayes error (null: none). */
        Double signalBayesClean;
        /** false: no {@code declared} block in summary.json (results written without one). */
        boolean writeDeclared = true;
        String engine = "sketch";
        boolean writeMetrics = true;
        List<String> extraMetrics = new ArrayList<>();

        Run(String key, String configKey, int repetition) {
            this.key = key;
            this.configKey = configKey;
            this.repetition = repetition;
        }

        Run errors(double trainError, double testError, double testErrorClean) {
            metrics.put(MetricNames.TRAIN_LOSS, 0.05);
            metrics.put(MetricNames.TRAIN_ERROR, trainError);
            metrics.put(MetricNames.TRAIN_ERROR_CLEAN, trainError);
            metrics.put(MetricNames.TRAIN_ERROR_NOISY, trainError);
            metrics.put(MetricNames.TEST_ERROR, testError);
            metrics.put(MetricNames.TEST_ERROR_CLEAN, testErrorClean);
            metrics.put(MetricNames.WEIGHT_NORM, 2.0);
            metrics.put(MetricNames.WEIGHT_NORM_SPECTRAL, 1.5);
            metrics.put(MetricNames.STABLE_RANK, 1.2);
            return this;
        }
    }

    private Fixtures() {
    }

    static void write(Path dir, String name, List<String> sweepPaths, int repetitions, List<Run> runs) {
        try {
            Files.createDirectories(dir);
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("name", name);
            manifest.put("experiment_hash", "0123456789abcdef0123456789abcdef");
            ObjectNode sweep = manifest.putObject("sweep");
            ArrayNode paths = sweep.putArray("paths");
            sweepPaths.forEach(paths::add);
            sweep.put("repetitions", repetitions);
            ArrayNode rs = manifest.putArray("runs");
            for (Run r : runs) {
                ObjectNode o = rs.addObject();
                o.put("key", r.key);
                o.put("config_key", r.configKey);
                o.put("repetition", r.repetition);
                ObjectNode sw = o.putObject("swept");
                r.swept.forEach((k, v) -> sw.set(k, JSON.valueToTree(v)));
                o.set("config", config(r, name));
                if (r.status != null) {
                    writeSummary(dir, r, name);
                }
                if (r.status != null && r.writeMetrics) {
                    writeMetrics(dir.resolve(r.key).resolve("metrics.csv"), r);
                }
            }
            Files.writeString(dir.resolve("manifest.json"), JSON.writeValueAsString(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode config(Run r, String name) {
        ObjectNode c = JSON.createObjectNode();
        c.put("name", name);
        c.put("seed", 1);
        if (!r.vars.isEmpty()) {
            ObjectNode vars = c.putObject("vars");
            r.vars.forEach((k, v) -> vars.set(k, JSON.valueToTree(v)));
        }
        ObjectNode data = c.putObject("data");
        data.put("n", (int) r.n);
        data.put("p", (long) r.p);
        data.put("mu", r.mu);
        data.putObject("cluster").put("type", r.cluster);
        ObjectNode noise = data.putObject("noise");
        noise.put("type", r.noiseType);
        noise.put("rate", r.eta);
        data.put("test", r.nTest);
        ObjectNode net = c.putObject("network");
        net.put("width", (int) r.m);
        ObjectNode act = net.putObject("activation");
        act.put("type", "smoothed-leaky-relu");
        act.put("gamma", 0.1);
        act.put("H", 1.0);
        ObjectNode tr = c.putObject("training");
        tr.putObject("optimizer").put("type", "gd");
        tr.put("steps", 100);
        return c;
    }

    private static void writeSummary(Path dir, Run r, String name) throws IOException {
        Path runDir = dir.resolve(r.key);
        Files.createDirectories(runDir);
        ObjectNode s = JSON.createObjectNode();
        s.put("run_key", r.key);
        s.put("config_key", r.configKey);
        s.put("repetition", r.repetition);
        s.put("name", name);
        s.put("status", r.status);
        s.put("stop_reason", r.status.equals("diverged") ? "diverged" : "max_steps");
        s.put("steps", 100);
        if (r.divergedAtStep != null) {
            s.put("diverged_at_step", r.divergedAtStep);
        }
        for (String metric : MetricNames.ALL) {
            Double v = r.metrics.get(metric);
            if (v == null) {
                s.putNull(metric);
            } else if (Double.isNaN(v)) {
                s.put(metric, "NaN");
            } else {
                s.put(metric, v);
            }
        }
        for (String metric : MetricNames.DIAGNOSTICS) {
            Double v = r.metrics.get(metric);
            if (v != null) {
                s.put(metric, v);
            }
        }
        for (String metric : MetricNames.BASELINES) {
            Double v = r.metrics.get(metric);
            if (v != null) {
                s.put(metric, v);
            }
        }
        s.put("noise_rate", r.eta);
        s.put("noisy_count", r.noisyCount);
        s.put("n_test", r.nTest);
        s.put("cluster", r.cluster);
        s.put("engine", r.engine);
        s.put("engine_reason", "auto");
        s.put("seconds", 0.5);
        if (r.message != null) {
            s.put("message", r.message);
        }
        ObjectNode params = s.putObject("parameters");
        params.put("n", r.n);
        params.put("p", r.p);
        params.put("m", r.m);
        params.put("mu", r.mu);
        params.put("eta", r.eta);
        params.put("seed", 1 + r.repetition);
        ObjectNode sw = s.putObject("swept");
        r.swept.forEach((k, v) -> sw.set(k, JSON.valueToTree(v)));
        if (r.writeDeclared) {
            ObjectNode d = s.putObject("declared");
            ObjectNode dc = d.putObject("cluster");
            dc.put("type", r.cluster);
            dc.put("product", true);
            dc.put("sub_gaussian_norm", r.variance == null ? 1.0 : Math.sqrt(r.variance));
            dc.put("strong_log_concavity", r.lambda);
            dc.put("kappa", 1.0);
            dc.put("isotropic_gaussian", r.isotropic);
            if (r.variance != null) {
                dc.put("coordinate_variance", r.variance);
            }
            ObjectNode da = d.putObject("activation");
            da.put("type", "smoothed-leaky-relu");
            da.put("gamma", 0.1);
            da.put("H", 1.0);
            ObjectNode dn = d.putObject("noise");
            dn.put("type", r.noiseType);
            dn.put("rate", r.eta);
            dn.put("adversarial", !r.noiseType.equals("random-flip") && !r.noiseType.equals("none"));
            if (r.signalType != null) {
                ObjectNode dg = d.putObject("signal");
                dg.put("type", r.signalType);
                if (r.signalBayesClean != null) {
                    dg.put("bayes_error_clean", r.signalBayesClean);
                }
            }
        }
        Files.writeString(runDir.resolve("summary.json"), JSON.writeValueAsString(s));
    }

    /** A plausible trajectory: loss decays, errors fall to their final values, norms grow; log-spaced steps. */
    static void writeMetrics(Path file, Run r) throws IOException {
        StringBuilder sb = new StringBuilder("step,metric,value\n");
        long[] steps = {0, 1, 2, 3, 5, 8, 13, 20, 32, 50, 79, 100};
        double shift = 0.04 * r.repetition;
        for (long t : steps) {
            double f = Math.exp(-t / 15.0);
            Map<String, Double> v = new LinkedHashMap<>();
            v.put(MetricNames.TRAIN_LOSS, 0.6931 * f * f + 0.001 * (1 + 10 * shift));
            v.put(MetricNames.TRAIN_ERROR, 0.5 * f + value(r, MetricNames.TRAIN_ERROR) * (1 - f));
            v.put(MetricNames.TRAIN_ERROR_CLEAN, 0.45 * f + value(r, MetricNames.TRAIN_ERROR_CLEAN) * (1 - f));
            v.put(MetricNames.TRAIN_ERROR_NOISY, Math.min(1, 0.9 * f + shift) + value(r, MetricNames.TRAIN_ERROR_NOISY) * (1 - f));
            v.put(MetricNames.TEST_ERROR, (0.5 - shift) * f + value(r, MetricNames.TEST_ERROR) * (1 - f));
            v.put(MetricNames.TEST_ERROR_CLEAN, 0.5 * f + value(r, MetricNames.TEST_ERROR_CLEAN) * (1 - f));
            v.put(MetricNames.WEIGHT_NORM, 1e-6 + 2.0 * (1 - f));
            v.put(MetricNames.WEIGHT_NORM_SPECTRAL, 1e-7 + 1.5 * (1 - f));
            v.put(MetricNames.STABLE_RANK, 1 + 50 * f);
            v.put("loss_ratio", r.lossRatioScale * (1 + 10 * (1 - f) + shift));
            v.put("normalized_margin", 0.3 * (1 - f) - 0.05 + shift);
            for (String extra : r.extraMetrics) {
                v.put(extra, (double) t);
            }
            for (Map.Entry<String, Double> e : v.entrySet()) {
                sb.append(t).append(',').append(e.getKey()).append(',')
                        .append(String.format(Locale.ROOT, "%.10g", e.getValue())).append('\n');
            }
        }
        Files.writeString(file, sb.toString());
    }

    private static double value(Run r, String metric) {
        Double v = r.metrics.get(metric);
        return v == null || Double.isNaN(v) ? 0.5 : v;
    }

    /**
     * The 2 x 2 sweep over data.p in {1000, 100000} and data.mu in {10, 31.6} with 2 repetitions, one
     * verdict per configuration when two repetitions are enough for one (the repetitions of #1, #3 and #4 agree
     * closely, so that even the t quantile with one degree of freedom, 12.7, gives a narrow interval):
     * #1 (p=1000, ‖μ‖=10) benign, #2 (1000, 31.6) not interpolating, #3 (100000, 10) tempered,
     * #4 (100000, 31.6) catastrophic.
     */
    static List<Run> sweep2x2() {
        List<Run> runs = new ArrayList<>();
        double[][] grid = {{1000, 10}, {1000, 31.6}, {100000, 10}, {100000, 31.6}};
        // per configuration and repetition: train error, test error, clean test error
        double[][][] errors = {
            {{0, 0.100, 0.01}, {0, 0.101, 0.03}},
            {{0.02, 0.11, 0.02}, {0, 0.13, 0.04}},
            {{0, 0.300, 0.25}, {0, 0.302, 0.27}},
            {{0, 0.500, 0.48}, {0, 0.502, 0.50}},
        };
        for (int c = 0; c < 4; c++) {
            for (int rep = 0; rep < 2; rep++) {
                Run r = new Run(String.format(Locale.ROOT, "run%d%d", c + 1, rep), "cfg" + (c + 1), rep);
                r.p = grid[c][0];
                r.mu = grid[c][1];
                r.swept.put("data.p", (long) grid[c][0]);
                r.swept.put("data.mu", grid[c][1]);
                r.errors(errors[c][rep][0], errors[c][rep][1], errors[c][rep][2]);
                r.metrics.put(MetricNames.TRAIN_LOSS, rep == 0 ? 0.2 : 0.4);
                runs.add(r);
            }
        }
        return runs;
    }
}
