package org.benignlab.api;

import java.util.List;

/**
 * Names of the recorded metrics, as they appear in metrics.csv (long format: step,metric,value),
 * summary.json and runs.csv. Error rates are fractions in [0, 1].
 */
public final class MetricNames {
    private MetricNames() {
    }

    /** L̂(W) = (1/n) Σ ℓ(y_i f(x_i; W)) against the observed (possibly flipped) labels. */
    public static final String TRAIN_LOSS = "train_loss";
    /** Fraction of training points with sign(f(x_i)) != y_i (observed labels; sign(0) counts as an error). */
    public static final String TRAIN_ERROR = "train_error";
    /** Train error over the clean points C only. */
    public static final String TRAIN_ERROR_CLEAN = "train_error_clean";
    /** Train error over the flipped points N only (0 means every noisy label is fitted). */
    public static final String TRAIN_ERROR_NOISY = "train_error_noisy";
    /** Test error against noisy test labels (same noise model as training). */
    public static final String TEST_ERROR = "test_error";
    /** Test error against the clean test labels ỹ. */
    public static final String TEST_ERROR_CLEAN = "test_error_clean";
    /** Frobenius norm of the first layer, ||W||_F. */
    public static final String WEIGHT_NORM = "weight_norm_fro";

    /** Spectral norm of the first layer, ||W||_2 (square root of the largest eigenvalue of W W^T). */
    public static final String WEIGHT_NORM_SPECTRAL = "weight_norm_spectral";
    /**
     * Stable rank ||W||_F^2 / ||W||_2^2 of the first layer, in [1, rank W] (clamped there: rounding in the two
     * norms can put the quotient a few ulps outside).
     */
    public static final String STABLE_RANK = "stable_rank";

    /** Train loss over the clean points C only (diagnostic group {@code losses}). */
    public static final String TRAIN_LOSS_CLEAN = "train_loss_clean";
    /** Train loss over the flipped points N only (diagnostic group {@code losses}). */
    public static final String TRAIN_LOSS_NOISY = "train_loss_noisy";
    /** max_{i,j} g_i / g_j over the training points, g = -ℓ' (Lemma 4.9; group {@code losses}). */
    public static final String LOSS_RATIO = "loss_ratio";
    /** max_{i,j} g_i / g_j over the clean points. */
    public static final String LOSS_RATIO_CLEAN = "loss_ratio_clean";
    /** max_{i,j} g_i / g_j over the noisy points. */
    public static final String LOSS_RATIO_NOISY = "loss_ratio_noisy";
    /**
     * log(max_{i,j} g_i / g_j) over the training points, natural log (group {@code losses}): finite where
     * {@link #LOSS_RATIO} itself leaves double precision (a ratio above about e^709).
     */
    public static final String LOG_LOSS_RATIO = "log_loss_ratio";
    /**
     * log L̂(W), natural log of the train loss (group {@code losses}), computed in log space from each point's
     * log ℓ: finite where {@link #TRAIN_LOSS} itself rounds to 0 (a logistic loss below about e^-745).
     */
    public static final String LOG_TRAIN_LOSS = "log_train_loss";
    /**
     * Normalized clean margin E[ỹ f(x; W)] / ||W||_F, the mean over the test set (Lemma 4.11; group
     * {@code margin}).
     */
    public static final String NORMALIZED_MARGIN = "normalized_margin";
    /** ||W(t) - W0||_F / ||W0||_F (Proposition 3.2 at t = 1; group {@code change}). */
    public static final String RELATIVE_CHANGE = "relative_change";
    /** ||∇L̂(W)||_F / Ĝ(W) with Ĝ = (1/n) Σ g_i (Lemma 4.12: at least γ||μ||/4; group {@code gradients}). */
    public static final String GRADIENT_NORM_RATIO = "gradient_norm_ratio";
    /** max_{i≠j} |cos(∇ℓ_i, ∇ℓ_j)| between per-sample gradients (Lemma 4.7; group {@code gradients}). */
    public static final String GRADIENT_COSINE_MAX = "gradient_cosine_max";

    /** The diagnostics, in the order they are written after {@link #ALL} (each when its group is on). */
    public static final List<String> DIAGNOSTICS = List.of(TRAIN_LOSS_CLEAN, TRAIN_LOSS_NOISY, LOSS_RATIO,
            LOSS_RATIO_CLEAN, LOSS_RATIO_NOISY, LOG_LOSS_RATIO, LOG_TRAIN_LOSS, NORMALIZED_MARGIN, RELATIVE_CHANGE, GRADIENT_NORM_RATIO,
            GRADIENT_COSINE_MAX);

    /**
     * Test error (noisy test labels) of the linear maximum-margin classifier through the origin on the run's own
     * training set (hard-margin SVM without bias: min ||w|| subject to y_i &lt;w, x_i&gt; &gt;= 1; baseline
     * {@code max-margin}).
     */
    public static final String MAX_MARGIN_TEST_ERROR = "max_margin_test_error";
    /** Test error of the maximum-margin classifier against the clean test labels. */
    public static final String MAX_MARGIN_TEST_ERROR_CLEAN = "max_margin_test_error_clean";
    /** Geometric margin of the maximum-margin classifier, min_i y_i &lt;w, x_i&gt; / ||w|| = 1 / ||w||. */
    public static final String MAX_MARGIN_MARGIN = "max_margin_margin";
    /** Number of support vectors of the maximum-margin classifier (training points with a positive dual weight). */
    public static final String MAX_MARGIN_SUPPORT_VECTORS = "max_margin_support_vectors";
    /**
     * Test error (noisy labels) of the minimum-norm interpolator w = X^T K^+ y, K = X X^T (least squares through the
     * origin; baseline {@code min-norm}).
     */
    public static final String MIN_NORM_TEST_ERROR = "min_norm_test_error";
    /** Test error of the minimum-norm interpolator against the clean test labels. */
    public static final String MIN_NORM_TEST_ERROR_CLEAN = "min_norm_test_error_clean";
    /** Test error (noisy labels) of the one-step classifier w = Σ y_i x_i (baseline {@code one-step}). */
    public static final String ONE_STEP_TEST_ERROR = "one_step_test_error";
    /** Test error of the one-step classifier against the clean test labels. */
    public static final String ONE_STEP_TEST_ERROR_CLEAN = "one_step_test_error_clean";
    /**
     * The one-step classifier's clean error for isotropic Gaussian clusters in closed form,
     * Φ(−(1−2η̂)||μ||² / sqrt((1−2η̂)²||μ||² + p/n)) with η̂ the run's fraction of flipped training labels (present
     * for isotropic Gaussian clusters and label noise that reads neither margins nor features).
     */
    public static final String ONE_STEP_CLEAN_ERROR_THEORY = "one_step_clean_error_theory";

    /**
     * The baselines' metrics, computed once per run on its own draws and written to summary.json and runs.csv (not
     * to metrics.csv), each when its baseline is asked for ({@code training.baselines}).
     */
    public static final List<String> BASELINES = List.of(MAX_MARGIN_TEST_ERROR, MAX_MARGIN_TEST_ERROR_CLEAN,
            MAX_MARGIN_MARGIN, MAX_MARGIN_SUPPORT_VECTORS, MIN_NORM_TEST_ERROR, MIN_NORM_TEST_ERROR_CLEAN,
            ONE_STEP_TEST_ERROR, ONE_STEP_TEST_ERROR_CLEAN, ONE_STEP_CLEAN_ERROR_THEORY);

    /** All metrics every engine records, in the order they are written. */
    public static final List<String> ALL = List.of(TRAIN_LOSS, TRAIN_ERROR, TRAIN_ERROR_CLEAN, TRAIN_ERROR_NOISY,
            TEST_ERROR, TEST_ERROR_CLEAN, WEIGHT_NORM, WEIGHT_NORM_SPECTRAL, STABLE_RANK);
}
