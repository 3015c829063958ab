package org.benignlab.reports;

import java.util.Map;
import org.benignlab.api.MetricNames;

/** Symbols and axis titles for swept paths and metrics (MODEL.md notation). */
final class Labels {
    private Labels() {
    }

    private static final Map<String, String[]> PATHS = Map.ofEntries(
            Map.entry("data.n", new String[] {"n", "training points n"}),
            Map.entry("data.p", new String[] {"p", "dimension p"}),
            Map.entry("data.mu", new String[] {"‖μ‖", "class-mean norm ‖μ‖"}),
            Map.entry("data.noise.rate", new String[] {"η", "noise rate η"}),
            Map.entry("data.test", new String[] {"n_test", "test points n_test"}),
            Map.entry("network.width", new String[] {"m", "width m"}),
            Map.entry("network.activation.gamma", new String[] {"γ", "leak γ"}),
            Map.entry("network.activation.H", new String[] {"H", "smoothness H"}),
            Map.entry("network.init", new String[] {"ω_init", "initial scale ω_init"}),
            Map.entry("training.optimizer.step", new String[] {"α", "step size α"}),
            Map.entry("training.steps", new String[] {"T", "training steps T"}));

    private static final Map<String, String> METRICS = Map.ofEntries(
            Map.entry(MetricNames.TRAIN_LOSS, "train loss L(W)"),
            Map.entry(MetricNames.TRAIN_ERROR, "train error"),
            Map.entry(MetricNames.TRAIN_ERROR_CLEAN, "train error on clean points"),
            Map.entry(MetricNames.TRAIN_ERROR_NOISY, "train error on noisy (flipped) points"),
            Map.entry(MetricNames.TEST_ERROR, "test error (noisy labels)"),
            Map.entry(MetricNames.TEST_ERROR_CLEAN, "test error (clean labels)"),
            Map.entry(MetricNames.WEIGHT_NORM, "‖W‖_F"),
            Map.entry(MetricNames.WEIGHT_NORM_SPECTRAL, "‖W‖_2"),
            Map.entry(MetricNames.STABLE_RANK, "stable rank ‖W‖_F² / ‖W‖_2²"),
            Map.entry(MetricNames.LOSS_RATIO, "loss ratio max g_i / min g_j"),
            Map.entry(MetricNames.LOSS_RATIO_CLEAN, "loss ratio over clean points"),
            Map.entry(MetricNames.LOSS_RATIO_NOISY, "loss ratio over noisy points"),
            Map.entry(MetricNames.LOG_LOSS_RATIO, "log of the loss ratio, log(max g_i / min g_j)"),
            Map.entry(MetricNames.LOG_TRAIN_LOSS, "log of the train loss, log L(W)"),
            Map.entry(MetricNames.TRAIN_LOSS_CLEAN, "train loss on clean points"),
            Map.entry(MetricNames.TRAIN_LOSS_NOISY, "train loss on noisy points"),
            Map.entry(MetricNames.NORMALIZED_MARGIN, "normalized margin E[ỹ f(x; W)] / ‖W‖_F"),
            Map.entry(MetricNames.RELATIVE_CHANGE, "relative change ‖W − W0‖_F / ‖W0‖_F"),
            Map.entry(MetricNames.GRADIENT_NORM_RATIO, "gradient norm ratio ‖∇L‖_F / Ĝ"),
            Map.entry(MetricNames.GRADIENT_COSINE_MAX, "max |cos| between per-sample gradients"));

    /** A short symbol for a swept path ("p", "‖μ‖"), or the path itself. */
    static String symbol(String path) {
        String[] s = PATHS.get(path);
        return s == null ? path : s[0];
    }

    /** An axis title for a swept path ("dimension p"), or the path itself. */
    static String axis(String path) {
        String[] s = PATHS.get(path);
        return s == null ? path : s[1];
    }

    /** A readable name for a metric, or the metric key itself. */
    static String metric(String metric) {
        return METRICS.getOrDefault(metric, metric);
    }

    /** A file-name-safe form of a path or metric: "data.p" -> "data_p". */
    static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }
}
