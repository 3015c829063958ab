package org.benignlab.engine;

import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The dense engine: explicit X (n x p) and W (m x p), full-batch training with any optimiser
 * (ARCHITECTURE.md, "Engines"; paper, Section 2.2).
 *
 * <p><b>Setup</b> (each stream's generators are made from its seed only as listed, per index where it says so,
 * so the same seeds give the same numbers, the training data does not depend on the test size, and a larger n,
 * test size or width extends the smaller one's draws):
 * <ol>
 *   <li>training set: {@link Dataset#generate} with {@code data} for labels and points (one substream per
 *       point) and {@code noise} for the flips (μ = ||μ|| e_1, added after drawing);</li>
 *   <li>test set: {@link Dataset#generate} with {@code test} for labels and points and
 *       {@link RandomStreams#testFlips()} for the flips;</li>
 *   <li>second layer: {@link SecondLayer#draw} on {@code signs.generator()} (the paper's: for j = 0..m-1,
 *       a_j = {@code nextBoolean() ? +1/√m : -1/√m});</li>
 *   <li>first layer: W0_jk = ω · g_jk, row j from {@code init.substream(j)} (g_j1..g_jp from
 *       {@link ZigguratSampler.NormalizedGaussian}); no draw when ω = 0 (W0 = 0).</li>
 * </ol>
 *
 * <p><b>Step loop</b>: {@link TrainingLoop} (shared with the span and sketch engines: stop rules, schedule,
 * divergence handling and metric semantics are documented there). Per step the forward pass
 * Z^T = W X^T, then, unless a stop rule holds, the gradient ∇L̂(W) = C X with C = -(1/n) A^T, and the
 * optimiser updates the flat row-major W in place.
 *
 * <p><b>Cost per step</b>: two products of n·m·p multiply-adds (Z^T = W X^T and -(1/n) A^T X), plus
 * O(n·m) activation and loss evaluations and the optimiser's O(m·p). At a recorded step the test set
 * costs testSize·m·p more (in blocks of {@value #TEST_BLOCK} points), plus m²·p for
 * W W^T and k·m² for its largest eigenvalue (the spectral norm: Lanczos, k iterations, {@link EigenOps}; O(m³)
 * when it falls back to the full decomposition).
 * Products run on the engine's {@link Products} backend, chosen once for the run: the native BLAS as
 * {@link NativeBlas} splits them (fixed by the sizes) or the Java kernels split over threads by fixed index ranges
 * ({@link JavaProducts}, which transposes the right-hand factor of A B^T first: X at each step, W at a recorded
 * step); with either, the results are bit-identical for every thread count. The two differ in the last bits
 * (summation order).
 *
 * <p><b>Memory</b> (8 bytes a double), see {@link #estimateMemoryBytes}: X as rows and flat (2·n·p; the Java
 * kernels also hold X^T during a step's product), the test points (testSize·p), W, ∇L̂ and room for a
 * transposed or flat copy (4·m·p), W W^T (m²), small n·m and
 * {@value #TEST_BLOCK}·m buffers, and whatever the optimiser keeps (e.g. m·p for momentum). Example:
 * n = 100, p = 5000, m = 100, testSize = 5000 needs about 8 MB + 200 MB + 16 MB.
 *
 * <p><b>Given data</b> ({@link TrainingSetup#given()}): the points are loaded instead of drawn; the flips are
 * drawn on {@code noise} (training) and {@link RandomStreams#testFlips()} (test set) with unknown μ ({@link Dataset#given}); the
 * second layer and W0 as above.
 *
 * <p><b>Arrays</b> ({@link ArrayOutput}): X, labels, flips, μ, K = X X^T, a, W0 and Z0 = X W0^T are handed
 * to the sink before the first step (K and Z0 computed for it, n(n+1)/2·p + n·m·p), W and Z at the final step.
 *
 * <p>An instance holds only its thread count and may be shared; each {@link #train} call creates and
 * shuts down its own pool.
 */
public final class DenseEngine extends ThreadedEngine {
    /** The engine's name, {@value}. */
    public static final String NAME = "dense";

    /** Test points evaluated together (bounds the work buffer to TEST_BLOCK · m doubles). */
    public static final int TEST_BLOCK = 1024;


    /**
     * An engine on {@link Products#preferred()}.
     *
     * @param threads threads for the matrix products, &gt;= 1
     * @throws IllegalArgumentException if threads &lt; 1
     */
    public DenseEngine(int threads) {
        this(threads, Products.preferred());
    }

    /**
     * @param threads  threads for the matrix products, &gt;= 1
     * @param products the backend of its matrix products
     * @throws IllegalArgumentException if threads &lt; 1
     */
    public DenseEngine(int threads, Products products) {
        this(threads, products, false);
    }

    DenseEngine(int threads, Products products, boolean checked) {
        super(EngineKind.DENSE, threads, products, checked);
    }

    /**
     * Approximate heap use of one {@link #train} call, excluding the optimiser's state and JVM overhead.
     */
    public static long estimateMemoryBytes(TrainingSetup setup) {
        long n = setup.n();
        long p = setup.p();
        long m = setup.width();
        long doubles = 2 * n * p + (long) setup.testSize() * p + 4 * m * p + 3 * m * n + m * m
                + (long) Math.min(TEST_BLOCK, setup.testSize()) * m
                + (setup.records(Diagnostics.CHANGE) ? m * p : 0)          // a copy of W0
                + (setup.records(Diagnostics.GRADIENTS) ? n * n + m * n : 0); // K and a_k φ'(z_ik)
        return 8 * (doubles + LinearBaselines.workDoubles(setup, true));
    }

    @Override
    String alternative() {
        return "";
    }

    @Override
    TrainingResult run(TrainingSetup setup, Plugins plugins, RandomStreams streams, MetricsSink sink,
                       Consumer<double[]> finalWeights, ArraySaver saver) {
        Dataset train;
        Dataset test;
        if (setup.dataGiven()) {
            GivenData.Points given = loadGiven(setup);
            train = Dataset.given(setup.p(), given.x(), given.labels(), plugins.noise(), streams.noise());
            test = Dataset.given(setup.p(), given.testX(), given.testLabels(), plugins.noise(), streams.testFlips());
        } else {
            train = Dataset.generate(setup.n(), setup.p(), setup.muNorm(), plugins.signal(), plugins.cluster(), plugins.noise(),
                    streams.data(), streams.noise());
            test = Dataset.generate(setup.testSize(), setup.p(), setup.muNorm(), plugins.signal(), plugins.cluster(),
                    plugins.noise(), streams.test(), streams.testFlips());
        }
        double[] a = setup.secondLayer().draw(setup.width(), streams.signs().generator());
        double[] w = initialWeights(setup.width(), setup.p(), setup.initScale(), streams.init());
        int m = setup.width();
        int p = setup.p();
        try (ParallelNetworkOps ops = new ParallelNetworkOps(threads())) {
            if (saver.wants(ArrayGroup.DATA) || saver.wants(ArrayGroup.INIT)) {
                double[][][] kz = ArraySaver.gram(train.x, w, m, p, ops);
                saver.data(train, i -> train.x[i], setup.dataGiven() ? Double.NaN : setup.muNorm(), kz[0]);
                double[] row = new double[p];
                saver.init(a, j -> {
                    System.arraycopy(w, j * p, row, 0, p);
                    return row;
                }, kz[1]);
            }
            DenseNetwork network = new DenseNetwork(products(), ops, train, test, w, m, p, setup.records(Diagnostics.CHANGE));
            TrainingLoop.FinalStep last = finalStep(finalWeights, saver, saver::finalDense);
            TrainingResult result = new TrainingLoop(setup, plugins, train, test, a, network, ops, sink, last).execute();
            if (setup.baselines().isEmpty()) {
                return result;
            }
            double[][] k = network.trainGram();
            double[][] testK = LinearBaselines.projections(test.x, train.x, p, ops);
            return LinearBaselines.attach(result, setup, plugins, k, train, testK, test);
        }
    }

    /**
     * W0_jk = ω g_jk, row-major; row j's standard normals from the Ziggurat sampler on {@code init.substream(j)};
     * zeros without draws if ω = 0.
     */
    static double[] initialWeights(int m, int p, double omega, StreamSeed rng) {
        double[] w = new double[Math.multiplyExact(m, p)];
        initialWeights(m, p, omega, rng, w, 0);
        return w;
    }

    /**
     * The same numbers as {@link #initialWeights(int, int, double, StreamSeed)}, written into
     * {@code out} from {@code offset} on (entries offset .. offset + m·p - 1 overwritten; zeros when ω = 0).
     */
    static void initialWeights(int m, int p, double omega, StreamSeed rng, double[] out, int offset) {
        initialWeights(m, p, omega, rng, out, offset, null);
    }

    /**
     * {@link #initialWeights(int, int, double, StreamSeed, double[], int)}, telling {@code rowsDone}
     * (when not null) after each row how many rows are written (the span engine's setup products start on them).
     */
    static void initialWeights(int m, int p, double omega, StreamSeed rng, double[] out, int offset,
                               java.util.function.IntConsumer rowsDone) {
        int size = Math.multiplyExact(m, p);
        if (omega == 0) {
            java.util.Arrays.fill(out, offset, offset + size, 0.0);
            if (rowsDone != null) {
                rowsDone.accept(m);
            }
            return;
        }
        for (int j = 0; j < m; j++) {
            drawRow(ZigguratSampler.NormalizedGaussian.of(rng.substream(j)), omega, out, offset + j * p,
                    offset + (j + 1) * p);
            if (rowsDone != null) {
                rowsDone.accept(j + 1);
            }
        }
    }

    /**
     * out[k] = ω · N(0, 1) for k in [from, to). A method of its own so that the hot loop keeps its compiled code
     * when the loop around it meets a callback for the first time (the span engine after the dense one).
     */
    private static void drawRow(NormalizedGaussianSampler gauss, double omega, double[] out, int from, int to) {
        for (int k = from; k < to; k++) {
            out[k] = omega * gauss.sample();
        }
    }

    /** The same numbers as {@link #initialWeights} (same draws, same order), as m rows of length p. */
    static double[][] initialWeightRows(int m, int p, double omega, StreamSeed rng) {
        double[][] w = new double[m][p];
        if (omega == 0) {
            return w;
        }
        for (int j = 0; j < m; j++) {
            double[] row = w[j];
            NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng.substream(j));
            for (int k = 0; k < p; k++) {
                row[k] = omega * gauss.sample();
            }
        }
        return w;
    }

    /**
     * W as an explicit array. The large products (Z^T = W X^T, the gradient C X, the test set's X_test W^T
     * and W W^T) run on the engine's {@link Products}; the numbers do not depend on the thread count.
     */
    private static final class DenseNetwork implements TrainingLoop.Network {
        private final Products products;
        private final ParallelNetworkOps ops;
        private final Dataset train;
        private final Dataset test;
        private final double[] w;
        private final int n;
        private final int m;
        private final int p;
        private final double[] grad;
        // X and Z^T flat
        private final double[] xFlat;
        private final double[] ztFlat;
        // evaluation buffers (allocated at the first recorded step)
        private double[][] gram;
        private double[] blockFlat;
        private double[] zFlat;
        private double[] gramFlat;
        // diagnostics: W0 (kept only for relative_change), ||W0||_F, K = X X^T (computed at first use)
        private final double[] w0;
        private final double initNorm;
        private double[][] trainGram;

        DenseNetwork(Products products, ParallelNetworkOps ops, Dataset train, Dataset test, double[] w, int m, int p,
                     boolean keepInit) {
            this.products = products;
            this.w0 = keepInit ? w.clone() : null;
            this.initNorm = NetworkOps.frobeniusNorm(w);
            this.ops = ops;
            this.train = train;
            this.test = test;
            this.w = w;
            this.n = train.size();
            this.m = m;
            this.p = p;
            this.grad = new double[m * p];
            this.xFlat = NativeBlas.flatten(train.x, 0, n, p, null);
            this.ztFlat = new double[m * n];
        }

        @Override
        public double[] parameters() {
            return w;
        }

        @Override
        public double[] trainingPreActivationsT() {
            products.multiplyTransB(w, xFlat, ztFlat, m, n, p, ops);
            return ztFlat;
        }

        @Override
        public double[] gradient(double[] ct) {
            products.multiply(ct, xFlat, grad, m, n, p, ops);
            return grad;
        }

        @Override
        public void prepareEvaluation() {
            if (gram == null) {
                gram = new double[m][m];
            }
        }

        /** Always at the current W (the dense engine's test metrics never wait: {@code params} is W itself). */
        @Override
        public void testPreActivations(double[] params, int from, int rows, double[][] z) {
            if (params != w) {
                throw new IllegalArgumentException("dense test pre-activations are computed at the current W only");
            }
            blockFlat = NativeBlas.flatten(test.x, from, rows, p, blockFlat);
            if (zFlat == null || zFlat.length < rows * m) {
                zFlat = new double[rows * m];
            }
            products.multiplyTransB(blockFlat, w, zFlat, rows, m, p, ops);
            NativeBlas.unflatten(zFlat, z, rows, m);
        }

        @Override
        public double[] weightNorms(boolean spectral) {
            if (!spectral) {
                return new double[] {NetworkOps.frobeniusNorm(w), Double.NaN};
            }
            if (gramFlat == null) {
                gramFlat = new double[m * m];
            }
            products.multiplyTransB(w, w, gramFlat, m, m, p, ops);
            for (int j = 0; j < m; j++) { // native row blocks need not give bit-symmetric entries
                for (int k = 0; k <= j; k++) {
                    double upper = gramFlat[k * m + j];
                    double lower = gramFlat[j * m + k];
                    double v = upper == lower ? lower : 0.5 * (lower + upper);
                    gram[j][k] = v;
                    gram[k][j] = v;
                }
            }
            double norm2 = NetworkOps.spectralNorm(gram);
            if (!Double.isFinite(norm2)) { // W W^T overflowed: +∞, or NaN where ∞ − ∞ met in a sum
                norm2 = scaledSpectralNorm();
            }
            return new double[] {NetworkOps.frobeniusNorm(w), norm2};
        }

        /**
         * ||W||_2 when W W^T overflowed (entries of W beyond about 1e154; its eigenvalue is then +∞ or NaN): 2^k ||W / 2^k||_2 with 2^k about max |w|,
         * from the Gram matrix of the scaled copy (serial, m²·p; on this rare path only), so finite weights get a
         * finite spectral norm. NaN for a NaN entry, +∞ for an infinite one.
         */
        private double scaledSpectralNorm() {
            double max = NetworkOps.maxAbs(w);
            if (!Double.isFinite(max)) {
                return max;
            }
            int k = Math.getExponent(max);
            double[][] scaledGram = new double[m][m];
            for (int j = 0; j < m; j++) {
                for (int l = 0; l <= j; l++) {
                    double v = 0.0;
                    for (int c = 0; c < p; c++) {
                        v += Math.scalb(w[j * p + c], -k) * Math.scalb(w[l * p + c], -k);
                    }
                    scaledGram[j][l] = v;
                    scaledGram[l][j] = v;
                }
            }
            return Math.scalb(NetworkOps.spectralNorm(scaledGram), k);
        }

        @Override
        public double changeFromInit() {
            if (w0 == null) {
                return Double.NaN;
            }
            double sum = 0.0;
            for (int k = 0; k < w.length; k++) {
                double dk = w[k] - w0[k];
                sum += dk * dk;
            }
            if (Double.isFinite(sum)) {
                return Math.sqrt(sum);
            }
            double[] diff = new double[w.length]; // overflowed: the scaled norm of W - W0, as for ||W||_F
            for (int k = 0; k < w.length; k++) {
                diff[k] = w[k] - w0[k];
            }
            return NetworkOps.frobeniusNorm(diff);
        }

        @Override
        public double initNorm() {
            return initNorm;
        }

        @Override
        public double[][] trainGram() {
            if (trainGram == null) {
                trainGram = new double[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        double[] xi = train.x[i];
                        double[] xj = train.x[j];
                        double v = 0.0;
                        for (int c = 0; c < p; c++) {
                            v += xi[c] * xj[c];
                        }
                        trainGram[i][j] = v;
                        trainGram[j][i] = v;
                    }
                }
            }
            return trainGram;
        }
    }
}
