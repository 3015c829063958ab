package org.benignlab.distributions.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RectangularCholeskyDecomposition;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.GuideTableDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.benignlab.api.SignalModel;

/**
 * A mixture of k clusters. The means' Gram matrix M_ab = ‖μ_a‖‖μ_b‖cos θ_ab (units of ‖μ‖) is factored as B Bᵀ
 * with B of k' = rank(M) columns ({@link RectangularCholeskyDecomposition}, pivoted; B Bᵀ = M is checked, since the
 * factorisation stops at the first vanishing pivot without looking at the rest): row a of B is β_a, the mean
 * of cluster a in an orthonormal basis of the means' span (orthogonal means: B diagonal, the norms). A cluster is
 * drawn by inversion with one uniform ({@link GuideTableDiscreteSampler}). The Bayes error is not declared.
 */
public final class MixtureSignal implements SignalModel {
    /** Relative size below which a pivot of the means' Gram matrix counts as zero (rank-deficient means). */
    private static final double SMALL = 1e-12;

    private final List<Cluster> clusters;
    private final int dimension;
    private final SharedStateDiscreteSampler sampler;

    private MixtureSignal(List<Cluster> clusters, int dimension, double[] weights) {
        this.clusters = List.copyOf(clusters);
        this.dimension = dimension;
        // the generator is replaced per draw (withUniformRandomProvider); this one is never used
        this.sampler = GuideTableDiscreteSampler.of(NEVER_USED, weights);
    }

    /**
     * @param labels  clean labels (±1), k &gt;= 1
     * @param weights probabilities (normalised here), or null for equal weights
     * @param norms   ‖μ_a‖ in units of ‖μ‖, or null for all 1
     * @param angles  pairwise angles in degrees in the order (1,2), (1,3), ..., or null for orthogonal means
     * @throws IllegalArgumentException when no set of vectors has these norms and angles
     */
    public static MixtureSignal of(List<Integer> labels, List<Double> weights, List<Double> norms,
                                   List<Double> angles) {
        int k = labels.size();
        double[] w = new double[k];
        double[] norm = new double[k];
        double total = 0;
        for (int a = 0; a < k; a++) {
            w[a] = weights == null ? 1.0 : weights.get(a);
            norm[a] = norms == null ? 1.0 : norms.get(a);
            total += w[a];
        }
        for (int a = 0; a < k; a++) {
            w[a] /= total;
        }
        double[][] beta;
        if (angles == null) {
            beta = new double[k][k];
            for (int a = 0; a < k; a++) {
                beta[a][a] = norm[a];
            }
        } else {
            double[][] gram = new double[k][k];
            int q = 0;
            for (int a = 0; a < k; a++) {
                gram[a][a] = norm[a] * norm[a];
                for (int b = a + 1; b < k; b++) {
                    double deg = angles.get(q++);
                    double cos = deg == 90 ? 0.0 : deg == 180 ? -1.0 : Math.cos(Math.toRadians(deg));
                    gram[a][b] = norm[a] * norm[b] * cos;
                    gram[b][a] = gram[a][b];
                }
            }
            RealMatrix m = new Array2DRowRealMatrix(gram, false);
            double scale = Arrays.stream(norm).max().orElse(1.0);
            try {
                beta = new RectangularCholeskyDecomposition(m, SMALL * scale * scale).getRootMatrix().getData();
            } catch (NonPositiveDefiniteMatrixException e) {
                throw notSemidefinite(e);
            }
            // the pivoted factorisation stops at the first vanishing pivot; the rest must then vanish too
            RealMatrix root = new Array2DRowRealMatrix(beta, false);
            double misfit = root.multiply(root.transpose()).subtract(m).getNorm();
            if (misfit > 1e-9 * scale * scale * k) {
                throw notSemidefinite(null);
            }
        }
        List<Cluster> out = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            out.add(new Cluster(labels.get(a), w[a], beta[a]));
        }
        return new MixtureSignal(out, beta[0].length, w);
    }

    private static IllegalArgumentException notSemidefinite(Throwable cause) {
        return new IllegalArgumentException("no set of means has these norms and pairwise angles (their Gram matrix "
                + "is not positive semidefinite)", cause);
    }

    @Override
    public List<Cluster> clusters() {
        return clusters;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int draw(UniformRandomProvider rng) {
        return sampler.withUniformRandomProvider(rng).sample();
    }

    @Override
    public double bayesErrorClean(double muNorm) {
        return Double.NaN;
    }

    @Override
    public String toString() {
        return "mixture" + clusters;
    }

    private static final UniformRandomProvider NEVER_USED = () -> {
        throw new IllegalStateException("MixtureSignal: the sampler's own generator is never used");
    };
}
