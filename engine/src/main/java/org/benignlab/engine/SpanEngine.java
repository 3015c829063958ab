package org.benignlab.engine;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The span engine: explicit data, but the first layer kept as W = W0 + B X with B in R^{m x n}, so that a
 * training step costs O(n² m) whatever p is (MODEL.md, "Structure the code can exploit"). Exact for every
 * optimiser whose update is a fixed linear combination of past gradients ({@code linearInGradients()}:
 * gradient descent, momentum, Nesterov, step-size schedules); others are refused.
 *
 * <p><b>Data</b>: drawn exactly as {@link DenseEngine} draws it, stream by stream and index by index, so dense
 * and span on the same seeds see the same points, labels, flips, a and W0:
 * <ol>
 *   <li>training set: {@link Dataset#generate} with {@code data} (labels and points, a substream per point) and
 *       {@code noise} (flips);</li>
 *   <li>second layer: {@link SecondLayer#draw} on {@code signs.generator()};</li>
 *   <li>first layer: W0_jk = ω · N(0, 1), row j from {@link ZigguratSampler.NormalizedGaussian} on
 *       {@code init.substream(j)} (no draw when ω = 0);</li>
 *   <li>test set: the draws of {@link Dataset#generate} on {@code test} (labels and points) and
 *       {@link RandomStreams#testFlips()} (the flips),
 *       streamed ({@link Dataset#generateStreamed}) in blocks, each block projected at once and dropped.
 *       A label-noise model that {@code needsFeatures()} gets the full test set instead (testSize·p
 *       doubles held during setup).</li>
 * </ol>
 * Each stream is used only by its own step, so the order of the steps (the test set after W0 here,
 * before it in the dense engine) does not change a number.
 *
 * <p><b>Setup</b> (once): with V = [X; W0] ((n+m) x p), V V^T gives K = X X^T, Z0 = X W0^T, G0 = W0 W0^T
 * and ||W0||_F^2 = tr G0; each test point x gives X x and W0 x, in testSize·(n+m)·p. Without the
 * spectral norm ({@link TrainingSetup#spectralNorm()} false) G0 is not needed (K and Z0 cost n·(n+m)·p instead of
 * (n+m)(n+m+1)/2·p) and ||W0||_F^2 is a sum of squares. V is one flat array, filled as the training points are drawn
 * (copied in point by point) and W0 drawn in place, followed by the test points T when they fit in one block
 * ({@link #blockRows}); the blocks of [X; W0; T] [X; W0; T]^T that these need (never T T^T) are
 * computed by {@link GramPipeline} in pieces fixed by the sizes, each as soon as its rows are drawn: with two or more
 * threads the products run beside the drawing. When the library threads itself ({@link Products#selfThreaded()})
 * there is no T, and K, Z0 (and G0) are one call after W0 is drawn. A test set of more than one block (or any
 * without T) is collected in blocks as it is drawn and projected a block at a time against [X; W0].
 * After setup no p-dimensional vector is kept.
 *
 * <p><b>Overlap</b>: with two or more threads the last of those blocks is projected on a thread of its own while
 * training starts; the test metrics of the steps recorded before it is done are computed when it is, on copies of
 * B taken at those steps ({@link TrainingLoop}). The products are split in the same fixed pieces on one thread as
 * on several, so the numbers are the same. A test set that fits in one block is in V, so it is projected before
 * training starts and the steps do not share the cores with it.
 *
 * <p><b>Step loop</b>: {@link TrainingLoop}, as for the dense engine (same stop rules, schedule,
 * divergence handling and metrics); the network is {@link SpanNetwork}: Z^T = Z0^T + B K (n²·m per step),
 * and the optimiser gets B and, as its gradient, C = -(1/n) A^T (m x n). At a recorded step the test set
 * costs testSize·n·m and the norms m²·n + m·n² + O(m³). Nothing in p inside the loop.
 *
 * <p><b>Memory</b> (8 bytes a double), see {@link #estimateMemoryBytes}. During setup: V flat ((n+m+t)·p, with the
 * t test points when they are in V; X's rows are not kept unless a noise model reads them or the data are given;
 * the Java kernels hold V^T during a block's projections); then the needed blocks of V V^T ((n+m+t)·(n+m)) and,
 * for a test set of more than one block, one block of test points (at most {@value #SETUP_BLOCK_DOUBLES}
 * doubles). Kept for
 * training: K, Z0, Z0^T, G0 (n² + 2·n·m + m²), X_test X^T and X_test W0^T (testSize·(n+m)), B, C, Z^T and
 * the evaluation buffers (O(n·m + m²)), and the optimiser's state (e.g. m·n for momentum). Example: n = 100,
 * m = 200, p = 20000, testSize = 20000: about 130 MB during setup, 50 MB afterwards.
 *
 * <p><b>Given data</b> ({@link TrainingSetup#given()}): the points are loaded instead of drawn (training flips on
 * {@code noise}, test flips on {@link RandomStreams#testFlips()}, μ unknown: {@link Dataset#given}), then as above.
 *
 * <p><b>Arrays</b> ({@link ArrayOutput}): X, labels, flips, μ, K, a, W0 and Z0 are handed to the sink during
 * setup (K and Z0 are the ones training uses); when the final arrays are asked for, X and W0 are kept through
 * training (n·p + m·p doubles more) for W = W0 + B X (m·n·p) at the final step, then B and Z.
 *
 * <p>Products run on the engine's {@link Products} backend, chosen once for the run: split over threads by fixed
 * index ranges ({@link JavaProducts}) or on the native BLAS as {@link NativeBlas} splits them (fixed by the sizes
 * and OpenBLAS's own thread count, never by ours): the results are bit-identical for every thread count. They agree with the dense engine's up to rounding. An
 * instance holds only its thread count and may be shared; each {@link #train} call creates and shuts down its
 * own pool.
 */
public final class SpanEngine extends ThreadedEngine {
    /** The engine's name, {@value}. */
    public static final String NAME = "span";

    /** Largest block of test points held during setup, in doubles (32 MiB). */
    static final int SETUP_BLOCK_DOUBLES = 1 << 22;


    /**
     * An engine on {@link Products#preferred()}.
     *
     * @param threads threads for the matrix products, &gt;= 1
     * @throws IllegalArgumentException if threads &lt; 1
     */
    public SpanEngine(int threads) {
        this(threads, Products.preferred());
    }

    /**
     * @param threads  threads for the matrix products, &gt;= 1
     * @param products the backend of its matrix products
     * @throws IllegalArgumentException if threads &lt; 1
     */
    public SpanEngine(int threads, Products products) {
        this(threads, products, false);
    }

    SpanEngine(int threads, Products products, boolean checked) {
        super(EngineKind.SPAN, threads, products, checked);
    }

    /**
     * Approximate peak heap use of one {@link #train} call (during setup), excluding the optimiser's state,
     * JVM overhead and a test set held whole for a noise model that needs the features.
     */
    public static long estimateMemoryBytes(TrainingSetup setup) {
        long n = setup.n();
        long p = setup.p();
        long m = setup.width();
        long block = Math.min((long) setup.testSize(), blockRows(setup.p())) * p;
        long doubles = 2 * (n + m) * p + block + (n + m + block / p) * (n + m) + SpanProblem.doubles(n, m, setup.testSize()) + 6 * m * n + 4 * m * m
                + (long) Math.min(DenseEngine.TEST_BLOCK, setup.testSize()) * m;
        return 8 * (doubles + LinearBaselines.workDoubles(setup, false));
    }

    @Override
    String alternative() {
        return "; use engine dense";
    }

    @Override
    TrainingResult run(TrainingSetup setup, Plugins plugins, RandomStreams streams, MetricsSink sink,
                       Consumer<double[]> finalCoefficients, ArraySaver saver) {
        try (ParallelNetworkOps ops = new ParallelNetworkOps(threads())) {
            SpanProblem problem = prepare(setup, plugins, streams, products(), ops, saver);
            SpanNetwork network = new SpanNetwork(problem, products(), ops);
            TrainingLoop.FinalStep last = finalStep(finalCoefficients, saver, saver::finalSpan);
            TrainingResult result = new TrainingLoop(setup, plugins, problem.train, problem.test, problem.a, network, ops,
                    sink, last).execute();
            return LinearBaselines.attach(result, setup, plugins, problem);
        }
    }

    /** Draws the data as documented and computes the inner products of the span representation. */
    static SpanProblem prepare(TrainingSetup setup, Plugins plugins, RandomStreams streams, Products products,
                               ParallelNetworkOps ops) {
        return prepare(setup, plugins, streams, products, ops, new ArraySaver(ArrayOutput.none(), EngineKind.SPAN, setup));
    }

    /**
     * Draws (or loads) the data as documented, computes the inner products of the span representation and
     * hands the data and init arrays to {@code saver} (and keeps X and W0 for the final W when asked).
     */
    static SpanProblem prepare(TrainingSetup setup, Plugins plugins, RandomStreams streams, Products products,
                               ParallelNetworkOps ops, ArraySaver saver) {
        int n = setup.n();
        int m = setup.width();
        int p = setup.p();
        int nm = n + m;
        GivenData.Points given = setup.dataGiven() ? loadGiven(setup) : null;
        double[][] k = new double[n][];
        double[][] z0 = new double[n][];
        double[][] g0 = setup.spectralNorm() ? new double[m][] : null; // only ||W||_2 needs G0 = W0 W0^T
        double w0NormSq = 0.0;
        Dataset train;
        double[] a;
        Projector projector;
        // V = [X; W0; T] as one flat array: the training points copied in as they are drawn (or loaded), W0
        // drawn in place (the same draws as DenseEngine.initialWeights), then the test points T when they fit in
        // one block; the needed blocks of S = V V^T give K, Z0, G0 and T's projections, their pieces computed by
        // GramPipeline as their rows are drawn (a larger test set: Projector, a block at a time, on [X; W0])
        GramPipeline pipeline = null;
        // a test set of one block goes into V (the same memory as a block of its own); a larger one is projected
        // a block at a time as it is drawn, without a block in V, so that no more than one block is held
        boolean testInV = !products.selfThreaded() && setup.testSize() <= blockRows(p);
        int testRows = testInV ? setup.testSize() : 0;
        double[] v = new double[Math.multiplyExact(nm + testRows, p)];
        double[] sFlat;
        int ld;
        Dataset test;
        try {
            if (!products.selfThreaded()) {
                pipeline = new GramPipeline(v, n, m, testRows, p, g0 != null, ops.threads(), products);
            }
            if (given != null) {
                train = Dataset.given(p, given.x(), given.labels(), plugins.noise(), streams.noise());
                NativeBlas.flatten(train.x, 0, n, p, v);
            } else if (plugins.noise().needsFeatures()) {
                train = Dataset.generate(n, p, setup.muNorm(), plugins.signal(), plugins.cluster(), plugins.noise(), streams.data(),
                        streams.noise());
                NativeBlas.flatten(train.x, 0, n, p, v);
            } else {
                train = Dataset.generateStreamed(n, p, setup.muNorm(), plugins.signal(), plugins.cluster(), plugins.noise(),
                        streams.data(), streams.noise(), new FlatRows(v, p, 0));
            }
            if (pipeline != null) {
                pipeline.rowsReady(n);
            }
            a = setup.secondLayer().draw(m, streams.signs().generator());
            GramPipeline rowsTo = pipeline;
            DenseEngine.initialWeights(m, p, setup.initScale(), streams.init(), v, n * p,
                    rowsTo == null ? null : rows -> rowsTo.rowsReady(n + rows));
            if (g0 == null) {
                w0NormSq = sumOfSquares(v, n * p, nm * p);
            }
            projector = new Projector(setup.testSize(), p, n, m, v, testInV ? pipeline : null, products, ops);
            if (given != null) {
                double[][] testX = given.testX();
                for (int i = 0; i < testX.length; i++) {
                    projector.accept(i, testX[i]);
                }
                test = Dataset.given(p, testX, given.testLabels(), plugins.noise(), streams.testFlips());
            } else if (plugins.noise().needsFeatures()) {
                test = Dataset.generate(setup.testSize(), p, setup.muNorm(), plugins.signal(), plugins.cluster(),
                        plugins.noise(), streams.test(), streams.testFlips());
                for (int i = 0; i < test.size(); i++) {
                    projector.accept(i, test.x[i]);
                }
            } else {
                test = Dataset.generateStreamed(setup.testSize(), p, setup.muNorm(), plugins.signal(), plugins.cluster(),
                        plugins.noise(), streams.test(), streams.testFlips(), projector);
            }
            if (pipeline != null) {
                sFlat = pipeline.finish();
                ld = pipeline.columns();
            } else if (g0 != null) { // the library threads itself: one call each
                sFlat = new double[nm * nm];
                products.gram(v, sFlat, nm, p, ops);
                ld = nm;
            } else {
                double[] xvt = new double[n * nm];
                products.multiplyTransB(v, v, xvt, n, nm, p, ops); // X V^T = [K, Z0]
                ld = n;
                sFlat = new double[nm * n];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(xvt, i * nm, sFlat, i * n, i + 1);
                    for (int j = 0; j < m; j++) {
                        sFlat[(n + j) * n + i] = xvt[i * nm + n + j];
                    }
                }
            }
        } finally {
            if (pipeline != null) {
                pipeline.close();
            }
        }
        fromLowerTriangle(sFlat, ld, n, m, k, z0, g0);
        projector.fromPipeline(sFlat, ld);
        FlatRows xRow = new FlatRows(v, p, 0);
        FlatRows w0Row = new FlatRows(v, p, n);
        saver.data(train, xRow, given != null ? Double.NaN : setup.muNorm(), k);
        saver.init(a, w0Row, z0);
        saver.keepForFinal(xRow, w0Row);
        if (g0 != null) {
            for (int j = 0; j < m; j++) {
                w0NormSq += g0[j][j];
            }
        }
        return new SpanProblem(train, test, a, k, z0, g0, w0NormSq, projector.testK, projector.testW0, projector.done);
    }

    /**
     * K, Z0 and (when g0 is not null) G0 from the lower triangle of S = V V^T, row-major with rows of length ld:
     * K and G0 made exactly symmetric, Z0_ij = S[n + j][i].
     */
    private static void fromLowerTriangle(double[] s, int ld, int n, int m, double[][] k, double[][] z0,
                                          double[][] g0) {
        for (int i = 0; i < n; i++) {
            k[i] = new double[n];
            z0[i] = new double[m];
            for (int j = 0; j <= i; j++) {
                k[i][j] = s[i * ld + j];
                k[j][i] = k[i][j];
            }
            for (int j = 0; j < m; j++) {
                z0[i][j] = s[(n + j) * ld + i];
            }
        }
        if (g0 != null) {
            for (int j = 0; j < m; j++) {
                g0[j] = new double[m];
            }
            for (int j = 0; j < m; j++) {
                for (int q = 0; q <= j; q++) {
                    g0[j][q] = s[(n + j) * ld + n + q];
                    g0[q][j] = g0[j][q];
                }
            }
        }
    }

    /** Σ x_k² over [from, to). */
    private static double sumOfSquares(double[] x, int from, int to) {
        double sum = 0.0;
        for (int q = from; q < to; q++) {
            sum += x[q] * x[q];
        }
        return sum;
    }

    /**
     * Rows {@code first}, {@code first + 1}, ... of a flat row-major array with rows of length p: written by
     * {@link #accept} (a {@link Dataset.PointSink}), read as copies by {@link #apply}. (A named class rather than
     * lambdas: each new lambda costs its first call a bootstrap, measurable in a cold run.)
     */
    private static final class FlatRows implements Dataset.PointSink, IntFunction<double[]> {
        private final double[] flat;
        private final int p;
        private final int first;

        FlatRows(double[] flat, int p, int first) {
            this.flat = flat;
            this.p = p;
            this.first = first;
        }

        @Override
        public void accept(int i, double[] x) {
            System.arraycopy(x, 0, flat, (first + i) * p, p);
        }

        @Override
        public double[] apply(int i) {
            int from = (first + i) * p;
            return Arrays.copyOfRange(flat, from, from + p);
        }
    }

    /** Test points per setup block: at most {@value #SETUP_BLOCK_DOUBLES} doubles, at most TEST_BLOCK points. */
    static int blockRows(int p) {
        return Math.max(1, Math.min(DenseEngine.TEST_BLOCK, SETUP_BLOCK_DOUBLES / p));
    }

    /**
     * Takes the test points: with a pipeline (a test set of one block), into V's rows n + m on, their projections
     * read from the pipeline's S by {@link #fromPipeline}; without, collected into blocks, X x and W0 x computed for
     * each block at once on {@code products} with V's first n + m rows.
     */
    private static final class Projector implements Dataset.PointSink {
        final double[][] testK;
        final double[][] testW0;
        /** The last block's projections running in the background (two or more threads), else null. */
        java.util.concurrent.Future<?> done;
        private final int size;
        private final int n;
        private final int nm;
        private final int p;
        private final double[] vFlat;
        /** Where the test points go when they are in V (with a pipeline), else null. */
        private final FlatRows inV;
        private final GramPipeline pipeline;
        private final Products products;
        private final ParallelNetworkOps ops;
        private final int rows;
        private double[] blockFlat;
        private double[] outFlat;

        /**
         * @param vFlat    V, flat row-major: [X; W0] written, then (with a pipeline) room for the test points
         * @param pipeline computes the test points' projections as pieces of V V^T, or null for blocks
         */
        Projector(int size, int p, int n, int m, double[] vFlat, GramPipeline pipeline, Products products,
                  ParallelNetworkOps ops) {
            this.size = size;
            this.n = n;
            this.nm = n + m;
            this.p = p;
            this.vFlat = vFlat;
            this.inV = pipeline == null ? null : new FlatRows(vFlat, p, nm);
            this.pipeline = pipeline;
            this.products = products;
            this.ops = ops;
            this.testK = new double[size][];
            this.testW0 = new double[size][];
            this.rows = Math.min(size, blockRows(p));
        }

        @Override
        public void accept(int i, double[] x) {
            if (inV != null) {
                inV.accept(i, x);
                pipeline.rowsReady(nm + i + 1);
                return;
            }
            if (blockFlat == null) {
                blockFlat = new double[rows * p];
                outFlat = new double[rows * nm];
            }
            int r = i % rows;
            System.arraycopy(x, 0, blockFlat, r * p, p);
            if (r == rows - 1 || i == size - 1) {
                int count = r + 1;
                int from = i - count + 1;
                if (i == size - 1 && ops.threads() > 1) {
                    // the last block on a thread of its own, one thread for its products (the same fixed pieces,
                    // so the same numbers), while training starts on the others
                    java.util.concurrent.ExecutorService single = java.util.concurrent.Executors.newSingleThreadExecutor(
                            task -> {
                                Thread t = new Thread(task, "benign-span-test-projections");
                                t.setDaemon(true);
                                return t;
                            });
                    try {
                        done = single.submit(() -> {
                            try (ParallelNetworkOps one = new ParallelNetworkOps(1)) {
                                project(count, from, one);
                            }
                        });
                    } finally {
                        single.shutdown(); // the thread ends with the task
                    }
                } else {
                    project(count, from, ops);
                }
            }
        }

        /** X x and W0 x of the points that went into V, from the rows n + m on of S (rows of length ld). */
        void fromPipeline(double[] s, int ld) {
            if (inV == null) {
                return;
            }
            for (int i = 0; i < size; i++) {
                int row = (nm + i) * ld;
                testK[i] = Arrays.copyOfRange(s, row, row + n);
                testW0[i] = Arrays.copyOfRange(s, row + n, row + nm);
            }
        }

        /** X x and W0 x for the {@code count} points of the current block, the first of which is point {@code from}. */
        private void project(int count, int from, ParallelNetworkOps threads) {
            products.multiplyTransB(blockFlat, vFlat, outFlat, count, nm, p, threads); // X_test V^T
            for (int q = 0; q < count; q++) {
                testK[from + q] = Arrays.copyOfRange(outFlat, q * nm, q * nm + n);
                testW0[from + q] = Arrays.copyOfRange(outFlat, q * nm + n, (q + 1) * nm);
            }
        }
    }
}
