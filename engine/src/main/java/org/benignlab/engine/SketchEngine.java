package org.benignlab.engine;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.benignlab.api.SignalModel;

/**
 * The Gaussian sketch (MODEL.md, "Appendix: the Gaussian sketch, exactly"): for isotropic Gaussian clusters
 * z ~ N(0, I_p), W0 = ω · N(0, 1) and μ = ||μ|| e_1, the joint Gram matrix of {z_1..z_n, w_1..w_m, μ} and
 * every test point's projections are drawn exactly, without any p-dimensional vector, and training runs
 * the span step loop ({@link SpanNetwork}, W = W0 + B X). Work is O(N³ + steps·n²·m + testSize·N²) with
 * N = n + m, independent of p: p = 10^9 costs what p = 10^3 does. Equal to the explicit engines in
 * distribution, not draw for draw.
 *
 * <p><b>The draw</b>, with g_1..g_N ~ N(0, I_p) the underlying vectors (z_i = g_i, w_j = ω g_{n+j}):
 * c_k = first coordinate of g_k; L lower triangular with G' = L L^T ~ Wishart_N(p - 1, I) (Bartlett:
 * L_kk² ~ χ²_{p-k} for k = 1..N, L_kl ~ N(0, 1) for k &gt; l); G = c c^T + L L^T is the Gram matrix of the
 * g's. With s_i = ||μ|| c_i and u_j = ω ||μ|| c_{n+j}:
 * <pre>
 *   K_ij = G_ij + ỹ_j s_i + ỹ_i s_j + ỹ_i ỹ_j ||μ||²      Z0_ij = ω G_{i,n+j} + ỹ_i u_j
 *   G0_jk = ω² G_{n+j,n+k}    ||W0||_F² = ω² Σ_j G_{n+j,n+j}    &lt;x_i, μ&gt; = s_i + ỹ_i ||μ||²
 * </pre>
 * A test point x = z + ỹ μ: (z_1, &lt;z, g_1&gt;, ..., &lt;z, g_N&gt;) ~ N(0, [[1, c^T], [c, G]]) (this is
 * Σ* = [[G, c], [c^T, 1]] with z_1 ordered first). Its Cholesky factor is exactly [[1, 0], [c, L]] (lower
 * triangular with a positive diagonal, and [[1, 0], [c, L]] [[1, 0], [c, L]]^T = [[1, c^T], [c, G]]), so it
 * is known without a numerical factorisation and without jitter: z_1 = u_0 and r = c u_0 + L (u_1..u_N)
 * with u ~ N(0, I_{N+1}). Then
 * <pre>
 *   &lt;x, x_i&gt; = r_i + ỹ_i ||μ|| z_1 + ỹ s_i + ỹ ỹ_i ||μ||²    &lt;x, w_j&gt; = ω r_{n+j} + ỹ u_j
 *   &lt;x, μ&gt; = ||μ|| z_1 + ỹ ||μ||²
 * </pre>
 *
 * <p><b>Several means</b> (MODEL.md, "Several orthogonal means"): for a {@link SignalModel} whose means use k axes,
 * the first k coordinates of every g_l are drawn, c^(a) ~ N(0, I_N) for a = 1..k, the rest as
 * Wishart_N(p − k, I) (L_kk² ~ χ²_{p−k+1−k'} for row k'), G = Σ_a c^(a) c^(a)^T + L L^T, and a point with mean
 * m_i = ||μ|| β_i (β_i its cluster's mean) has, with s_ia = ||μ|| c^(a)_i and u_ja = ω ||μ|| c^(a)_{n+j},
 * K_ij = G_ij + Σ_a (β_ja s_ia + β_ia s_ja) + ||μ||² β_i·β_j and Z0_ij = ω G_{i,n+j} + Σ_a β_ia u_ja. A test point's
 * (z_1..z_k, &lt;z, g_1&gt;, ..., &lt;z, g_N&gt;) is F u with F = [[I_k, 0], [C, L]] and u ~ N(0, I_{N+k}). The means
 * need not be orthogonal: β holds their coordinates in an orthonormal basis of their span. One mean is k = 1,
 * β_i = ỹ_i, and gives the numbers below bit for bit.
 *
 * <p><b>Draw order</b> (fixed; the draws do not depend on ω or ||μ||, which are applied after drawing; the Gram
 * draw depends on n and m as a whole and does not nest; {@code init} is not used):
 * <ol>
 *   <li>{@code data.generator()}: ỹ_i = {@code nextBoolean() ? +1 : -1} for i = 1..n (the clusters: {@code
 *       signal.draw}); then c_1..c_N (standard normals, then c^(2), ..., c^(k) likewise;
 *       {@link ZigguratSampler.NormalizedGaussian}); then L row by row, k = 1..N: L_k1..L_k,k-1 (standard
 *       normals, same sampler), then L_kk = sqrt(χ²_{p-k}) with χ²_ν = Gamma(ν/2, scale 2) from
 *       {@link AhrensDieterMarsagliaTsangGammaSampler} on {@code data} (O(1) expected time whatever ν).</li>
 *   <li>{@code noise}: the uniforms and one {@code flips} call as in {@link Dataset#fromProjections}.</li>
 *   <li>{@code signs}: {@link SecondLayer#draw} on {@code signs.generator()} (as in the dense engine).</li>
 *   <li>{@code test.generator()}: per test point, ỹ = {@code nextBoolean() ? +1 : -1} (its cluster) then u_0..u_N
 *       (u_0..u_{N+k-1} for k means; standard
 *       normals, one {@link ZigguratSampler.NormalizedGaussian} for the whole test set); then the flips as in
 *       {@link Dataset#fromProjections} on {@link RandomStreams#testFlips()}.</li>
 * </ol>
 *
 * <p><b>Requirements</b> ({@link Engines#unsupported}): the cluster distribution is isotropic Gaussian, the
 * label noise does not read feature vectors, the optimiser is linear in past gradients, and
 * p - k &gt;= n + m (the Bartlett decomposition needs p - k degrees of freedom for N vectors; k = 1 for one mean).
 *
 * <p><b>Cost</b>: setup O(N³) (G = c c^T + L L^T = F' F'^T with F' = [c, L], the lower triangle of one Gram product
 * on the engine's {@link Products}, {@link Products#lowerGram}: about N³/6 multiply-adds on the native BLAS, which
 * skips the zeros of the triangular F') plus O(N²) per test point (one triangular product U F^T per block of test
 * points, {@link Products#multiplyTransLower}, F = [[1, 0], [c, L]]: about N²/2 multiply-adds a point on the native
 * BLAS; the same numbers as point by point up to rounding); the assembly of K, Z0 and the test projections from G
 * and the coordinates is split over the engine's threads by rows (each entry's additions in the documented order,
 * whatever the thread count); per step n²·m; per recorded step
 * testSize·n·m plus m²·n + m·n² + O(m³) for the norms (as the span engine). <b>Memory</b> (doubles), see
 * {@link #estimateMemoryBytes}: c, L, F and G (and a copy F' on the Java kernels: at most about 4.5·N² during
 * setup), then the span problem (n² + 2·n·m + m² + testSize·(n + m)) and the loop's O(n·m + m²) buffers: nothing
 * depends on p.
 *
 * <p><b>Arrays</b> ({@link ArrayOutput}): no X, W0, W or μ exist; the sink gets the labels, flips, K and
 * Z0 (as drawn), a, and at the final step B and Z = Z0 + K B^T.
 *
 * <p>Products run on the engine's {@link Products} backend, chosen once for the run: split over threads by fixed
 * index ranges ({@link JavaProducts}) or on the native BLAS as {@link NativeBlas} splits them (fixed by the
 * sizes); the results are bit-identical for every thread count.
 * An instance holds only its thread count and may be shared.
 */
public final class SketchEngine extends ThreadedEngine {
    /** The engine's name, {@value}. */
    public static final String NAME = "sketch";


    /**
     * An engine on {@link Products#preferred()}.
     *
     * @param threads threads for the matrix products, &gt;= 1
     * @throws IllegalArgumentException if threads &lt; 1
     */
    public SketchEngine(int threads) {
        this(threads, Products.preferred());
    }

    /**
     * @param threads  threads for the matrix products, &gt;= 1
     * @param products the backend of its matrix products
     * @throws IllegalArgumentException if threads &lt; 1
     */
    public SketchEngine(int threads, Products products) {
        this(threads, products, false);
    }

    SketchEngine(int threads, Products products, boolean checked) {
        super(EngineKind.SKETCH, threads, products, checked);
    }

    /** Approximate peak heap use of one {@link #train} call (independent of p), excluding the optimiser's state. */
    public static long estimateMemoryBytes(TrainingSetup setup) {
        long n = setup.n();
        long m = setup.width();
        long nn = n + m;
        long doubles = nn * (nn + 1) / 2 + 4 * nn * nn + 4 * nn + SpanProblem.doubles(n, m, setup.testSize())
                + 6 * m * n + 4 * m * m + (long) Math.min(DenseEngine.TEST_BLOCK, setup.testSize()) * m;
        return 8 * (doubles + LinearBaselines.workDoubles(setup, false));
    }

    @Override
    String alternative() {
        return "; use engine span or dense";
    }

    @Override
    TrainingResult run(TrainingSetup setup, Plugins plugins, RandomStreams streams, MetricsSink sink,
                       Consumer<double[]> finalCoefficients, ArraySaver saver) {
        try (ParallelNetworkOps ops = new ParallelNetworkOps(threads())) {
            SpanProblem problem = sample(setup, plugins, streams, products(), ops).problem();
            saver.data(problem.train, null, Double.NaN, problem.k);
            saver.init(problem.a, null, problem.z0);
            SpanNetwork network = new SpanNetwork(problem, products(), ops);
            TrainingLoop.FinalStep last = finalStep(finalCoefficients, saver, saver::finalSpan);
            TrainingResult result = new TrainingLoop(setup, plugins, problem.train, problem.test, problem.a, network, ops,
                    sink, last).execute();
            return LinearBaselines.attach(result, setup, plugins, problem);
        }
    }

    /** One draw of the sketch. */
    static final class Draw {
        private final double[][] cs;
        private final double[] factor;
        private final double[] gLower;
        private final SpanProblem problem;
        private double[][] l;

        /**
         * @param cs      the first k coordinates of the g's: cs[a][l] = coordinate a + 1 of g_l, k x N
         * @param factor  F = [[I_k, 0], [C, L]] with C = [c^(1), ..., c^(k)] (N x k), (N + k) x (N + k) lower
         *                triangular, flat row-major (zeros above the diagonal): the Cholesky factor of the covariance
         *                [[I_k, C^T], [C, G]] of a test point's (z_1..z_k, &lt;z, g_1&gt;, ..., &lt;z, g_N&gt;)
         * @param gLower  the lower triangle of G = Σ_a c^(a) c^(a)^T + L L^T (N x N, row-major: G_ij for i &gt;= j at
         *                gLower[i·N + j]; the entries above the diagonal are not set)
         * @param problem the span problem (K, Z0, G0, ||W0||², test projections, labels)
         */
        Draw(double[][] cs, double[] factor, double[] gLower, SpanProblem problem) {
            this.cs = cs;
            this.factor = factor;
            this.gLower = gLower;
            this.problem = problem;
        }

        double[][] cs() {
            return cs;
        }

        SpanProblem problem() {
            return problem;
        }

        /** c = c^(1), the first coordinates (the one-mean sketch's c). */
        double[] c() {
            return cs[0];
        }

        /** The Bartlett factor L as rows, row k of length k + 1 (copied out of F once). */
        double[][] l() {
            if (l == null) {
                int dim = cs.length;
                int nn = cs[0].length;
                int width = nn + dim;
                double[][] rows = new double[nn][];
                for (int k = 0; k < nn; k++) {
                    int from = (dim + k) * width + dim;
                    rows[k] = java.util.Arrays.copyOfRange(factor, from, from + k + 1);
                }
                l = rows;
            }
            return l;
        }

        /** G as rows, exactly symmetric (made from the lower triangle). */
        double[][] g() {
            int nn = cs[0].length;
            double[][] g = new double[nn][nn];
            for (int i = 0; i < nn; i++) {
                for (int j = 0; j <= i; j++) {
                    g[i][j] = gLower[i * nn + j];
                    g[j][i] = g[i][j];
                }
            }
            return g;
        }
    }

    /**
     * Draws everything in the documented order (the plugins are not checked here), on one thread, on
     * {@link Products#preferred()}.
     */
    static Draw sample(TrainingSetup setup, Plugins plugins, RandomStreams streams) {
        try (ParallelNetworkOps ops = new ParallelNetworkOps(1)) {
            return sample(setup, plugins, streams, Products.preferred(), ops);
        }
    }

    /**
     * Draws everything in the documented order (the plugins are not checked here). The test points' coordinates
     * [[I_k, 0], [C, L]] u are computed for blocks of {@value DenseEngine#TEST_BLOCK} points at once (one product
     * U F^T on {@code products} and {@code ops}; the same numbers for every thread count); for one mean they agree
     * with the point by point {@link #testCoordinates} to rounding (on the Java kernels exactly).
     */
    static Draw sample(TrainingSetup setup, Plugins plugins, RandomStreams streams, Products products,
                       ParallelNetworkOps ops) {
        int n = setup.n();
        int m = setup.width();
        int nn = n + m;
        long p = setup.p();
        double mu = setup.muNorm();
        double omega = setup.initScale();
        SignalModel signal = plugins.signal();
        List<SignalModel.Cluster> clusters = signal.clusters();
        int dim = signal.dimension();
        if (p - dim < nn) {
            throw new IllegalArgumentException("sketch: p - " + dim + " = " + (p - dim) + " < n + m = " + nn);
        }

        // 1. data stream: clusters (labels), c^(1..k), L, and (4.) the test stream's draws of its first block of
        // points, on two threads at once: independent streams, each drawn in its documented order
        UniformRandomProvider data = streams.data().generator();
        int kinds = clusters.size();
        double[] clean = new double[n];
        int[] kind = new int[n];
        double[][] cs = new double[dim][nn];
        int width = nn + dim;
        double[] factor = new double[width * width]; // F = [[I_k, 0], [C, L]], L drawn straight into its rows
        int size = setup.testSize();
        int rows = Math.min(size, DenseEngine.TEST_BLOCK);
        UniformRandomProvider testRng = streams.test().generator();
        NormalizedGaussianSampler testGauss = ZigguratSampler.NormalizedGaussian.of(testRng);
        double[] testClean = new double[size];
        double[] coords = new double[rows * width]; // a block's draws u, then (in place) its coordinates F u
        int[] testKind = new int[rows];
        ops.forEachBlock(2, new IntConsumer() { // no lambda: ParallelNetworkOps
            @Override
            public void accept(int part) {
                if (part == 0) {
                    drawTraining(signal, clusters, data, kind, clean, cs, factor, width, p);
                } else {
                    drawTestBlock(signal, clusters, testRng, testGauss, coords, testKind, testClean, 0, rows, width);
                }
            }
        });
        double[] gLower = new double[nn * nn];
        products.lowerGram(factor, dim * width, gLower, nn, width, dim, ops);

        // the means' coordinates: β of point i at beta[i·k + a]; ||μ|| β and ||μ||² β_c·β_c' per pair of clusters
        double mu2 = mu * mu;
        double[] beta = new double[n * dim];
        double[] betaMu = new double[n * dim];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < dim; a++) {
                beta[i * dim + a] = clusters.get(kind[i]).mean(a);
                betaMu[i * dim + a] = beta[i * dim + a] * mu;
            }
        }
        double[] pairMu2 = new double[kinds * kinds]; // dot(β_c, β_c') ||μ||², the same number as for each point pair
        for (int c = 0; c < kinds; c++) {
            for (int d = 0; d < kinds; d++) {
                pairMu2[c * kinds + d] = dot(clusters.get(c).mean(), clusters.get(d).mean()) * mu2;
            }
        }
        // training quantities: s_ia = ||μ|| c^(a)_i = <z_i, ||μ|| e_a>, u_ja = ω ||μ|| c^(a)_{n+j} = <w_j, ||μ|| e_a>
        double[] s = new double[n * dim];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < dim; a++) {
                s[i * dim + a] = mu * cs[a][i];
            }
        }
        double[] u = new double[m * dim];
        for (int j = 0; j < m; j++) {
            for (int a = 0; a < dim; a++) {
                u[j * dim + a] = omega * mu * cs[a][n + j];
            }
        }
        double[][] k = trainGram(gLower, nn, n, dim, beta, s, kind, kinds, pairMu2, ops);
        double[] proj = new double[n];
        for (int i = 0; i < n; i++) {
            // ỹ_i <x_i, m_i>; one mean: s_i + ỹ_i ||μ||²
            double along = beta[i * dim] * s[i * dim];
            for (int a = 1; a < dim; a++) {
                along += beta[i * dim + a] * s[i * dim + a];
            }
            proj[i] = clean[i] * (along + pairMu2[kind[i] * kinds + kind[i]]);
        }
        double[][] z0 = initialPreActivations(gLower, nn, n, m, dim, beta, u, omega, ops);
        double omega2 = omega * omega;
        double[][] g0 = new double[m][m];
        double w0NormSq = 0.0;
        for (int j = 0; j < m; j++) {
            for (int q = 0; q <= j; q++) {
                g0[j][q] = omega2 * gLower[(n + j) * nn + n + q];
                g0[q][j] = g0[j][q];
            }
            w0NormSq += g0[j][j];
        }

        // 2. noise stream, 3. signs stream
        Dataset train = Dataset.fromProjections(setup.p(), mu, clean, proj, plugins.noise(), streams.noise());
        double[] a = setup.secondLayer().draw(m, streams.signs().generator());

        // 4. test stream (the first block drawn above): the products [[I_k, 0], [C, L]] u for a block of points at once
        double[] testProj = new double[size];
        double[][] testK = new double[size][n];
        double[][] testW0 = new double[size][m];
        if (size > 0) {
            for (int from = 0; from < size; from += rows) {
                int count = Math.min(rows, size - from);
                if (from > 0) {
                    drawTestBlock(signal, clusters, testRng, testGauss, coords, testKind, testClean, from, count,
                            width);
                }
                products.multiplyTransLower(coords, factor, coords, count, width, ops); // U F^T, in place
                testPoints(coords, count, width, dim, clusters, testKind, testClean, from, n, m, kinds, kind, betaMu,
                        s, u, pairMu2, mu, omega, testK, testW0, testProj, ops);
            }
        }
        Dataset test = Dataset.fromProjections(setup.p(), mu, testClean, testProj, plugins.noise(),
                streams.testFlips());
        return new Draw(cs, factor, gLower, new SpanProblem(train, test, a, k, z0, g0, w0NormSq, testK, testW0));
    }

    /**
     * The data stream's draws in their documented order: the clusters (kind, clean), c^(1..k) (cs, and F's first k
     * columns), then L row by row into F (F's first k rows get the identity).
     */
    private static void drawTraining(SignalModel signal, List<SignalModel.Cluster> clusters, UniformRandomProvider data,
                                     int[] kind, double[] clean, double[][] cs, double[] factor, int width, long p) {
        int dim = cs.length;
        int nn = cs.length == 0 ? 0 : cs[0].length;
        for (int i = 0; i < kind.length; i++) {
            kind[i] = signal.draw(data);
            clean[i] = clusters.get(kind[i]).label();
        }
        NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(data);
        for (int a = 0; a < dim; a++) {
            normals(gauss, cs[a], 0, nn);
        }
        for (int a = 0; a < dim; a++) {
            factor[a * width + a] = 1.0;
            for (int k = 0; k < nn; k++) {
                factor[(dim + k) * width + a] = cs[a][k];
            }
        }
        bartlett(nn, p - dim, gauss, data, factor, width, dim);
    }

    /**
     * The test stream's draws for the points from, ..., from + count - 1, point by point: its cluster (testKind[r],
     * testClean), then its width standard normals into coords[r·width ..].
     */
    private static void drawTestBlock(SignalModel signal, List<SignalModel.Cluster> clusters, UniformRandomProvider rng,
                                      NormalizedGaussianSampler gauss, double[] coords, int[] testKind,
                                      double[] testClean, int from, int count, int width) {
        for (int r = 0; r < count; r++) {
            testKind[r] = signal.draw(rng);
            testClean[from + r] = clusters.get(testKind[r]).label();
            normals(gauss, coords, r * width, (r + 1) * width);
        }
    }

    private static double dot(double[] x, double[] y) {
        double sum = x[0] * y[0];
        for (int a = 1; a < x.length; a++) {
            sum += x[a] * y[a];
        }
        return sum;
    }

    /**
     * out[from..to) = successive draws of {@code gauss}. One small method for every run of normals of the draw, so
     * that the JIT compiles the sampler once, early and cheaply, rather than inside each large loop that draws.
     */
    private static void normals(NormalizedGaussianSampler gauss, double[] out, int from, int to) {
        for (int q = from; q < to; q++) {
            out[q] = gauss.sample();
        }
    }

    /**
     * The Bartlett factor L of Wishart_N(dof, I), drawn row by row (k = 1..N: L_k1..L_k,k-1 from {@code gauss}, then
     * L_kk = sqrt(χ²_{dof+1-k}) from {@code data}) into rows k..k+N-1, columns k.. of F (rows of length width).
     */
    private static void bartlett(int nn, long dof, NormalizedGaussianSampler gauss, UniformRandomProvider data,
                                 double[] f, int width, int dim) {
        for (int k = 0; k < nn; k++) {
            int row = (dim + k) * width + dim;
            normals(gauss, f, row, row + k);
            long rowDof = dof - k; // χ²_{p-k'+1-k} for the 1-based row index k + 1 (one mean: χ²_{p-k})
            f[row + k] = Math.sqrt(AhrensDieterMarsagliaTsangGammaSampler.of(data, rowDof / 2.0, 2.0).sample());
        }
    }

    /**
     * K_ij = G_ij + Σ_a β_ja s_ia + Σ_a β_ia s_ja + ||μ||² β_i·β_j for i &lt;= j, in that order of additions, made
     * exactly symmetric. Row j of the lower triangle at a time, term by term over the whole row (simple loops,
     * which the JIT compiles quickly); each entry gets the same additions in the same order as entry by entry.
     */
    private static double[][] trainGram(double[] gLower, int nn, int n, int dim, double[] beta, double[] s, int[] kind,
                                        int kinds, double[] pairMu2, ParallelNetworkOps ops) {
        double[][] k = new double[n][n];
        int blocks = rowBlocks(n);
        ops.forEachBlock(blocks, new IntConsumer() { // no lambda: ParallelNetworkOps
            @Override
            public void accept(int b) {
                trainGramRows(k, gLower, nn, rowBound(n, blocks, b), rowBound(n, blocks, b + 1), dim, beta, s, kind,
                        kinds, pairMu2);
            }
        });
        return k;
    }

    /** Rows [j0, j1) of {@link #trainGram}'s lower triangle, and their mirror images above the diagonal. */
    private static void trainGramRows(double[][] k, double[] gLower, int nn, int j0, int j1, int dim, double[] beta,
                                      double[] s, int[] kind, int kinds, double[] pairMu2) {
        if (dim == 1) { // one mean: the same additions in one loop, less for the JIT to compile in a cold run
            for (int j = j0; j < j1; j++) {
                double[] kj = k[j];
                int gRow = j * nn;
                double bj = beta[j];
                double sj = s[j];
                int pairs = kind[j];
                for (int i = 0; i <= j; i++) {
                    kj[i] = gLower[gRow + i] + bj * s[i] + beta[i] * sj + pairMu2[kind[i] * kinds + pairs];
                }
                for (int i = 0; i < j; i++) {
                    k[i][j] = kj[i];
                }
            }
            return;
        }
        for (int j = j0; j < j1; j++) {
            double[] kj = k[j];
            System.arraycopy(gLower, j * nn, kj, 0, j + 1);
            for (int a = 0; a < dim; a++) {
                double bja = beta[j * dim + a];
                for (int i = 0; i <= j; i++) {
                    kj[i] += bja * s[i * dim + a];
                }
            }
            for (int a = 0; a < dim; a++) {
                double sja = s[j * dim + a];
                for (int i = 0; i <= j; i++) {
                    kj[i] += beta[i * dim + a] * sja;
                }
            }
            int pairs = kind[j];
            for (int i = 0; i <= j; i++) {
                kj[i] += pairMu2[kind[i] * kinds + pairs];
            }
            for (int i = 0; i < j; i++) {
                k[i][j] = kj[i];
            }
        }
    }

    /**
     * Into how many blocks the sketch's setup cuts {@code rows} rows of independent work for the engine's threads:
     * blocks of about {@value NativeBlas#PIECE} rows, fixed by the size (each row's numbers do not depend on it).
     */
    private static int rowBlocks(int rows) {
        return Math.max(1, (rows + NativeBlas.PIECE - 1) / NativeBlas.PIECE);
    }

    /** Start of block b of {@code blocks} over {@code rows} rows. */
    private static int rowBound(int rows, int blocks, int b) {
        return (int) ((long) rows * b / blocks);
    }

    /** Z0_ij = ω G_{i,n+j} + Σ_a β_ia u_ja (G_{i,n+j} read from row n + j of the lower triangle). */
    private static double[][] initialPreActivations(double[] gLower, int nn, int n, int m, int dim, double[] beta,
                                                    double[] u, double omega, ParallelNetworkOps ops) {
        double[][] z0 = new double[n][m];
        int blocks = rowBlocks(n);
        ops.forEachBlock(blocks, new IntConsumer() {
            @Override
            public void accept(int b) {
                initialPreActivationRows(z0, gLower, nn, n, m, rowBound(n, blocks, b), rowBound(n, blocks, b + 1),
                        dim, beta, u, omega);
            }
        });
        return z0;
    }

    /** Rows [i0, i1) of {@link #initialPreActivations}. */
    private static void initialPreActivationRows(double[][] z0, double[] gLower, int nn, int n, int m, int i0, int i1,
                                                 int dim, double[] beta, double[] u, double omega) {
        for (int j = 0; j < m; j++) {
            int gRow = (n + j) * nn;
            for (int i = i0; i < i1; i++) {
                double v = omega * gLower[gRow + i];
                for (int a = 0; a < dim; a++) {
                    v += beta[i * dim + a] * u[j * dim + a];
                }
                z0[i][j] = v;
            }
        }
    }

    /**
     * The projections of a block of test points from their coordinates (z_1..z_k, &lt;z, g_1&gt;, ..., &lt;z, g_N&gt;) =
     * coords[r·width ..], r &lt; count (class comment): X x into testK, W0 x into testW0, ỹ &lt;x, m&gt; into testProj, for
     * the points from, ..., from + count - 1. Term by term over whole rows (simple loops, which the JIT compiles
     * quickly); each entry gets the same additions in the same order as entry by entry.
     */
    private static void testPoints(double[] coords, int count, int width, int dim, List<SignalModel.Cluster> clusters,
                                   int[] testKind, double[] testClean, int from, int n, int m, int kinds, int[] kind,
                                   double[] betaMu, double[] s, double[] u, double[] pairMu2, double mu, double omega,
                                   double[][] testK, double[][] testW0, double[] testProj, ParallelNetworkOps ops) {
        int blocks = rowBlocks(count);
        ops.forEachBlock(blocks, new IntConsumer() {
            @Override
            public void accept(int b) {
                testPointRows(coords, rowBound(count, blocks, b), rowBound(count, blocks, b + 1), width, dim, clusters,
                        testKind, testClean, from, n, m, kinds, kind, betaMu, s, u, pairMu2, mu, omega, testK, testW0,
                        testProj);
            }
        });
    }

    /** Rows [r0, r1) of the block of {@link #testPoints}. */
    private static void testPointRows(double[] coords, int r0, int r1, int width, int dim,
                                      List<SignalModel.Cluster> clusters, int[] testKind, double[] testClean, int from,
                                      int n, int m, int kinds, int[] kind, double[] betaMu, double[] s, double[] u,
                                      double[] pairMu2, double mu, double omega, double[][] testK, double[][] testW0,
                                      double[] testProj) {
        if (dim == 1) { // one mean: the same additions in one loop, less for the JIT to compile in a cold run
            for (int r = r0; r < r1; r++) {
                int offset = r * width;
                double yb = clusters.get(testKind[r]).mean(0);
                double z1 = coords[offset];
                int pairs = testKind[r] * kinds;
                double[] kRow = testK[from + r];
                for (int i = 0; i < n; i++) {
                    kRow[i] = coords[offset + 1 + i] + betaMu[i] * z1 + yb * s[i] + pairMu2[pairs + kind[i]];
                }
                double[] wRow = testW0[from + r];
                for (int j = 0; j < m; j++) {
                    wRow[j] = omega * coords[offset + 1 + n + j] + yb * u[j];
                }
                testProj[from + r] = testClean[from + r] * (yb * mu * z1 + pairMu2[pairs + testKind[r]]);
            }
            return;
        }
        double[] yBeta = new double[dim];
        for (int r = r0; r < r1; r++) {
            int offset = r * width;
            SignalModel.Cluster cluster = clusters.get(testKind[r]);
            for (int a = 0; a < dim; a++) {
                yBeta[a] = cluster.mean(a);
            }
            int pairs = testKind[r] * kinds;
            // <x, x_i> = r_i + Σ_a ||μ|| β_ia z_a + Σ_a ỹβ_a s_ia + ||μ||² β·β_i
            double[] kRow = testK[from + r];
            System.arraycopy(coords, offset + dim, kRow, 0, n);
            for (int a = 0; a < dim; a++) {
                double za = coords[offset + a];
                for (int i = 0; i < n; i++) {
                    kRow[i] += betaMu[i * dim + a] * za;
                }
            }
            for (int a = 0; a < dim; a++) {
                double ya = yBeta[a];
                for (int i = 0; i < n; i++) {
                    kRow[i] += ya * s[i * dim + a];
                }
            }
            for (int i = 0; i < n; i++) {
                kRow[i] += pairMu2[pairs + kind[i]];
            }
            // <x, w_j> = ω r_{n+j} + Σ_a β_a u_ja
            double[] wRow = testW0[from + r];
            for (int j = 0; j < m; j++) {
                wRow[j] = omega * coords[offset + dim + n + j];
            }
            for (int a = 0; a < dim; a++) {
                double ya = yBeta[a];
                for (int j = 0; j < m; j++) {
                    wRow[j] += ya * u[j * dim + a];
                }
            }
            double along = yBeta[0] * mu * coords[offset];
            for (int a = 1; a < dim; a++) {
                along += yBeta[a] * mu * coords[offset + a];
            }
            testProj[from + r] = testClean[from + r] * (along + pairMu2[pairs + testKind[r]]);
        }
    }

    /**
     * One draw of (z_1, &lt;z, g_1&gt;, ..., &lt;z, g_N&gt;) ~ N(0, [[1, c^T], [c, G]]) for z ~ N(0, I_p):
     * u_0..u_N standard normals from {@code gauss} (in that order), out = [[1, 0], [c, L]] u.
     *
     * @param c     length N (not modified)
     * @param l     lower-triangular rows, row k of length k + 1 (not modified)
     * @param gauss standard normal sampler (modified: N + 1 draws)
     * @param out   length N + 1 (modified): out[0] = z_1, out[1 + k] = &lt;z, g_k&gt;
     */
    static void testCoordinates(double[] c, double[][] l, NormalizedGaussianSampler gauss, double[] out) {
        int nn = c.length;
        for (int k = 0; k <= nn; k++) {
            out[k] = gauss.sample();
        }
        // out[1..N] holds u_1..u_N; overwrite from the last row down so each u_q is read before it is replaced.
        double u0 = out[0];
        for (int k = nn - 1; k >= 0; k--) {
            double[] row = l[k];
            double sum = c[k] * u0;
            for (int q = 0; q <= k; q++) {
                sum += row[q] * out[1 + q];
            }
            out[1 + k] = sum;
        }
    }
}
