package org.benignlab.engine;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.NoiseContext;

/**
 * A sample of the paper's data model (Section 2.2): clean labels ỹ_i, points x_i = z_i + ỹ_i μ and
 * observed labels y_i (= -ỹ_i on the flipped points). Made in one of three ways:
 * <ul>
 *   <li>{@link #generate}: explicit points, kept (the dense engine, the span engine's training set);</li>
 *   <li>{@link #generateStreamed}: the same draws, each point handed to a {@link PointSink} as it is drawn
 *       and then dropped (the span engine's test set); only labels and projections are kept;</li>
 *   <li>{@link #fromProjections}: no points at all, only ỹ_i and &lt;x_i, μ&gt; (the Gaussian sketch).</li>
 * </ul>
 *
 * <p><b>The class mean.</b> μ = ||μ|| e_1: the mean lies along the first coordinate. For the isotropic
 * clusters of the paper only ||μ|| matters (rotation invariance); for other product distributions this
 * is a choice, made so that &lt;x, μ&gt; = ||μ|| x_1 costs nothing and matches the Gaussian sketch.
 *
 * <p><b>Draw order</b> (fixed; the same seeds give the same numbers, whichever of the first two methods is
 * used). Every draw is per index, so point i is the same whatever the size of the sample, and ‖μ‖ is added
 * after drawing, so z_i and ỹ_i are the same whatever ‖μ‖ is (common random numbers):
 * <ol>
 *   <li>{@code points}: for point i, the generator {@code points.substream(i)}: ỹ_i = {@code nextBoolean() ? +1
 *       : -1}, then {@code cluster.sample(rng, row_i)} (p values, into a zeroed array). Then
 *       x_i1 = z_i1 + ỹ_i ||μ|| and x_ik = z_ik for k &gt; 1.</li>
 *   <li>{@code flips}: U_i = {@code flips.substream(i).nextDouble()} for each point, then one call
 *       {@code noise.flips(new NoiseContext(ỹ, <x_i, μ>, features, U), flips.generator())}, where features is
 *       {@code i -> copy of x_i} for {@link #generate} and {@code null} otherwise.</li>
 * </ol>
 * For an empty sample the noise model is not called.
 *
 * <p>Memory: size · p doubles (8 bytes each), held as one array per point, for {@link #generate}; 4 · size
 * numbers otherwise.
 */
public final class Dataset {
    /** Receives each point as it is drawn. */
    @FunctionalInterface
    interface PointSink {
        /**
         * @param i index of the point
         * @param x x_i, length p (not to be modified; reused for the next point: copy what you keep)
         */
        void accept(int i, double[] x);
    }

    private final int p;
    private final double muNorm;
    /** Rows x_i, each of length p (not copied: engine-internal, never modified); null without points. */
    final double[][] x;
    final double[] cleanLabels;
    final double[] labels;
    final boolean[] flipped;
    final double[] meanProjections;
    private final int noisyCount;

    private Dataset(int p, double muNorm, double[][] x, double[] cleanLabels, double[] labels, boolean[] flipped,
                    double[] meanProjections) {
        this.p = p;
        this.muNorm = muNorm;
        this.x = x;
        this.cleanLabels = cleanLabels;
        this.labels = labels;
        this.flipped = flipped;
        this.meanProjections = meanProjections;
        int count = 0;
        for (boolean f : flipped) {
            if (f) {
                count++;
            }
        }
        this.noisyCount = count;
    }

    /**
     * Draws a sample in the documented order and keeps the points.
     *
     * @param size    number of points, &gt;= 0
     * @param p       dimension, &gt;= 1
     * @param muNorm  ||μ||, finite and &gt;= 0
     * @param cluster P_clust (not modified)
     * @param noise   label-noise model (not modified)
     * @param points  seed of the labels and cluster draws (one substream per point)
     * @param flips   seed of the flips (one substream per point for the uniforms; the model's generator)
     * @throws IllegalStateException when the noise model returns a flip array of the wrong length
     */
    public static Dataset generate(int size, int p, double muNorm, ClusterDistribution cluster, LabelNoise noise,
                                   StreamSeed points, StreamSeed flips) {
        check(size, p, muNorm);
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(flips, "flips");
        double[][] x = new double[size][];
        double[] clean = new double[size];
        double[] proj = new double[size];
        drawPoints(size, p, muNorm, cluster, points, clean, proj, true, (i, row) -> x[i] = row);
        return label(p, muNorm, x, clean, proj, noise, flips, i -> x[i].clone());
    }

    /**
     * Draws the same numbers as {@link #generate} with the same seeds, but hands each point to
     * {@code sink} as soon as it is drawn and keeps only the labels and the projections: memory p doubles
     * instead of size · p. The noise model gets no feature vectors, so it must not need them.
     *
     * @param sink receives x_0, x_1, ... in order (called before the flips are drawn)
     * @throws IllegalArgumentException if {@code noise.needsFeatures()}
     */
    static Dataset generateStreamed(int size, int p, double muNorm, ClusterDistribution cluster, LabelNoise noise,
                                    StreamSeed points, StreamSeed flips, PointSink sink) {
        check(size, p, muNorm);
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(flips, "flips");
        Objects.requireNonNull(sink, "sink");
        if (noise.needsFeatures()) {
            throw new IllegalArgumentException("Dataset.generateStreamed: label noise "
                    + noise.getClass().getName() + " needs the feature vectors; use generate");
        }
        double[] clean = new double[size];
        double[] proj = new double[size];
        drawPoints(size, p, muNorm, cluster, points, clean, proj, false, sink);
        return label(p, muNorm, null, clean, proj, noise, flips, null);
    }

    /**
     * A sample without explicit points (the Gaussian sketch): the clean labels and projections are given,
     * the flips are drawn with {@code NoiseContext(ỹ, <x_i, μ>, null)}.
     *
     * @param cleanLabels     ỹ_i in {-1, +1} (not modified: copied)
     * @param meanProjections &lt;x_i, μ&gt; (not modified: copied)
     * @param noise           label-noise model; must not need the feature vectors
     * @param flips           seed of the flips
     * @throws IllegalArgumentException if the lengths differ or {@code noise.needsFeatures()}
     */
    static Dataset fromProjections(int p, double muNorm, double[] cleanLabels, double[] meanProjections,
                                   LabelNoise noise, StreamSeed flips) {
        check(cleanLabels.length, p, muNorm);
        if (meanProjections.length != cleanLabels.length) {
            throw new IllegalArgumentException("Dataset.fromProjections: " + cleanLabels.length + " labels but "
                    + meanProjections.length + " projections");
        }
        if (noise.needsFeatures()) {
            throw new IllegalArgumentException("Dataset.fromProjections: label noise " + noise.getClass().getName()
                    + " needs the feature vectors, which this sample does not have");
        }
        return label(p, muNorm, null, cleanLabels.clone(), meanProjections.clone(), noise, flips, null);
    }

    /**
     * A sample of given points (not drawn; {@link GivenData}): the given labels are the clean labels ỹ, and
     * the flips are drawn with {@code NoiseContext(ỹ, <x_i, μ>, features)} as in {@link #generate}, except
     * that μ is unknown, so every projection &lt;x_i, μ&gt; is NaN (and so is {@link #muNorm()}).
     *
     * @param p           dimension, &gt;= 1
     * @param x           the points, rows of length p (not modified, not copied: engine-internal)
     * @param cleanLabels their labels in {-1, +1} (not modified: copied)
     * @param noise       label-noise model (not modified)
     * @param flips       seed of the flips
     */
    static Dataset given(int p, double[][] x, double[] cleanLabels, LabelNoise noise, StreamSeed flips) {
        if (x.length != cleanLabels.length) {
            throw new IllegalArgumentException("Dataset.given: " + x.length + " points but " + cleanLabels.length
                    + " labels");
        }
        double[] proj = new double[x.length];
        Arrays.fill(proj, Double.NaN);
        return label(p, Double.NaN, x, cleanLabels.clone(), proj, noise, flips, i -> x[i].clone());
    }

    /** The same labels and projections without the points (lets the points be garbage-collected). */
    Dataset withoutPoints() {
        return x == null ? this : new Dataset(p, muNorm, null, cleanLabels, labels, flipped, meanProjections);
    }

    private static void check(int size, int p, double muNorm) {
        if (size < 0) {
            throw new IllegalArgumentException("Dataset.size: must be >= 0, got " + size);
        }
        if (p < 1) {
            throw new IllegalArgumentException("Dataset.p: must be >= 1, got " + p);
        }
        if (!(Double.isFinite(muNorm) && muNorm >= 0)) {
            throw new IllegalArgumentException("Dataset.muNorm: must be a finite number >= 0, got " + muNorm);
        }
    }

    /** Step 1 of the draw order: labels and points; {@code fresh}: a new array per point, else one reused. */
    private static void drawPoints(int size, int p, double muNorm, ClusterDistribution cluster,
                                   StreamSeed points, double[] clean, double[] proj, boolean fresh,
                                   PointSink sink) {
        double[] reused = fresh ? null : new double[p];
        for (int i = 0; i < size; i++) {
            UniformRandomProvider rng = points.substream(i);
            clean[i] = rng.nextBoolean() ? 1.0 : -1.0;
            double[] row;
            if (fresh) {
                row = new double[p];
            } else {
                row = reused;
                Arrays.fill(row, 0.0);
            }
            cluster.sample(rng, row);
            row[0] += clean[i] * muNorm;
            proj[i] = muNorm * row[0];
            sink.accept(i, row);
        }
    }

    /** Step 2 of the draw order: the flips and the observed labels. */
    private static Dataset label(int p, double muNorm, double[][] x, double[] clean, double[] proj, LabelNoise noise,
                                 StreamSeed flips, IntFunction<double[]> features) {
        int size = clean.length;
        boolean[] flipped;
        if (size == 0) {
            flipped = new boolean[0];
        } else {
            NoiseContext context = new NoiseContext(clean.clone(), proj.clone(), features, uniforms(flips, size));
            flipped = noise.flips(context, flips.generator());
        }
        if (flipped == null || flipped.length != size) {
            throw new IllegalStateException("label noise " + noise.getClass().getName() + " returned "
                    + (flipped == null ? "null" : flipped.length + " flips") + " for " + size + " points");
        }
        flipped = flipped.clone();
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            y[i] = flipped[i] ? -clean[i] : clean[i];
        }
        return new Dataset(p, muNorm, x, clean, y, flipped, proj);
    }

    /** U_i = {@code flips.substream(i).nextDouble()}, i = 0..size-1: the noise model's standard draws. */
    static double[] uniforms(StreamSeed flips, int size) {
        double[] u = new double[size];
        for (int i = 0; i < size; i++) {
            u[i] = flips.substream(i).nextDouble();
        }
        return u;
    }

    /** Number of points. */
    public int size() {
        return cleanLabels.length;
    }

    /** Dimension p. */
    public int dimension() {
        return p;
    }

    /** ||μ|| (NaN for given data, whose μ is unknown). */
    public double muNorm() {
        return muNorm;
    }

    /**
     * A copy of x_i.
     *
     * @throws IllegalStateException if the points were not kept
     */
    public double[] point(int i) {
        if (x == null) {
            throw new IllegalStateException("Dataset.point: this sample keeps no points (streamed or sketched)");
        }
        return x[i].clone();
    }

    /** A copy of the clean labels ỹ. */
    public double[] cleanLabels() {
        return cleanLabels.clone();
    }

    /** A copy of the observed labels y. */
    public double[] labels() {
        return labels.clone();
    }

    /** A copy of the flip indicators (true on N). */
    public boolean[] flipped() {
        return flipped.clone();
    }

    /** A copy of the projections &lt;x_i, μ&gt; = ||μ|| x_i1. */
    public double[] meanProjections() {
        return meanProjections.clone();
    }

    /** |N|, the number of flipped labels. */
    public int noisyCount() {
        return noisyCount;
    }
}
