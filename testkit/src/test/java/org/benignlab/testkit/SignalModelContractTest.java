package org.benignlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToIntFunction;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.SignalModel;
import org.junit.jupiter.api.Test;

/** The signal-model contract accepts the paper's model and an honest XOR, and rejects each kind of broken model. */
class SignalModelContractTest {
    static final long SEED = 20240124L;
    static final int DRAWS = 40_000;

    static final List<SignalModel.Cluster> XOR = List.of(new SignalModel.Cluster(1, 0.25, new double[] {1, 0}),
            new SignalModel.Cluster(1, 0.25, new double[] {-1, 0}), new SignalModel.Cluster(-1, 0.25, new double[] {0, 1}),
            new SignalModel.Cluster(-1, 0.25, new double[] {0, -1}));

    /** A model of the given clusters, dimension, draw and declared Bayes error. */
    record Model(List<SignalModel.Cluster> clusters, int dimension, ToIntFunction<UniformRandomProvider> drawer,
                 DoubleUnaryOperator bayes) implements SignalModel {
        /** Declaring no Bayes error. */
        Model(List<SignalModel.Cluster> clusters, int dimension, ToIntFunction<UniformRandomProvider> drawer) {
            this(clusters, dimension, drawer, mu -> Double.NaN);
        }

        @Override
        public int draw(UniformRandomProvider rng) {
            return drawer.applyAsInt(rng);
        }

        @Override
        public double bayesErrorClean(double muNorm) {
            return bayes.applyAsDouble(muNorm);
        }
    }

    @Test
    void acceptsTheDefaultAndAnHonestXor() {
        assertEquals(Optional.empty(), SignalModelContract.check(SignalModel.oneMean(), SEED, DRAWS));
        assertEquals(Optional.empty(), SignalModelContract.check(new Model(XOR, 2, rng -> rng.nextInt(4)), SEED, DRAWS));
    }

    @Test
    void rejectsAClusterThatIsNeverDrawn() {
        Optional<String> r = SignalModelContract.check(new Model(XOR, 2, rng -> rng.nextInt(3)), SEED, DRAWS);
        assertTrue(r.orElseThrow().startsWith("frequencies: cluster 0"), r.orElseThrow());
    }

    @Test
    void rejectsWeightsThatAreNotTheFrequencies() {
        // declared 1/4 each, drawn 0.4, 0.1, 0.25, 0.25
        Optional<String> r = SignalModelContract.check(new Model(XOR, 2, rng -> {
            double u = rng.nextDouble();
            return u < 0.4 ? 0 : u < 0.5 ? 1 : u < 0.75 ? 2 : 3;
        }), SEED, DRAWS);
        assertTrue(r.orElseThrow().startsWith("frequencies: cluster 0 drawn in a fraction 0.4"), r.orElseThrow());
    }

    @Test
    void rejectsAnIndexOutsideTheClusters() {
        Optional<String> r = SignalModelContract.check(new Model(XOR, 2, rng -> rng.nextInt(5)), SEED, DRAWS);
        assertTrue(r.orElseThrow().startsWith("frequencies: draw"), r.orElseThrow());
    }

    @Test
    void rejectsMeansOfAnotherDimensionAndWeightsNotSummingToOne() {
        assertTrue(SignalModelContract.checkDeclarations(new Model(XOR, 3, rng -> 0)).orElseThrow()
                .startsWith("declarations: cluster 0 has a mean of length 2, dimension() is 3"));
        List<SignalModel.Cluster> heavy = List.of(new SignalModel.Cluster(1, 0.75, new double[] {1}),
                new SignalModel.Cluster(-1, 0.5, new double[] {-1}));
        assertTrue(SignalModelContract.checkDeclarations(new Model(heavy, 1, rng -> 0)).orElseThrow()
                .startsWith("declarations: the weights sum to 1.25"));
    }

    @Test
    void rejectsDrawsThatDependOnStateKeptBetweenCalls() {
        int[] calls = {0};
        Optional<String> r = SignalModelContract.checkDeterminism(new Model(XOR, 2, rng -> {
            rng.nextInt(4);
            return calls[0]++ % 4;
        }), SEED);
        assertTrue(r.orElseThrow().startsWith("determinism:"), r.orElseThrow());
    }

    @Test
    void rejectsABayesErrorThatGrowsWithTheSignal() {
        SignalModel honest = new Model(XOR, 2, rng -> rng.nextInt(4));
        SignalModel growing = new Model(XOR, 2, rng -> rng.nextInt(4), mu -> 0.1 + mu / 10);
        assertEquals(Optional.empty(), SignalModelContract.checkDeclarations(honest));
        assertTrue(SignalModelContract.checkDeclarations(growing).orElseThrow().startsWith("declarations: Bayes error"));
    }
}
