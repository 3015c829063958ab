package org.benignlab.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.benignlab.api.Activation;
import org.benignlab.api.Loss;
import org.benignlab.api.MetricNames;
import org.benignlab.api.Optimizer;
import org.benignlab.api.RunStatus;
import org.benignlab.api.StopReason;

/**
 * The dense engine: explicit X (n x p) and W (m x p), full-batch training with any optimiser
 * (ARCHITECTURE.md, "Engines"; paper, Section 2.2).
 *
 * <p><b>Setup, in this order</b> (each stream is advanced only as listed, so the same streams give the
 * same numbers, and the training data does not depend on the test size):
 * <ol>
 *   <li>training set: {@link Dataset#generate} with {@code data} for labels and points and {@code noise}
 *       for the flips (μ = ||μ|| e_1);</li>
 *   <li>test set: {@link Dataset#generate} with {@code test} for labels, points and then flips;</li>
 *   <li>second layer: for j = 0..m-1, a_j = {@code signs.nextBoolean() ? +1/√m : -1/√m};</li>
 *   <li>first layer: W0_jk = ω · g_jk in row-major order (j, then k), g from
 *       {@link ZigguratSampler.NormalizedGaussian} on {@code init}; no draw when ω = 0 (W0 = 0).</li>
 * </ol>
 *
 * <p><b>Step loop</b>, for t = 0, 1, 2, ...: forward pass on the training set at W(t) (train loss and
 * errors; a prediction is an error unless y f &gt; 0, so f = 0 and NaN count as errors); stop, before
 * updating, on the first rule that holds: any f or the loss not finite ({@link StopReason#DIVERGED}),
 * loss &lt;= stopLoss when stopLoss &gt; 0 ({@link StopReason#STOP_LOSS}), train error 0 when
 * stopAtInterpolation ({@link StopReason#INTERPOLATION}), t = maxSteps ({@link StopReason#MAX_STEPS}).
 * Metrics are recorded at the steps of {@link LogSchedule} and at the final step (exactly once). Otherwise
 * the gradient ∇L̂(W) = -(1/n) A^T X is formed and the optimiser updates the flat row-major W in place.
 * The result's {@code steps} is the t at which training stopped (the number of updates).
 *
 * <p><b>Cost per step</b>: two products of n·m·p multiply-adds (Z^T = W X^T and -(1/n) A^T X), plus
 * O(n·m) activation and loss evaluations and the optimiser's O(m·p). At a recorded step the test set
 * costs testSize·m·p more (in blocks of {@value #TEST_BLOCK} points) plus an m·p transpose of W.
 * Products are split over threads by fixed index ranges ({@link ParallelNetworkOps}); the results are
 * bit-identical for every thread count.
 *
 * <p><b>Memory</b> (8 bytes a double), see {@link #estimateMemoryBytes}: X and X^T (2·n·p), the test
 * points (testSize·p), W, ∇L̂, the gradient's work rows and W^T (4·m·p), small n·m and
 * {@value #TEST_BLOCK}·m buffers, and whatever the optimiser keeps (e.g. m·p for momentum). Example:
 * n = 100, p = 5000, m = 100, testSize = 5000 needs about 8 MB + 200 MB + 16 MB.
 *
 * <p>An instance holds only its thread count and may be shared; each {@link #train} call creates and
 * shuts down its own pool.
 */
public final class DenseEngine {
    /** Test points evaluated together (bounds the work buffer to TEST_BLOCK · m doubles). */
    public static final int TEST_BLOCK = 1024;

    private final int threads;

    /**
     * @param threads threads for the matrix products, &gt;= 1
     * @throws IllegalArgumentException if threads &lt; 1
     */
    public DenseEngine(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    /** Number of threads. */
    public int threads() {
        return threads;
    }

    /**
     * Approximate heap use of one {@link #train} call, excluding the optimiser's state and JVM overhead.
     */
    public static long estimateMemoryBytes(TrainingSetup setup) {
        long n = setup.n();
        long p = setup.p();
        long m = setup.width();
        long doubles = 2 * n * p + (long) setup.testSize() * p + 4 * m * p + 3 * m * n
                + (long) Math.min(TEST_BLOCK, setup.testSize()) * m;
        return 8 * doubles;
    }

    /**
     * Generates the data, initialises the network and trains it.
     *
     * @param setup   sizes and stopping rules (not modified)
     * @param plugins activation, cluster distribution, label noise, loss, optimiser
     * @param streams random streams (modified: advanced in the documented order)
     * @param sink    receives the metrics at every recorded step
     * @return how the run ended; exceptions thrown by plugins or the sink propagate
     */
    public TrainingResult train(TrainingSetup setup, Plugins plugins, RandomStreams streams, MetricsSink sink) {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(plugins, "plugins");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(sink, "sink");
        Dataset train = Dataset.generate(setup.n(), setup.p(), setup.muNorm(), plugins.cluster(), plugins.noise(),
                streams.data(), streams.noise());
        Dataset test = Dataset.generate(setup.testSize(), setup.p(), setup.muNorm(), plugins.cluster(),
                plugins.noise(), streams.test(), streams.test());
        double[] a = secondLayer(setup.width(), streams.signs());
        double[] w = initialWeights(setup.width(), setup.p(), setup.initScale(), streams.init());
        try (ParallelNetworkOps ops = new ParallelNetworkOps(threads)) {
            return new Run(setup, plugins, train, test, a, w, ops, sink).execute();
        }
    }

    /** a_j = ±1/√m, one {@code nextBoolean()} per unit. */
    static double[] secondLayer(int m, UniformRandomProvider rng) {
        double scale = 1.0 / Math.sqrt(m);
        double[] a = new double[m];
        for (int j = 0; j < m; j++) {
            a[j] = rng.nextBoolean() ? scale : -scale;
        }
        return a;
    }

    /** W0_jk = ω g_jk, row-major, standard normals from the Ziggurat sampler; zeros without draws if ω = 0. */
    static double[] initialWeights(int m, int p, double omega, UniformRandomProvider rng) {
        double[] w = new double[m * p];
        if (omega == 0) {
            return w;
        }
        NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int k = 0; k < w.length; k++) {
            w[k] = omega * gauss.sample();
        }
        return w;
    }

    /** One training run: buffers allocated once, then the step loop. */
    private static final class Run {
        private final TrainingSetup setup;
        private final Activation phi;
        private final Loss loss;
        private final Optimizer optimizer;
        private final Dataset train;
        private final Dataset test;
        private final double[] a;
        private final double[] w;
        private final ParallelNetworkOps ops;
        private final MetricsSink sink;
        private final int n;
        private final int m;
        private final int p;

        // training buffers
        private final double[][] xt;
        private final double[][] zt;
        private final double[] f;
        private final double[] rowScale;
        private final double[] ct;
        private final double[] grad;
        private final double[][] gradRows;
        // test buffers (allocated at the first recorded step)
        private double[][] wt;
        private double[][] zTest;
        private double[] fTest;

        // statistics of the current forward pass
        private double trainLoss;
        private int errors;
        private int errorsClean;
        private int errorsNoisy;
        private int nonFinite;

        Run(TrainingSetup setup, Plugins plugins, Dataset train, Dataset test, double[] a, double[] w,
            ParallelNetworkOps ops, MetricsSink sink) {
            this.setup = setup;
            this.phi = plugins.activation();
            this.loss = plugins.loss();
            this.optimizer = plugins.optimizer();
            this.train = train;
            this.test = test;
            this.a = a;
            this.w = w;
            this.ops = ops;
            this.sink = sink;
            this.n = setup.n();
            this.m = setup.width();
            this.p = setup.p();
            this.xt = NetworkOps.transpose(train.x);
            this.zt = new double[m][n];
            this.f = new double[n];
            this.rowScale = new double[n];
            this.ct = new double[m * n];
            this.grad = new double[m * p];
            this.gradRows = new double[m][p];
        }

        TrainingResult execute() {
            Optimizer.State state = optimizer.start(w.length);
            LogSchedule schedule = new LogSchedule(setup.maxSteps(), setup.pointsPerDecade());
            for (long t = 0; ; t++) {
                ops.preActivationsT(w, xt, zt);
                NetworkOps.outputsT(zt, a, phi, f);
                trainStatistics();
                StopReason stop = stopReason(t);
                if (stop != null || schedule.contains(t)) {
                    Map<String, Double> metrics = metrics();
                    for (Map.Entry<String, Double> e : metrics.entrySet()) {
                        sink.record(t, e.getKey(), e.getValue());
                    }
                    if (stop != null) {
                        return result(stop, t, metrics);
                    }
                }
                NetworkOps.gradientCoefficients(zt, a, train.labels, f, loss, phi, rowScale, ct);
                ops.gradient(ct, train.x, gradRows, grad);
                state.step(t, w, grad);
            }
        }

        private void trainStatistics() {
            double sum = 0.0;
            int err = 0;
            int errClean = 0;
            int errNoisy = 0;
            int bad = 0;
            for (int i = 0; i < n; i++) {
                double margin = train.labels[i] * f[i];
                sum += loss.value(margin);
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
            if (t == setup.maxSteps()) {
                return StopReason.MAX_STEPS;
            }
            return null;
        }

        private Map<String, Double> metrics() {
            int noisy = train.noisyCount();
            int clean = n - noisy;
            double[] testErrors = testErrors();
            Map<String, Double> out = new LinkedHashMap<>();
            out.put(MetricNames.TRAIN_LOSS, trainLoss);
            out.put(MetricNames.TRAIN_ERROR, (double) errors / n);
            out.put(MetricNames.TRAIN_ERROR_CLEAN, clean == 0 ? Double.NaN : (double) errorsClean / clean);
            out.put(MetricNames.TRAIN_ERROR_NOISY, noisy == 0 ? Double.NaN : (double) errorsNoisy / noisy);
            out.put(MetricNames.TEST_ERROR, testErrors[0]);
            out.put(MetricNames.TEST_ERROR_CLEAN, testErrors[1]);
            out.put(MetricNames.WEIGHT_NORM, NetworkOps.frobeniusNorm(w));
            if (!out.keySet().equals(new LinkedHashSet<>(MetricNames.ALL))) {
                throw new IllegalStateException("metric names out of sync with MetricNames.ALL: " + out.keySet());
            }
            return out;
        }

        /** {test error vs noisy labels, test error vs clean labels}, NaN for an empty test set. */
        private double[] testErrors() {
            int size = test.size();
            if (size == 0) {
                return new double[] {Double.NaN, Double.NaN};
            }
            if (wt == null) {
                wt = new double[p][m];
                zTest = new double[Math.min(TEST_BLOCK, size)][m];
                fTest = new double[zTest.length];
            }
            ops.transpose(w, m, p, wt);
            int err = 0;
            int errClean = 0;
            for (int from = 0; from < size; from += TEST_BLOCK) {
                int rows = Math.min(TEST_BLOCK, size - from);
                double[][] block = Arrays.copyOfRange(test.x, from, from + rows);
                ops.preActivations(block, wt, zTest, rows);
                NetworkOps.outputs(zTest, rows, a, phi, fTest);
                for (int r = 0; r < rows; r++) {
                    if (!(test.labels[from + r] * fTest[r] > 0)) {
                        err++;
                    }
                    if (!(test.cleanLabels[from + r] * fTest[r] > 0)) {
                        errClean++;
                    }
                }
            }
            return new double[] {(double) err / size, (double) errClean / size};
        }

        private TrainingResult result(StopReason stop, long t, Map<String, Double> metrics) {
            RunStatus status = stop == StopReason.DIVERGED ? RunStatus.DIVERGED : RunStatus.COMPLETED;
            String message = switch (stop) {
                case DIVERGED -> String.format(Locale.ROOT,
                        "diverged at step %d: train loss %s, %d of %d outputs not finite, ||W||_F = %s",
                        t, trainLoss, nonFinite, n, metrics.get(MetricNames.WEIGHT_NORM));
                case STOP_LOSS -> String.format(Locale.ROOT, "train loss %s <= stop_loss %s at step %d",
                        trainLoss, setup.stopLoss(), t);
                case INTERPOLATION -> String.format(Locale.ROOT,
                        "interpolation at step %d: all %d training points fitted (%d noisy), train loss %s",
                        t, n, train.noisyCount(), trainLoss);
                case MAX_STEPS -> String.format(Locale.ROOT,
                        "max_steps %d reached: train error %s, train loss %s", t,
                        metrics.get(MetricNames.TRAIN_ERROR), trainLoss);
            };
            return new TrainingResult(status, stop, t, metrics, stop == StopReason.DIVERGED ? t : -1,
                    train.noisyCount(), message);
        }
    }
}
