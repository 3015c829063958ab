package org.benignlab.engine;

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
 * The step loop and stop rules shared by every engine (paper, Section 2.2). An engine supplies only its
 * representation of W as a {@link Network}: explicit W (dense) or coefficients B of W = W0 + B X (span, sketch).
 * The metrics of a recorded step are {@link StepMetrics}' (with the diagnostics of {@link Diagnostics}); the steps
 * whose test metrics must wait for the network are {@link DeferredTestMetrics}'.
 *
 * <p><b>Step loop</b>, for t = 0, 1, 2, ...: Z^T = (W X^T) at the current parameters
 * ({@link Network#trainingPreActivationsT}), f_i = Σ_j a_j φ(Z_ij), train loss and errors
 * ({@link TrainStatistics}); stop, before updating, on the first rule that holds: any f or the loss not finite
 * ({@link StopReason#DIVERGED}; at a recorded step also ||W||_F NaN or infinite: the one divergence rule of every
 * engine), loss &lt;= stopLoss when stopLoss &gt; 0 ({@link StopReason#STOP_LOSS}), train error 0 when
 * stopAtInterpolation ({@link StopReason#INTERPOLATION}), no new minimum of the train loss for
 * {@link TrainingSetup#stallSteps()} steps ({@link StopReason#STALLED}), t = maxSteps
 * ({@link StopReason#MAX_STEPS}). Metrics are recorded at the steps of {@link LogSchedule} and at the final step
 * (exactly once). Otherwise C = -(1/n) A^T is formed ({@link NetworkOps#gradientCoefficients}; it and the
 * outputs are split over the points on the engine's threads when Z is large, {@link ParallelNetworkOps#outputsT}),
 * the network turns it into the optimiser's gradient ({@link Network#gradient}) and the optimiser updates
 * {@link Network#parameters()} in place. The result's {@code steps} is the t at which training stopped.
 */
final class TrainingLoop {

    /** An engine's representation of the first layer W. Not thread-safe; one per run. */
    interface Network {
        /** The flat array the optimiser updates in place (W, m x p, or B, m x n, row-major). */
        double[] parameters();

        /**
         * Training pre-activations at the current parameters, transposed and flat: zt[j·n + i] = &lt;w_j, x_i&gt;.
         *
         * @return the network's own m·n array (not to be modified; valid until the next call)
         */
        double[] trainingPreActivationsT();

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
    private final ParallelNetworkOps ops;
    private final MetricsSink sink;
    private final FinalStep finalStep;
    private final int n;

    private final double[][] zt;
    private final double[] f;
    private final double[] rowScale;
    private final double[] work;
    private final double[] ct;
    private final TrainStatistics stats = new TrainStatistics();
    private final StepMetrics stepMetrics;
    private final DeferredTestMetrics deferred;

    private double bestLoss = Double.POSITIVE_INFINITY;
    private long bestStep;
    private boolean weightsOverflow;

    /**
     * @param train           training labels (points not needed), size n
     * @param test            test labels (points not needed)
     * @param a               second layer, length m (not modified)
     * @param ops             the threads of the step's element-wise work (outputs, gradient coefficients: split over
     *                        the points, the same numbers for every thread count); not closed here
     * @param finalStep       receives the parameters and pre-activations at the final step, or null
     */
    TrainingLoop(TrainingSetup setup, Plugins plugins, Dataset train, Dataset test, double[] a, Network network,
                 ParallelNetworkOps ops, MetricsSink sink, FinalStep finalStep) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.phi = plugins.activation();
        this.loss = plugins.loss();
        this.optimizer = plugins.optimizer();
        this.train = train;
        this.test = test;
        this.a = a;
        this.network = network;
        this.ops = Objects.requireNonNull(ops, "ops");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.finalStep = finalStep;
        this.n = setup.n();
        int m = setup.width();
        if (train.size() != n || a.length != m) {
            throw new IllegalArgumentException("TrainingLoop: " + train.size() + " training points and " + a.length
                    + " units for n = " + n + ", m = " + m);
        }
        this.zt = new double[m][n];
        this.f = new double[n];
        this.rowScale = new double[n];
        this.work = new double[n];
        this.ct = new double[m * n];
        this.stepMetrics = new StepMetrics(setup, plugins, train, test, a, network, ops, zt, f);
        this.deferred = new DeferredTestMetrics(stepMetrics, setup, sink);
    }

    /** Runs the loop to its first stop rule. */
    TrainingResult execute() {
        double[] params = network.parameters();
        Optimizer.State state = optimizer.start(params.length);
        LogSchedule schedule = new LogSchedule(setup.maxSteps(), setup.pointsPerDecade());
        for (long t = 0; ; t++) {
            sink.step(t);
            double[] z = network.trainingPreActivationsT(); // flat: rows of zt only when a record or the end reads them
            ops.outputsT(z, a, phi, f, work);
            stats.compute(train, f, loss);
            StopReason stop = stopReason(t);
            if (stop != null || schedule.contains(t)) {
                if (setup.records(Diagnostics.GRADIENTS)) {
                    NativeBlas.unflatten(z, zt, a.length, n); // the gradient diagnostics read rows
                }
                boolean testNow = network.testReady();
                if (testNow && !deferred.isEmpty()) {
                    deferred.flush(); // the steps that waited first, in order
                }
                Map<String, Double> metrics = stepMetrics.at(stats, testNow);
                if (stop == null && !Double.isFinite(metrics.get(MetricNames.WEIGHT_NORM))) {
                    stop = StopReason.DIVERGED; // ||W||_F is NaN or infinite (seen at a recorded step)
                    weightsOverflow = true;
                }
                if (testNow) {
                    deferred.emit(t, metrics);
                } else {
                    deferred.defer(t, metrics, params.clone());
                }
                if (stop != null) {
                    if (!deferred.isEmpty()) {
                        network.awaitTest();
                        deferred.flush(); // fills the test metrics of this step's map too
                    }
                    if (finalStep != null) {
                        NativeBlas.unflatten(z, zt, a.length, n);
                        finalStep.accept(params.clone(), zt);
                    }
                    return result(stop, t, metrics);
                }
            }
            ops.gradientCoefficients(z, a, train.labels, f, loss, phi, rowScale, ct, work);
            state.step(t, params, network.gradient(ct));
        }
    }

    private StopReason stopReason(long t) {
        if (!Double.isFinite(stats.loss) || stats.nonFinite > 0) {
            return StopReason.DIVERGED;
        }
        if (setup.stopLossEnabled() && stats.loss <= setup.stopLoss()) {
            return StopReason.STOP_LOSS;
        }
        if (setup.stopAtInterpolation() && stats.errors == 0) {
            return StopReason.INTERPOLATION;
        }
        if (stats.loss < bestLoss) {
            bestLoss = stats.loss;
            bestStep = t;
        } else if (setup.stallSteps() > 0 && stats.loss > 0 && t - bestStep >= setup.stallSteps()) {
            return StopReason.STALLED;
        }
        if (t == setup.maxSteps()) {
            return StopReason.MAX_STEPS;
        }
        return null;
    }

    private TrainingResult result(StopReason stop, long t, Map<String, Double> metrics) {
        RunStatus status = stop == StopReason.DIVERGED ? RunStatus.DIVERGED : RunStatus.COMPLETED;
        String message = switch (stop) {
            case DIVERGED -> weightsOverflow
                    ? String.format(Locale.ROOT, "diverged at step %d: ||W||_F is %s (the weights left double "
                            + "precision; seen at this recorded step), train loss %s", t,
                            metrics.get(MetricNames.WEIGHT_NORM), stats.loss)
                    : String.format(Locale.ROOT,
                    "diverged at step %d: train loss %s, %d of %d outputs not finite, ||W||_F = %s",
                    t, stats.loss, stats.nonFinite, n, metrics.get(MetricNames.WEIGHT_NORM));
            case STOP_LOSS -> String.format(Locale.ROOT, "train loss %s <= stop_loss %s at step %d",
                    stats.loss, setup.stopLoss(), t);
            case INTERPOLATION -> String.format(Locale.ROOT,
                    "interpolation at step %d: all %d training points fitted (%d noisy), train loss %s",
                    t, n, train.noisyCount(), stats.loss);
            case STALLED -> String.format(Locale.ROOT,
                    "stalled at step %d: the train loss %s has not gone below its minimum %s (step %d) for %d steps",
                    t, stats.loss, bestLoss, bestStep, t - bestStep);
            case MAX_STEPS -> String.format(Locale.ROOT,
                    "max_steps %d reached: train error %s, train loss %s", t,
                    metrics.get(MetricNames.TRAIN_ERROR), stats.loss);
        };
        if (setup.dataGiven() && test.size() == 0) {
            message += "; test errors unavailable: the given data have no test set";
        }
        return new TrainingResult(status, stop, t, metrics, stop == StopReason.DIVERGED ? t : -1,
                train.noisyCount(), message);
    }
}
