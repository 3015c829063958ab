package org.benignlab.api;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/** {@link SignalModel#oneMean()}: the paper's model. */
final class OneMean implements SignalModel {
    static final OneMean INSTANCE = new OneMean();

    private static final List<Cluster> CLUSTERS = List.of(new Cluster(1.0, 0.5, new double[] {1.0}),
            new Cluster(-1.0, 0.5, new double[] {-1.0}));

    private OneMean() {
    }

    @Override
    public List<Cluster> clusters() {
        return CLUSTERS;
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public int draw(UniformRandomProvider rng) {
        return rng.nextBoolean() ? 0 : 1;
    }

    /** Φ(−‖μ‖) = erfc(‖μ‖/√2)/2. */
    @Override
    public double bayesErrorClean(double muNorm) {
        return 0.5 * org.apache.commons.math3.special.Erf.erfc(muNorm / Math.sqrt(2.0));
    }

    @Override
    public boolean paperModel() {
        return true;
    }

    @Override
    public String toString() {
        return "one-mean";
    }
}
