package org.benignlab.engine;

import org.benignlab.api.Loss;

/**
 * The train loss and errors of one step of {@link TrainingLoop}, overall and on the clean and noisy points, from the
 * outputs f: a prediction is an error unless y f &gt; 0, so f = 0 and NaN count as errors. Mutable, reused every step;
 * not thread-safe.
 */
final class TrainStatistics {
    /** Mean loss over the training points. */
    double loss;
    /** Mean loss over the clean points, NaN when every label was flipped. */
    double lossClean;
    /** Mean loss over the noisy points, NaN when none was flipped. */
    double lossNoisy;
    /** Number of training errors. */
    int errors;
    /** Errors on clean points. */
    int errorsClean;
    /** Errors on noisy points. */
    int errorsNoisy;
    /** Number of outputs that are not finite. */
    int nonFinite;

    /** Recomputes every field for outputs {@code f} (length n, not modified) of the training points. */
    void compute(Dataset train, double[] f, Loss lossFunction) {
        int n = f.length;
        double sum = 0.0;
        double sumClean = 0.0;
        double sumNoisy = 0.0;
        int err = 0;
        int errClean = 0;
        int errNoisy = 0;
        int bad = 0;
        for (int i = 0; i < n; i++) {
            double margin = train.labels[i] * f[i];
            double l = lossFunction.value(margin);
            sum += l;
            if (train.flipped[i]) {
                sumNoisy += l;
            } else {
                sumClean += l;
            }
            if (!Double.isFinite(f[i])) {
                bad++;
            }
            if (!(margin > 0)) {
                err++;
                if (train.flipped[i]) {
                    errNoisy++;
                } else {
                    errClean++;
                }
            }
        }
        loss = sum / n;
        int noisy = train.noisyCount();
        lossClean = noisy == n ? Double.NaN : sumClean / (n - noisy);
        lossNoisy = noisy == 0 ? Double.NaN : sumNoisy / noisy;
        errors = err;
        errorsClean = errClean;
        errorsNoisy = errNoisy;
        nonFinite = bad;
    }
}
