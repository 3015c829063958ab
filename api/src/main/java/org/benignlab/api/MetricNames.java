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
    /** Stable rank ||W||_F^2 / ||W||_2^2 of the first layer, in [1, min(m, p)]. */
    public static final String STABLE_RANK = "stable_rank";

    /** All metrics every engine records, in the order they are written. */
    public static final List<String> ALL = List.of(TRAIN_LOSS, TRAIN_ERROR, TRAIN_ERROR_CLEAN, TRAIN_ERROR_NOISY,
            TEST_ERROR, TEST_ERROR_CLEAN, WEIGHT_NORM, WEIGHT_NORM_SPECTRAL, STABLE_RANK);
}
