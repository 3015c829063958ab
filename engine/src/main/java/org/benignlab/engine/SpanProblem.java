package org.benignlab.engine;

/**
 * Everything the span step loop needs, with W = W0 + B X (MODEL.md, "Structure the code can exploit"):
 * inner products among the training points, the initial weights and the test points, and no
 * p-dimensional vector. Made by {@link SpanEngine} (from explicit data) or {@link SketchEngine} (drawn
 * exactly without it). Fields are engine-internal and never modified after construction.
 *
 * <p>Memory: n² + 2·n·m + m² + testSize·(n + m) doubles, plus 4 numbers per point for the labels.
 */
final class SpanProblem {
    final int n;
    final int m;
    /** Training labels (no points). */
    final Dataset train;
    /** Test labels (no points). */
    final Dataset test;
    /** Second layer a_j, length m. */
    final double[] a;
    /** K = X X^T, n x n. */
    final double[][] k;
    /** Z0 = X W0^T, n x m. */
    final double[][] z0;
    /** Z0^T = W0 X^T, m x n. */
    final double[][] z0t;
    /** G0 = W0 W0^T, m x m; null when the spectral norm is not recorded. */
    final double[][] g0;
    /** ||W0||_F^2. */
    final double w0NormSq;
    /** X_test X^T, testSize x n. */
    final double[][] testK;
    /** X_test W0^T, testSize x m. */
    final double[][] testW0;
    /**
     * Done when the rows of {@link #testK} and {@link #testW0} are all filled: the last block of test points is
     * projected in the background while training starts (span engine, two or more threads); null when they were
     * filled before the problem was made.
     */
    final java.util.concurrent.Future<?> testProjections;

    SpanProblem(Dataset train, Dataset test, double[] a, double[][] k, double[][] z0, double[][] g0, double w0NormSq,
                double[][] testK, double[][] testW0) {
        this(train, test, a, k, z0, g0, w0NormSq, testK, testW0, null);
    }

    SpanProblem(Dataset train, Dataset test, double[] a, double[][] k, double[][] z0, double[][] g0, double w0NormSq,
                double[][] testK, double[][] testW0, java.util.concurrent.Future<?> testProjections) {
        this.n = train.size();
        this.m = a.length;
        if (k.length != n || z0.length != n || (g0 != null && g0.length != m) || testK.length != test.size()
                || testW0.length != test.size()) {
            throw new IllegalArgumentException("SpanProblem: inconsistent sizes (n = " + n + ", m = " + m
                    + ", test = " + test.size() + ")");
        }
        this.train = train.withoutPoints();
        this.test = test.withoutPoints();
        this.a = a;
        this.k = k;
        this.z0 = z0;
        this.z0t = NetworkOps.transpose(z0);
        this.g0 = g0;
        this.w0NormSq = w0NormSq;
        this.testK = testK;
        this.testW0 = testW0;
        this.testProjections = testProjections;
    }

    /** Doubles held by a problem of these sizes (the estimate of the class comment). */
    static long doubles(long n, long m, long testSize) {
        return n * n + 2 * n * m + m * m + testSize * (n + m) + 4 * (n + testSize);
    }
}
