package org.benignlab.engine;

import java.util.Arrays;
import java.util.List;
import org.benignlab.api.MetricNames;
import org.benignlab.api.RunOptions;

/**
 * The linear baselines computed on a run's own draws beside the network ({@link LinearBaselines}): each needs only
 * K = X X^T, the labels and the test points' projections X x, which every engine holds (span, sketch) or computes
 * (dense), so none costs anything in p for span and sketch. Chosen in YAML with {@code training.baselines}.
 */
public enum Baseline {
    /** The linear maximum-margin classifier through the origin ({@link MaxMarginSolver}). */
    MAX_MARGIN(RunOptions.MAX_MARGIN, List.of(MetricNames.MAX_MARGIN_TEST_ERROR, MetricNames.MAX_MARGIN_TEST_ERROR_CLEAN,
            MetricNames.MAX_MARGIN_MARGIN, MetricNames.MAX_MARGIN_SUPPORT_VECTORS)),
    /** The minimum-norm interpolator w = X^T K^+ y. */
    MIN_NORM(RunOptions.MIN_NORM, List.of(MetricNames.MIN_NORM_TEST_ERROR, MetricNames.MIN_NORM_TEST_ERROR_CLEAN)),
    /** The one-step classifier w ∝ Σ y_i x_i (the first gradient step from W = 0 of a linear model). */
    ONE_STEP(RunOptions.ONE_STEP, List.of(MetricNames.ONE_STEP_TEST_ERROR, MetricNames.ONE_STEP_TEST_ERROR_CLEAN,
            MetricNames.ONE_STEP_CLEAN_ERROR_THEORY));

    private final String key;
    private final List<String> metrics;

    Baseline(String key, List<String> metrics) {
        this.key = key;
        this.metrics = metrics;
    }

    /** The name used in YAML ({@code training.baselines}). */
    public String key() {
        return key;
    }

    /** The metrics this baseline writes (some may be left out, e.g. the closed form for non-Gaussian clusters). */
    public List<String> metrics() {
        return metrics;
    }

    /** Every key, in declaration order. */
    public static final List<String> KEYS = Arrays.stream(values()).map(Baseline::key).toList();

    /** The baseline with this key. */
    public static Baseline of(String key) {
        for (Baseline b : values()) {
            if (b.key.equals(key)) {
                return b;
            }
        }
        throw new IllegalArgumentException("baseline: must be one of " + String.join(", ", KEYS) + ", got " + key);
    }

    /** The baselines of these keys ({@code training.baselines}). */
    public static java.util.Set<Baseline> setOf(java.util.Collection<String> keys) {
        java.util.Set<Baseline> out = java.util.EnumSet.noneOf(Baseline.class);
        for (String k : keys) {
            out.add(of(k));
        }
        return out;
    }
}
