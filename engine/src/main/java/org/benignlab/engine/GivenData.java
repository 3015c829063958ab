package org.benignlab.engine;

import java.util.Objects;

/**
 * Training (and optionally test) data given by the caller instead of drawn from the paper's model, e.g.
 * read from files ({@link TrainingSetup#given()}). The sizes are known up front; the points are
 * {@link #load loaded} once, when {@link Engine#train} starts, so that a setup can be built (and
 * checked) without holding the data.
 *
 * <p>With given data the {@code data} stream is not used; label noise is applied on top of the given
 * labels (which are then the clean labels ỹ), drawn as for drawn data: the training flips from the
 * {@code noise} stream, the test flips from {@link RandomStreams#testFlips()}. The class mean μ is unknown:
 * the projections &lt;x_i, μ&gt; a noise model sees are NaN, so a model that uses them (an adversarial
 * one) is refused ({@link Engines#unsupported}). The Gaussian sketch cannot use given points.
 */
public interface GivenData {

    /** Number of training points n, &gt;= 1. */
    int size();

    /** Dimension p, &gt;= 1. */
    int dimension();

    /** Number of test points, &gt;= 0 (0: the test errors are NaN). */
    int testSize();

    /**
     * Reads the points. Called once per {@link Engine#train}, at its start.
     *
     * @return the points, of the declared sizes
     * @throws RuntimeException when they cannot be read (e.g. a file changed since it was checked)
     */
    Points load();

    /**
     * The points and labels. Rows are not copied (the engine never modifies them).
     *
     * @param x          training points, n rows of length p, finite
     * @param labels     their labels in {-1, +1}
     * @param testX      test points, rows of length p, finite (may be empty)
     * @param testLabels their labels in {-1, +1}
     */
    record Points(double[][] x, double[] labels, double[][] testX, double[] testLabels) {
        public Points {
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(labels, "labels");
            Objects.requireNonNull(testX, "testX");
            Objects.requireNonNull(testLabels, "testLabels");
            if (x.length == 0) {
                throw new IllegalArgumentException("GivenData.Points: no training point");
            }
            int p = x[0].length;
            check("x", x, labels, p);
            check("testX", testX, testLabels, p);
        }

        private static void check(String what, double[][] rows, double[] labels, int p) {
            if (rows.length != labels.length) {
                throw new IllegalArgumentException("GivenData.Points." + what + ": " + rows.length + " rows but "
                        + labels.length + " labels");
            }
            for (int i = 0; i < rows.length; i++) {
                if (rows[i].length != p) {
                    throw new IllegalArgumentException("GivenData.Points." + what + ": row " + i + " has length "
                            + rows[i].length + ", expected " + p);
                }
                for (double v : rows[i]) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("GivenData.Points." + what + ": row " + i
                                + " has a non-finite entry " + v);
                    }
                }
                if (labels[i] != 1.0 && labels[i] != -1.0) {
                    throw new IllegalArgumentException("GivenData.Points." + what + ": label " + i + " is "
                            + labels[i] + ", expected -1 or +1");
                }
            }
        }
    }

    /** Given data held in memory. */
    static GivenData of(Points points) {
        Objects.requireNonNull(points, "points");
        int n = points.x().length;
        int p = points.x()[0].length;
        int test = points.testX().length;
        return new GivenData() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public int dimension() {
                return p;
            }

            @Override
            public int testSize() {
                return test;
            }

            @Override
            public Points load() {
                return points;
            }

            @Override
            public String toString() {
                return "GivenData[n=" + n + ", p=" + p + ", test=" + test + "]";
            }
        };
    }
}
