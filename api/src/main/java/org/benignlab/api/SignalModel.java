package org.benignlab.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The signal model: how the clean label ỹ and the mean of a point are drawn (YAML {@code data.signal}). A point is
 * x = z + ‖μ‖ β_c with z from the cluster distribution and c one of the model's {@link #clusters()}, drawn by
 * {@link #draw}; its clean label is the cluster's {@link Cluster#label()}. The means are written in coordinates:
 * β_c in R^k, on the first k axes e_1..e_k (a general set of means is first rotated to an orthonormal basis of
 * their span, which for isotropic clusters changes no distribution), in units of ‖μ‖ ({@code data.mu}), so that ‖μ‖
 * is applied after drawing like every other scale. The paper's model ({@link #oneMean()}, {@code one-mean}) is
 * k = 1 with ỹ uniform on ±1 and β = ỹ. Label noise acts on top, on the clean label. Implementations are immutable;
 * all randomness comes from the generator passed in, so {@link #draw} may run on two threads at once, each with its
 * own generator (the sketch draws the training and the test clusters concurrently).
 */
public interface SignalModel {

    /**
     * One cluster of the model.
     *
     * @param label  its clean label, -1 or +1
     * @param weight its probability, in (0, 1]; the weights of a model sum to 1
     * @param mean   β, its mean in units of ‖μ‖ on the axes e_1..e_k (length k; copied)
     */
    record Cluster(double label, double weight, double[] mean) {
        public Cluster {
            if (label != 1.0 && label != -1.0) {
                throw new IllegalArgumentException("Cluster.label: must be -1 or +1, got " + label);
            }
            if (!(weight > 0 && weight <= 1)) {
                throw new IllegalArgumentException("Cluster.weight: must be in (0, 1], got " + weight);
            }
            Objects.requireNonNull(mean, "mean");
            mean = mean.clone();
            for (double v : mean) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("Cluster.mean: must be finite, got " + Arrays.toString(mean));
                }
            }
        }

        /** A copy of β. */
        @Override
        public double[] mean() {
            return mean.clone();
        }

        /** β_a without a copy. */
        public double mean(int axis) {
            return mean[axis];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cluster c && c.label == label && c.weight == weight && Arrays.equals(c.mean, mean);
        }

        @Override
        public int hashCode() {
            return Objects.hash(label, weight, Arrays.hashCode(mean));
        }

        @Override
        public String toString() {
            return "Cluster[label=" + label + ", weight=" + weight + ", mean=" + Arrays.toString(mean) + "]";
        }
    }

    /** The clusters, in the order {@link #draw} numbers them; each mean of length {@link #dimension()}. */
    List<Cluster> clusters();

    /** k: the number of axes the means use (e_1..e_k), &gt;= 1. */
    int dimension();

    /**
     * Draws the cluster of one point: its index in {@link #clusters()}, with probability its weight.
     *
     * @param rng source of randomness (modified: advanced)
     */
    int draw(UniformRandomProvider rng);

    /**
     * The Bayes error on clean labels for isotropic Gaussian clusters N(0, I_p) at ‖μ‖ = {@code muNorm} (the error
     * of the best classifier, knowing the model), or NaN when the model does not declare it. With label flips
     * independent of x at rate η the Bayes error on noisy labels is η + (1 − 2η) times this.
     */
    double bayesErrorClean(double muNorm);

    /** Whether this is the paper's model, for which the assumptions A1-A6 and the theorems are stated. */
    default boolean paperModel() {
        return false;
    }

    /**
     * The paper's model (Section 2.2): ỹ uniform on ±1 (cluster 0: ỹ = +1, mean +e_1; cluster 1: ỹ = -1, mean -e_1),
     * drawn as {@code rng.nextBoolean() ? 0 : 1}, one draw; Bayes error Φ(−‖μ‖).
     */
    static SignalModel oneMean() {
        return OneMean.INSTANCE;
    }
}
