package org.benignlab.api;

import java.util.List;

/**
 * The words of the run options that the engine implements and the YAML names ({@code network.second_layer.signs},
 * {@code training.save}, {@code training.diagnostics}, {@code training.baselines}), defined once: the spec records
 * validate against them and the engine's types ({@code SecondLayer.Signs}, {@code ArrayGroup}, {@code Diagnostics},
 * {@code Baseline}) take their keys from them or are tested against them, so the YAML schema does not depend on the
 * engine.
 */
public final class RunOptions {
    private RunOptions() {
    }

    /** The sign patterns of the fixed second layer. */
    public static final List<String> SECOND_LAYER_SIGNS = List.of("random", "alternating", "balanced", "constant",
            "values");

    /** The groups of arrays a run can save, in writing order. */
    public static final List<String> SAVE_GROUPS = List.of("data", "init", "final");

    /** Diagnostics group: train loss on clean / noisy points and the loss ratios. */
    public static final String LOSSES = "losses";
    /** Diagnostics group: the normalised test margin. */
    public static final String MARGIN = "margin";
    /** Diagnostics group: the relative change of W from W0. */
    public static final String CHANGE = "change";
    /** Diagnostics group: the gradient norm ratio and the largest cosine between per-sample gradients. */
    public static final String GRADIENTS = "gradients";
    /** Every diagnostics group, in the order their metrics are written. */
    public static final List<String> DIAGNOSTICS = List.of(LOSSES, MARGIN, CHANGE, GRADIENTS);

    /** Baseline: the linear maximum-margin classifier through the origin. */
    public static final String MAX_MARGIN = "max-margin";
    /** Baseline: the minimum-norm interpolator. */
    public static final String MIN_NORM = "min-norm";
    /** Baseline: the one-step classifier w ∝ Σ y_i x_i. */
    public static final String ONE_STEP = "one-step";
    /** Every baseline, in declaration order. */
    public static final List<String> BASELINES = List.of(MAX_MARGIN, MIN_NORM, ONE_STEP);
}
