package org.benignlab.engine;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import org.benignlab.api.Activation;
import org.benignlab.api.Loss;
import org.benignlab.api.MetricNames;

/**
 * The metrics of a recorded step of {@link TrainingLoop}: every entry of {@link MetricNames#ALL}, in that order,
 * then the diagnostics groups of {@link TrainingSetup#diagnostics()} ({@link Diagnostics}, the gradient ones O(n²m)),
 * and the test errors, computed block by block over the test set. Train metrics are against the observed labels
 * (clean / noisy subsets, NaN for an empty subset); test errors against the noisy and the clean test labels, NaN for
 * an empty test set; ||W||_F, ||W||_2 = sqrt(λ_max(W W^T)) and the stable rank ||W||_F^2 / ||W||_2^2 (NaN when
 * W = 0, see {@link NetworkOps#stableRank}); without {@link TrainingSetup#spectralNorm()} ||W||_2 and the stable
 * rank are left out. Not thread-safe; one per run.
 */
final class StepMetrics {
    private final TrainingSetup setup;
    private final Activation phi;
    private final Loss loss;
    private final Dataset train;
    private final Dataset test;
    private final double[] a;
    private final TrainingLoop.Network network;
    private final ParallelNetworkOps ops;
    private final double[][] zt;
    private final double[] f;
    private final int n;
    private final int m;
    private double[][] zTest;
    private double[] fTest;
    private double marginSum;

    /**
     * @param ops the threads of the test outputs (split over the test points: the same numbers for every count)
     * @param zt  the loop's training pre-activations, transposed, m x n (read by the gradient diagnostics; the loop
     *            fills these rows at a recorded step only when that group is recorded)
     * @param f   the loop's training outputs, length n (read at each recorded step)
     */
    StepMetrics(TrainingSetup setup, Plugins plugins, Dataset train, Dataset test, double[] a,
                TrainingLoop.Network network, ParallelNetworkOps ops, double[][] zt, double[] f) {
        this.setup = setup;
        this.phi = plugins.activation();
        this.loss = plugins.loss();
        this.train = train;
        this.test = test;
        this.a = a;
        this.network = network;
        this.ops = ops;
        this.zt = zt;
        this.f = f;
        this.n = setup.n();
        this.m = setup.width();
    }

    /**
     * The metrics of the current step; with {@code testNow} false the test errors and the normalized margin are
     * NaN placeholders (in their places), filled in later ({@link DeferredTestMetrics}).
     */
    Map<String, Double> at(TrainStatistics s, boolean testNow) {
        network.prepareEvaluation();
        int noisy = train.noisyCount();
        int clean = n - noisy;
        double[] testErrors = testNow ? testErrors(network.parameters()) : new double[] {Double.NaN, Double.NaN};
        double[] norms = network.weightNorms(setup.spectralNorm());
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(MetricNames.TRAIN_LOSS, s.loss);
        out.put(MetricNames.TRAIN_ERROR, (double) s.errors / n);
        out.put(MetricNames.TRAIN_ERROR_CLEAN, clean == 0 ? Double.NaN : (double) s.errorsClean / clean);
        out.put(MetricNames.TRAIN_ERROR_NOISY, noisy == 0 ? Double.NaN : (double) s.errorsNoisy / noisy);
        out.put(MetricNames.TEST_ERROR, testErrors[0]);
        out.put(MetricNames.TEST_ERROR_CLEAN, testErrors[1]);
        out.put(MetricNames.WEIGHT_NORM, norms[0]);
        if (setup.spectralNorm()) {
            out.put(MetricNames.WEIGHT_NORM_SPECTRAL, norms[1]);
            out.put(MetricNames.STABLE_RANK, NetworkOps.stableRank(norms[0], norms[1], Math.min(m, setup.p())));
        }
        if (!out.keySet().equals(new LinkedHashSet<>(setup.coreMetrics()))) {
            throw new IllegalStateException("metric names out of sync with MetricNames.ALL: " + out.keySet());
        }
        double[] logG = setup.records(Diagnostics.LOSSES) || setup.records(Diagnostics.GRADIENTS) ? logG() : null;
        if (setup.records(Diagnostics.LOSSES)) {
            out.put(MetricNames.TRAIN_LOSS_CLEAN, s.lossClean);
            out.put(MetricNames.TRAIN_LOSS_NOISY, s.lossNoisy);
            double[] logRatios = Diagnostics.logLossRatios(logG, train.flipped);
            out.put(MetricNames.LOSS_RATIO, Math.exp(logRatios[0]));
            out.put(MetricNames.LOSS_RATIO_CLEAN, Math.exp(logRatios[1]));
            out.put(MetricNames.LOSS_RATIO_NOISY, Math.exp(logRatios[2]));
            out.put(MetricNames.LOG_LOSS_RATIO, logRatios[0]);
            out.put(MetricNames.LOG_TRAIN_LOSS, logTrainLoss());
        }
        if (setup.records(Diagnostics.MARGIN)) {
            out.put(MetricNames.NORMALIZED_MARGIN, testNow ? normalizedMargin(norms[0]) : Double.NaN);
        }
        if (setup.records(Diagnostics.CHANGE)) {
            double init = network.initNorm();
            out.put(MetricNames.RELATIVE_CHANGE, init > 0 ? network.changeFromInit() / init : Double.NaN);
        }
        if (setup.records(Diagnostics.GRADIENTS)) {
            double[] g = gradientDiagnostics(logG);
            out.put(MetricNames.GRADIENT_NORM_RATIO, g[0]);
            out.put(MetricNames.GRADIENT_COSINE_MAX, g[1]);
        }
        return out;
    }

    /** log L̂ = log((1/n) Σ ℓ(y_i f_i)) from the per-point log ℓ ({@link Diagnostics#logMean}). */
    private double logTrainLoss() {
        double[] logL = new double[n];
        for (int i = 0; i < n; i++) {
            logL[i] = loss.logValue(train.labels[i] * f[i]);
        }
        return Diagnostics.logMean(logL);
    }

    /** log g_i = log(-ℓ'(y_i f_i)) per training point. */
    private double[] logG() {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = loss.logG(train.labels[i] * f[i]);
        }
        return out;
    }

    /** {D_ki = a_k φ'(z_ki)} for {@link Diagnostics#gradientRatios}: the gradient norm ratio and the cosines. */
    private double[] gradientDiagnostics(double[] logG) {
        double[][] d = new double[m][n];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                d[j][i] = a[j] * phi.derivative(zt[j][i]);
            }
        }
        return Diagnostics.gradientRatios(logG, train.labels, d, network.trainGram());
    }

    /** E[ỹ f] / ||W||_F over the test set from the last {@link #testErrors} call; NaN without test points. */
    double normalizedMargin(double weightNorm) {
        return test.size() == 0 || !(weightNorm > 0) ? Double.NaN : marginSum / test.size() / weightNorm;
    }

    /** {test error vs noisy labels, test error vs clean labels} at {@code params}, NaN for an empty test set. */
    double[] testErrors(double[] params) {
        int size = test.size();
        if (size == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        if (zTest == null) {
            zTest = new double[Math.min(DenseEngine.TEST_BLOCK, size)][m];
            fTest = new double[zTest.length];
        }
        int err = 0;
        int errClean = 0;
        double margins = 0.0;
        for (int from = 0; from < size; from += DenseEngine.TEST_BLOCK) {
            int rows = Math.min(DenseEngine.TEST_BLOCK, size - from);
            network.testPreActivations(params, from, rows, zTest);
            ops.outputs(zTest, rows, a, phi, fTest);
            for (int r = 0; r < rows; r++) {
                if (!(test.labels[from + r] * fTest[r] > 0)) {
                    err++;
                }
                if (!(test.cleanLabels[from + r] * fTest[r] > 0)) {
                    errClean++;
                }
                margins += test.cleanLabels[from + r] * fTest[r];
            }
        }
        marginSum = margins;
        return new double[] {(double) err / size, (double) errClean / size};
    }
}
