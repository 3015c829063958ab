package org.benignlab.engine;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.benignlab.api.Activation;
import org.benignlab.api.LogSchedule;
import org.benignlab.api.Loss;
import org.benignlab.api.MetricNames;
import org.benignlab.api.Optimizer;
import org.benignlab.api.RunStatus;
import org.benignlab.api.StopReason;

/**
 * The step loop, stop rules, metrics and result shared by every engine (paper, Section 2.2). An engine
 * supplies only its representation of W as a {@link Network}: explicit W (dense) or coefficients B of
 * W = W0 + B X (span, sketch).
 *
 * <p><b>Step loop</b>, for t = 0, 1, 2, ...: Z^T = (W X^T) at the current parameters
 * ({@link Network#trainingPreActivationsT}), f_i = Σ_j a_j φ(Z_ij), train loss and errors (a prediction
 * is an error unless y f &gt; 0, so f = 0 and NaN count as errors); stop, before updating, on the first
 * rule that holds: any f or the loss not finite ({@link StopReason#DIVERGED}; at a recorded step also ||W||_F
 * NaN or infinite: the one divergence rule of every engine), loss &lt;= stopLoss when
 * stopLoss &gt; 0 ({@link StopReason#STOP_LOSS}), train error 0 when stopAtInterpolation
 * ({@link StopReason#INTERPOLATION}), t = maxSteps ({@link StopReason#MAX_STEPS}). Metrics (every entry of
 * {@link MetricNames#ALL}, in that order) are recorded at the steps of {@link LogSchedule} and at the final
 * step (exactly once); without {@link TrainingSetup#spectralNorm()} ||W||_2 and the stable rank are left
 * out. Otherwise C = -(1/n) A^T is formed ({@link NetworkOps#gradientCoefficients}), the network turns it
 * into the optimiser's gradient ({@link Network#gradient}) and the optimiser updates
 * {@link Network#parameters()} in place. The result's {@code steps} is the t at which training stopped.
 *
 * <p><b>Metric semantics</b>: train metrics against the observed labels (clean / noisy subsets, NaN for an
 * empty subset); test errors against the noisy and the clean test labels, NaN for an empty test set;
 * ||W||_F, ||W||_2 = sqrt(λ_max(W W^T)) and the stable rank ||W||_F^2 / ||W||_2^2 (NaN when W = 0, see
 * {@link NetworkOps#stableRank}).
 */
final class TrainingLoop {

    /** An engine's representation of the first layer W. Not thread-safe; one per run. */
    interface Network {
        /** The flat array the optimiser updates in place (W, m x p, or B, m x n, row-major). */
        double[] parameters();

        /**
         * Training pre-activations at the current parameters, transposed: zt[j][i] = &lt;w_j, x_i&gt;.
         *
         * @param zt m rows of length n (modified: overwritten)
         */
        void trainingPreActivationsT(double[][] zt);

        /**
         * The optimiser's gradient for the gradient's coefficients C = -(1/n) A^T (∇L̂(W) = C X).
         *
         * @param ct C, flat m x n (not modified)
         * @return the array handed to the optimiser, same length as {@link #parameters()} (it must not be
         *         modified by the optimiser)
         */
        double[] gradient(double[] ct);

        /** Called once at every recorded step, before the test and weight evaluations. */
        void prepareEvaluation();

        /**
         * Test pre-activations z[r][j] = &lt;w_j, x_{from + r}&gt; for r &lt; rows, at the parameters {@code params}:
         * {@link #parameters()} itself, or a copy of it taken at an earlier recorded step (only while
         * {@link #testReady()} was false).
         *
         * @param z rows of length m (modified: rows 0..rows-1)
         */
        void testPreActivations(double[] params, int from, int rows, double[][] z);

        /**
         * Whether {@link #testPreActivations} can run now; false while the test set's projections are still being
         * computed in the background (the span engine with two or more threads), in which case the loop keeps
         * stepping and evaluates the test metrics of the recorded steps later, on copies of the parameters.
         */
        default boolean testReady() {
            return true;
        }

        /** Waits until {@link #testReady()}; an exception of the background work is thrown here. */
        default void awaitTest() {
        }

        /** {||W||_F, ||W||_2} at the current parameters; ||W||_2 is NaN (not computed) unless {@code spectral}. */
        double[] weightNorms(boolean spectral);

        /** ||W - W0||_F at the current parameters, after {@link #weightNorms(boolean)}; NaN when not kept. */
        double changeFromInit();

        /** ||W0||_F. */
        double initNorm();

        /** K = X X^T of the training inputs, n x n (not to be modified). */
        double[][] trainGram();
    }

    /** Receives the state at the final step (the step at which training stopped). */
    @FunctionalInterface
    interface FinalStep {
        /**
         * @param parameters a copy of {@link Network#parameters()} (W or B, flat row-major; may be kept)
         * @param zt         the training pre-activations at that step, transposed, m x n (not to be modified
         *                   or kept)
         */
        void accept(double[] parameters, double[][] zt);
    }

    private final TrainingSetup setup;
    private final Activation phi;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Dataset train;
    private final Dataset test;
    private final double[] a;
    private final Network network;
    private final MetricsSink sink;
    private final FinalStep finalStep;
    private final int n;
    private final int m;

    private final double[][] zt;
    private final double[] f;
    private final double[] rowScale;
    private final double[] work;
    private final double[] ct;
    private double[][] zTest;
    private double[] fTest;
    /** Recorded steps whose test metrics wait for {@link Network#testReady()}, oldest first. */
    private final java.util.ArrayDeque<Pending> pending = new java.util.ArrayDeque<>();

    private double trainLoss;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private long bestStep;
    private double lossClean;
    private double lossNoisy;
    private double marginSum;
    private int errors;
    private int errorsClean;
    private int errorsNoisy;
    private int nonFinite;
    private boolean weightsOverflow;

    /**
     * @param train           training labels (points not needed), size n
     * @param test            test labels (points not needed)
     * @param a               second layer, length m (not modified)
     * @param finalStep       receives the parameters and pre-activations at the final step, or null
     */
    TrainingLoop(TrainingSetup setup, Plugins plugins, Dataset train, Dataset test, double[] a, Network network,
                 MetricsSink sink, FinalStep finalStep) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.phi = plugins.activation();
        this.loss = plugins.loss();
        this.optimizer = plugins.optimizer();
        this.train = train;
        this.test = test;
        this.a = a;
        this.network = network;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.finalStep = finalStep;
        this.n = setup.n();
        this.m = setup.width();
        if (train.size() != n || a.length != m) {
            throw new IllegalArgumentException("TrainingLoop: " + train.size() + " training points and " + a.length
                    + " units for n = " + n + ", m = " + m);
        }
        this.zt = new double[m][n];
        this.f = new double[n];
        this.rowScale = new double[n];
        this.work = new double[n];
        this.ct = new double[m * n];
    }

    /** Runs the loop to its first stop rule. */
    TrainingResult execute() {
        double[] params = network.parameters();
        Optimizer.State state = optimizer.start(params.length);
        LogSchedule schedule = new LogSchedule(setup.maxSteps(), setup.pointsPerDecade());
        for (long t = 0; ; t++) {
            sink.step(t);
            network.trainingPreActivationsT(zt);
            NetworkOps.outputsT(zt, a, phi, f, work);
            trainStatistics();
            StopReason stop = stopReason(t);
            if (stop != null || schedule.contains(t)) {
                boolean testNow = network.testReady();
                if (testNow && !pending.isEmpty()) {
                    flushPending(); // the steps that waited first, in order
                }
                Map<String, Double> metrics = metrics(testNow);
                if (stop == null && !Double.isFinite(metrics.get(MetricNames.WEIGHT_NORM))) {
                    stop = StopReason.DIVERGED; // ||W||_F is NaN or infinite (seen at a recorded step)
                    weightsOverflow = true;
                }
                if (testNow) {
                    emit(t, metrics);
                } else {
                    pending.add(new Pending(t, metrics, params.clone()));
                }
                if (stop != null) {
                    if (!pending.isEmpty()) {
                        network.awaitTest();
                        flushPending(); // fills the test metrics of this step's map too
                    }
                    if (finalStep != null) {
                        finalStep.accept(params.clone(), zt);
                    }
                    return result(stop, t, metrics);
                }
            }
            NetworkOps.gradientCoefficients(zt, a, train.labels, f, loss, phi, rowScale, ct, work);
            state.step(t, params, network.gradient(ct));
        }
    }

    private void trainStatistics() {
        double sum = 0.0;
        double sumClean = 0.0;
        double sumNoisy = 0.0;
        int err = 0;
        int errClean = 0;
        int errNoisy = 0;
        int bad = 0;
        for (int i = 0; i < n; i++) {
            double margin = train.labels[i] * f[i];
            double l = loss.value(margin);
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
        trainLoss = sum / n;
        int noisy = train.noisyCount();
        lossClean = noisy == n ? Double.NaN : sumClean / (n - noisy);
        lossNoisy = noisy == 0 ? Double.NaN : sumNoisy / noisy;
        errors = err;
        errorsClean = errClean;
        errorsNoisy = errNoisy;
        nonFinite = bad;
    }

    private StopReason stopReason(long t) {
        if (!Double.isFinite(trainLoss) || nonFinite > 0) {
            return StopReason.DIVERGED;
        }
        if (setup.stopLossEnabled() && trainLoss <= setup.stopLoss()) {
            return StopReason.STOP_LOSS;
        }
        if (setup.stopAtInterpolation() && errors == 0) {
            return StopReason.INTERPOLATION;
        }
        if (trainLoss < bestLoss) {
            bestLoss = trainLoss;
            bestStep = t;
        } else if (setup.stallSteps() > 0 && trainLoss > 0 && t - bestStep >= setup.stallSteps()) {
            return StopReason.STALLED;
        }
        if (t == setup.maxSteps()) {
            return StopReason.MAX_STEPS;
        }
        return null;
    }

    /** A recorded step whose test metrics are not computed yet: its metrics (NaN there) and its parameters. */
    private record Pending(long step, Map<String, Double> metrics, double[] params) {
    }

    private void emit(long t, Map<String, Double> metrics) {
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            sink.record(t, e.getKey(), e.getValue());
        }
    }

    /** Computes the waiting test metrics (on each step's copy of the parameters) and records those steps. */
    private void flushPending() {
        while (!pending.isEmpty()) {
            Pending p = pending.poll();
            double[] testErrors = testErrors(p.params());
            p.metrics().put(MetricNames.TEST_ERROR, testErrors[0]);
            p.metrics().put(MetricNames.TEST_ERROR_CLEAN, testErrors[1]);
            if (setup.records(Diagnostics.MARGIN)) {
                p.metrics().put(MetricNames.NORMALIZED_MARGIN, normalizedMargin(p.metrics().get(MetricNames.WEIGHT_NORM)));
            }
            emit(p.step(), p.metrics());
        }
    }

    /** E[ỹ f] / ||W||_F over the test set from the last {@link #testErrors} call; NaN without test points. */
    private double normalizedMargin(double weightNorm) {
        return test.size() == 0 || !(weightNorm > 0) ? Double.NaN : marginSum / test.size() / weightNorm;
    }

    /**
     * The metrics of the current step; with {@code testNow} false the test errors and the normalized margin are
     * NaN placeholders (in their places), filled in by {@link #flushPending}.
     */
    private Map<String, Double> metrics(boolean testNow) {
        network.prepareEvaluation();
        int noisy = train.noisyCount();
        int clean = n - noisy;
        double[] testErrors = testNow ? testErrors(network.parameters()) : new double[] {Double.NaN, Double.NaN};
        double[] norms = network.weightNorms(setup.spectralNorm());
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(MetricNames.TRAIN_LOSS, trainLoss);
        out.put(MetricNames.TRAIN_ERROR, (double) errors / n);
        out.put(MetricNames.TRAIN_ERROR_CLEAN, clean == 0 ? Double.NaN : (double) errorsClean / clean);
        out.put(MetricNames.TRAIN_ERROR_NOISY, noisy == 0 ? Double.NaN : (double) errorsNoisy / noisy);
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
            out.put(MetricNames.TRAIN_LOSS_CLEAN, lossClean);
            out.put(MetricNames.TRAIN_LOSS_NOISY, lossNoisy);
            double[] logRatios = Diagnostics.logLossRatios(logG, train.flipped);
            out.put(MetricNames.LOSS_RATIO, Math.exp(logRatios[0]));
            out.put(MetricNames.LOSS_RATIO_CLEAN, Math.exp(logRatios[1]));
            out.put(MetricNames.LOSS_RATIO_NOISY, Math.exp(logRatios[2]));
            out.put(MetricNames.LOG_LOSS_RATIO, logRatios[0]);
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

    /** {test error vs noisy labels, test error vs clean labels} at {@code params}, NaN for an empty test set. */
    private double[] testErrors(double[] params) {
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
            NetworkOps.outputs(zTest, rows, a, phi, fTest);
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

    private TrainingResult result(StopReason stop, long t, Map<String, Double> metrics) {
        RunStatus status = stop == StopReason.DIVERGED ? RunStatus.DIVERGED : RunStatus.COMPLETED;
        String message = switch (stop) {
            case DIVERGED -> weightsOverflow
                    ? String.format(Locale.ROOT, "diverged at step %d: ||W||_F is %s (the weights left double "
                            + "precision; seen at this recorded step), train loss %s", t,
                            metrics.get(MetricNames.WEIGHT_NORM), trainLoss)
                    : String.format(Locale.ROOT,
                    "diverged at step %d: train loss %s, %d of %d outputs not finite, ||W||_F = %s",
                    t, trainLoss, nonFinite, n, metrics.get(MetricNames.WEIGHT_NORM));
            case STOP_LOSS -> String.format(Locale.ROOT, "train loss %s <= stop_loss %s at step %d",
                    trainLoss, setup.stopLoss(), t);
            case INTERPOLATION -> String.format(Locale.ROOT,
                    "interpolation at step %d: all %d training points fitted (%d noisy), train loss %s",
                    t, n, train.noisyCount(), trainLoss);
            case STALLED -> String.format(Locale.ROOT,
                    "stalled at step %d: the train loss %s has not gone below its minimum %s (step %d) for %d steps",
                    t, trainLoss, bestLoss, bestStep, t - bestStep);
            case MAX_STEPS -> String.format(Locale.ROOT,
                    "max_steps %d reached: train error %s, train loss %s", t,
                    metrics.get(MetricNames.TRAIN_ERROR), trainLoss);
        };
        if (setup.dataGiven() && test.size() == 0) {
            message += "; test errors unavailable: the given data have no test set";
        }
        return new TrainingResult(status, stop, t, metrics, stop == StopReason.DIVERGED ? t : -1,
                train.noisyCount(), message);
    }
}
