package org.benignlab.distributions.impl;

import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.SignalModel;

/**
 * XOR cluster data (Xu, Wang, Frei, Vardi, Hu, ICLR 2024): cluster 0 and 1 have means +e_1 and −e_1 and label +1,
 * clusters 2 and 3 have means +e_2 and −e_2 and label −1 (in units of ‖μ‖), each drawn with probability 1/4 by one
 * {@code rng.nextInt(4)}.
 *
 * <p><b>Bayes error</b> for clusters N(0, I_p): the class densities on the first two coordinates are
 * proportional to cosh(‖μ‖x_1) and cosh(‖μ‖x_2), so the best rule is sign(|x_1| − |x_2|) =
 * sign(|⟨μ_1, x⟩| − |⟨μ_2, x⟩|), and its error is P(|‖μ‖ + G_1| &lt; |G_2|) for independent standard normals.
 * With U = (G_2 − Y)/√2 and V = (G_2 + Y)/√2 for Y = ‖μ‖ + G_1 (independent, N(∓‖μ‖/√2, 1)), |G_2| &gt; |Y| iff
 * UV &gt; 0, so the error is 2Φ(‖μ‖/√2)Φ(−‖μ‖/√2) (1/2 at ‖μ‖ = 0).
 */
public final class XorSignal implements SignalModel {
    /** The one instance (the model has no parameters). */
    public static final XorSignal INSTANCE = new XorSignal();

    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);
    private static final List<Cluster> CLUSTERS = List.of(
            new Cluster(1.0, 0.25, new double[] {1.0, 0.0}),
            new Cluster(1.0, 0.25, new double[] {-1.0, 0.0}),
            new Cluster(-1.0, 0.25, new double[] {0.0, 1.0}),
            new Cluster(-1.0, 0.25, new double[] {0.0, -1.0}));

    private XorSignal() {
    }

    @Override
    public List<Cluster> clusters() {
        return CLUSTERS;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public int draw(UniformRandomProvider rng) {
        return rng.nextInt(4);
    }

    @Override
    public double bayesErrorClean(double muNorm) {
        double t = muNorm / Math.sqrt(2.0);
        return 2 * STANDARD.cumulativeProbability(t) * STANDARD.cumulativeProbability(-t);
    }

    @Override
    public String toString() {
        return "xor";
    }
}
