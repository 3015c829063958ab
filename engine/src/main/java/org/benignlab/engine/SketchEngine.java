package org.benignlab.engine;

import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

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
 * <p><b>Draw order</b> (fixed; the draws do not depend on ω or ||μ||, which are applied after drawing; the Gram
 * draw depends on n and m as a whole and does not nest; {@code init} is not used):
 * <ol>
 *   <li>{@code data.generator()}: ỹ_i = {@code nextBoolean() ? +1 : -1} for i = 1..n; then c_1..c_N (standard normals,
 *       {@link ZigguratSampler.NormalizedGaussian}); then L row by row, k = 1..N: L_k1..L_k,k-1 (standard
 *       normals, same sampler), then L_kk = sqrt(χ²_{p-k}) with χ²_ν = Gamma(ν/2, scale 2) from
 *       {@link AhrensDieterMarsagliaTsangGammaSampler} on {@code data} (O(1) expected time whatever ν).</li>
 *   <li>{@code noise}: the uniforms and one {@code flips} call as in {@link Dataset#fromProjections}.</li>
 *   <li>{@code signs}: {@link SecondLayer#draw} on {@code signs.generator()} (as in the dense engine).</li>
 *   <li>{@code test.generator()}: per test point, ỹ = {@code nextBoolean() ? +1 : -1} then u_0..u_N (standard
 *       normals, one {@link ZigguratSampler.NormalizedGaussian} for the whole test set); then the flips as in
 *       {@link Dataset#fromProjections} on {@link RandomStreams#testFlips()}.</li>
 * </ol>
 *
 * <p><b>Requirements</b> ({@link Engines#unsupported}): the cluster distribution is isotropic Gaussian, the
 * label noise does not read feature vectors, the optimiser is linear in past gradients, and
 * p - 1 &gt;= n + m (the Bartlett decomposition needs p - 1 degrees of freedom for N vectors).
 *
 * <p><b>Cost</b>: setup O(N³) (G = c c^T + L L^T = F' F'^T with F' = [c, L], one Gram product on the engine's
 * {@link Products}, N²(N+1)/2 multiply-adds on the native BLAS) plus O(N²) per test point (one product U F^T per
 * block of test points, F = [[1, 0], [c, L]]; the same numbers as point by point up to rounding); per step n²·m;
 * per recorded step
 * testSize·n·m plus m²·n + m·n² + O(m³) for the norms (as the span engine). <b>Memory</b> (doubles), see
 * {@link #estimateMemoryBytes}: c, L, F, F' and G (about 4.5·N² during setup), then the span problem (n² + 2·n·m + m² +
 * testSize·(n + m)) and the loop's O(n·m + m²) buffers: nothing depends on p.
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
            TrainingResult result = new TrainingLoop(setup, plugins, problem.train, problem.test, problem.a, network,
                    sink, last).execute();
            return LinearBaselines.attach(result, setup, plugins, problem);
        }
    }

    /**
     * One draw of the sketch.
     *
     * @param c       first coordinates c_k of g_k, length N
     * @param l       the Bartlett factor L, row k of length k + 1 (lower triangle)
     * @param g       G = c c^T + L L^T, N x N, exactly symmetric
     * @param problem the span problem (K, Z0, G0, ||W0||², test projections, labels)
     */
    record Draw(double[] c, double[][] l, double[][] g, SpanProblem problem) {
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
     * [[1, 0], [c, L]] u are computed for blocks of {@value DenseEngine#TEST_BLOCK} points at once (one product
     * U F^T on {@code products} and {@code ops}; the same numbers for every thread count); they agree with the point
     * by point {@link #testCoordinates} to rounding (on the Java kernels exactly).
     */
    static Draw sample(TrainingSetup setup, Plugins plugins, RandomStreams streams, Products products,
                       ParallelNetworkOps ops) {
        int n = setup.n();
        int m = setup.width();
        int nn = n + m;
        long p = setup.p();
        double mu = setup.muNorm();
        double omega = setup.initScale();
        if (p - 1 < nn) {
            throw new IllegalArgumentException("sketch: p - 1 = " + (p - 1) + " < n + m = " + nn);
        }

        // 1. data stream: labels, c, L
        UniformRandomProvider data = streams.data().generator();
        double[] clean = new double[n];
        for (int i = 0; i < n; i++) {
            clean[i] = data.nextBoolean() ? 1.0 : -1.0;
        }
        NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(data);
        double[] c = new double[nn];
        for (int k = 0; k < nn; k++) {
            c[k] = gauss.sample();
        }
        double[][] l = new double[nn][];
        for (int k = 0; k < nn; k++) {
            double[] row = new double[k + 1];
            for (int q = 0; q < k; q++) {
                row[q] = gauss.sample();
            }
            long dof = p - 1 - k; // χ²_{p-k} for the 1-based row index k + 1
            row[k] = Math.sqrt(AhrensDieterMarsagliaTsangGammaSampler.of(data, dof / 2.0, 2.0).sample());
            l[k] = row;
        }
        // G = c c^T + L L^T = F' F'^T with F' = [c, L] (N x (N + 1), rows 1..N of the factor F)
        int width = nn + 1;
        double[] factor = factor(c, l);
        double[] gFlat = new double[nn * nn];
        products.gram(Arrays.copyOfRange(factor, width, width * width), gFlat, nn, width, ops);
        double[][] g = new double[nn][];
        for (int k = 0; k < nn; k++) {
            g[k] = Arrays.copyOfRange(gFlat, k * nn, (k + 1) * nn);
        }
        gFlat = null; // let it go before the span problem is built

        // training quantities
        double mu2 = mu * mu;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = mu * c[i];
        }
        double[] u = new double[m];
        for (int j = 0; j < m; j++) {
            u[j] = omega * mu * c[n + j];
        }
        double[][] k = new double[n][n];
        double[] proj = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = g[i][j] + clean[j] * s[i] + clean[i] * s[j] + clean[i] * clean[j] * mu2;
                k[i][j] = v;
                k[j][i] = v;
            }
            proj[i] = s[i] + clean[i] * mu2;
        }
        double[][] z0 = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                z0[i][j] = omega * g[i][n + j] + clean[i] * u[j];
            }
        }
        double omega2 = omega * omega;
        double[][] g0 = new double[m][m];
        double w0NormSq = 0.0;
        for (int j = 0; j < m; j++) {
            for (int q = 0; q < m; q++) {
                g0[j][q] = omega2 * g[n + j][n + q];
            }
            w0NormSq += g0[j][j];
        }

        // 2. noise stream, 3. signs stream
        Dataset train = Dataset.fromProjections(setup.p(), mu, clean, proj, plugins.noise(), streams.noise());
        double[] a = setup.secondLayer().draw(m, streams.signs().generator());

        // 4. test stream
        int size = setup.testSize();
        UniformRandomProvider testRng = streams.test().generator();
        NormalizedGaussianSampler testGauss = ZigguratSampler.NormalizedGaussian.of(testRng);
        double[] testClean = new double[size];
        double[] testProj = new double[size];
        double[][] testK = new double[size][n];
        double[][] testW0 = new double[size][m];
        if (size > 0) {
            // the draws point by point; the products [[1, 0], [c, L]] u for a block of points at once
            int rows = Math.min(size, DenseEngine.TEST_BLOCK);
            double[] draws = new double[rows * width];
            double[] coords = new double[rows * width];
            for (int from = 0; from < size; from += rows) {
                int count = Math.min(rows, size - from);
                for (int r = 0; r < count; r++) {
                    testClean[from + r] = testRng.nextBoolean() ? 1.0 : -1.0;
                    for (int q = 0; q < width; q++) {
                        draws[r * width + q] = testGauss.sample();
                    }
                }
                products.multiplyTransB(draws, factor, coords, count, width, width, ops); // U F^T
                for (int r = 0; r < count; r++) {
                    testPoint(coords, r * width, testClean[from + r], n, m, clean, s, u, mu, omega,
                            testK[from + r], testW0[from + r], testProj, from + r);
                }
            }
        }
        Dataset test = Dataset.fromProjections(setup.p(), mu, testClean, testProj, plugins.noise(),
                streams.testFlips());
        return new Draw(c, l, g, new SpanProblem(train, test, a, k, z0, g0, w0NormSq, testK, testW0));
    }

    /**
     * A test point's projections from its coordinates (z_1, &lt;z, g_1&gt;, ..., &lt;z, g_N&gt;) =
     * coords[offset..offset+N]: X x into kRow, W0 x into wRow, &lt;x, μ&gt; into testProj[t] (class comment).
     */
    private static void testPoint(double[] coords, int offset, double y, int n, int m, double[] clean, double[] s,
                                  double[] u, double mu, double omega, double[] kRow, double[] wRow,
                                  double[] testProj, int t) {
        double mu2 = mu * mu;
        double z1 = coords[offset];
        for (int i = 0; i < n; i++) {
            kRow[i] = coords[offset + 1 + i] + clean[i] * mu * z1 + y * s[i] + y * clean[i] * mu2;
        }
        for (int j = 0; j < m; j++) {
            wRow[j] = omega * coords[offset + 1 + n + j] + y * u[j];
        }
        testProj[t] = mu * z1 + y * mu2;
    }

    /** F = [[1, 0], [c, L]], (N + 1) x (N + 1) lower triangular, flat row-major (zeros above the diagonal). */
    static double[] factor(double[] c, double[][] l) {
        int nn = c.length;
        int width = nn + 1;
        double[] f = new double[width * width];
        f[0] = 1.0;
        for (int k = 0; k < nn; k++) {
            f[(1 + k) * width] = c[k];
            System.arraycopy(l[k], 0, f, (1 + k) * width + 1, k + 1);
        }
        return f;
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
