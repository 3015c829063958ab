package org.benignlab.engine;

import java.util.Objects;
import org.benignlab.api.Activation;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.Loss;
import org.benignlab.api.Optimizer;
import org.benignlab.api.SignalModel;

/**
 * The plugin instances one run uses, one per extension point. None may be null.
 *
 * @param activation φ of the hidden layer
 * @param cluster    P_clust, the distribution of z in x = z + (the point's mean)
 * @param noise      which labels flip (training set and test set)
 * @param loss       ℓ, with g = -ℓ'
 * @param optimizer  the update rule applied to the flat row-major array of W
 * @param signal     how the clean label and the mean of a point are drawn ({@link SignalModel#oneMean()}: the paper's)
 */
public record Plugins(Activation activation, ClusterDistribution cluster, LabelNoise noise, Loss loss,
                      Optimizer optimizer, SignalModel signal) {

    /** The plugins of the paper's data model ({@link SignalModel#oneMean()}). */
    public Plugins(Activation activation, ClusterDistribution cluster, LabelNoise noise, Loss loss,
                   Optimizer optimizer) {
        this(activation, cluster, noise, loss, optimizer, SignalModel.oneMean());
    }

    public Plugins {
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(signal, "signal");
    }
}
