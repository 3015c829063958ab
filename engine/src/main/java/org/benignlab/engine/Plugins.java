package org.benignlab.engine;

import java.util.Objects;
import org.benignlab.api.Activation;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.Loss;
import org.benignlab.api.Optimizer;

/**
 * The plugin instances one run uses, one per extension point. None may be null.
 *
 * @param activation φ of the hidden layer
 * @param cluster    P_clust, the distribution of z in x = z + ỹ μ
 * @param noise      which labels flip (training set and test set)
 * @param loss       ℓ, with g = -ℓ'
 * @param optimizer  the update rule applied to the flat row-major array of W
 */
public record Plugins(Activation activation, ClusterDistribution cluster, LabelNoise noise, Loss loss,
                      Optimizer optimizer) {
    public Plugins {
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
    }
}
