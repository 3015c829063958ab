package org.benignlab.engine;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.NoiseContext;

/**
 * An explicit sample of the paper's data model (Section 2.2): clean labels ỹ_i, points
 * x_i = z_i + ỹ_i μ and observed labels y_i (= -ỹ_i on the flipped points).
 *
 * <p><b>The class mean.</b> μ = ||μ|| e_1: the mean lies along the first coordinate. For the isotropic
 * clusters of the paper only ||μ|| matters (rotation invariance); for other product distributions this
 * is a choice, made so that &lt;x, μ&gt; = ||μ|| x_1 costs nothing and matches the Gaussian sketch.
 *
 * <p><b>Draw order</b> (fixed; the same generators give the same numbers):
 * <ol>
 *   <li>{@code points}: for i = 0, ..., size-1 in turn: ỹ_i = {@code points.nextBoolean() ? +1 : -1}, then
 *       {@code cluster.sample(points, row_i)} (p values). Then x_i1 = z_i1 + ỹ_i ||μ|| and x_ik = z_ik
 *       for k &gt; 1.</li>
 *   <li>{@code flips}: one call {@code noise.flips(new NoiseContext(ỹ, <x_i, μ>, i -> copy of x_i), flips)}.</li>
 * </ol>
 * The two generators may be the same object (the test set uses one stream for both); then the flips
 * are drawn after all the points. For an empty sample the noise model is not called.
 *
 * <p>Memory: size · p doubles (8 bytes each), held as one array per point.
 */
public final class Dataset {
    private final int p;
    private final double muNorm;
    /** Rows x_i, each of length p (not copied: engine-internal, never modified). */
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
     * Draws a sample in the documented order.
     *
     * @param size    number of points, &gt;= 0
     * @param p       dimension, &gt;= 1
     * @param muNorm  ||μ||, finite and &gt;= 0
     * @param cluster P_clust (not modified)
     * @param noise   label-noise model (not modified)
     * @param points  generator of labels and cluster draws (modified: advanced)
     * @param flips   generator of the flips (modified: advanced)
     * @throws IllegalStateException when the noise model returns a flip array of the wrong length
     */
    public static Dataset generate(int size, int p, double muNorm, ClusterDistribution cluster, LabelNoise noise,
                                   UniformRandomProvider points, UniformRandomProvider flips) {
        if (size < 0) {
            throw new IllegalArgumentException("Dataset.size: must be >= 0, got " + size);
        }
        if (p < 1) {
            throw new IllegalArgumentException("Dataset.p: must be >= 1, got " + p);
        }
        if (!(Double.isFinite(muNorm) && muNorm >= 0)) {
            throw new IllegalArgumentException("Dataset.muNorm: must be a finite number >= 0, got " + muNorm);
        }
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(flips, "flips");
        double[][] x = new double[size][];
        double[] clean = new double[size];
        double[] proj = new double[size];
        for (int i = 0; i < size; i++) {
            clean[i] = points.nextBoolean() ? 1.0 : -1.0;
            double[] row = new double[p];
            cluster.sample(points, row);
            row[0] += clean[i] * muNorm;
            x[i] = row;
            proj[i] = muNorm * row[0];
        }
        NoiseContext context = new NoiseContext(clean.clone(), proj.clone(), i -> x[i].clone());
        boolean[] flipped = size == 0 ? new boolean[0] : noise.flips(context, flips);
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

    /** Number of points. */
    public int size() {
        return x.length;
    }

    /** Dimension p. */
    public int dimension() {
        return p;
    }

    /** ||μ||. */
    public double muNorm() {
        return muNorm;
    }

    /** A copy of x_i. */
    public double[] point(int i) {
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
