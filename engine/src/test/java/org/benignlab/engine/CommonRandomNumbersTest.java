package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.benignlab.activations.impl.SmoothedLeakyRelu;
import org.benignlab.distributions.impl.IsotropicGaussian;
import org.benignlab.distributions.impl.RandomFlip;
import org.benignlab.optimizers.impl.GradientDescent;
import org.benignlab.optimizers.impl.LogisticLoss;
import org.junit.jupiter.api.Test;

/**
 * The engine's half of common random numbers: draws per index (a larger n, test size or width extends the
 * smaller one's draws) and every scale applied after drawing (ω, the second layer's magnitude).
 */
class CommonRandomNumbersTest {

    @Test
    void substreamsAreAFunctionOfTheSeedAndTheIndexOnly() {
        StreamSeed seed = StreamSeed.of(3, "x");
        long first = seed.substream(17).nextLong();
        seed.substream(4).nextLong(); // asking for other indices, in any order, changes nothing
        assertEquals(first, StreamSeed.of(3, "x").substream(17).nextLong());
        Set<Long> firsts = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            firsts.add(seed.substream(i).nextLong());
        }
        firsts.add(seed.generator().nextLong());
        firsts.add(seed.child("test").generator().nextLong());
        assertEquals(10_002, firsts.size(), "distinct indices and parts give distinct streams");
        assertNotEquals(seed.substream(0).nextLong(), StreamSeed.of(4, "x").substream(0).nextLong());
    }

    @Test
    void aWiderNetworkExtendsTheInitialWeightsAndSigns() {
        int p = 37;
        StreamSeed init = StreamSeed.of(5, "init");
        double[] narrow = DenseEngine.initialWeights(4, p, 0.5, init);
        double[] wide = DenseEngine.initialWeights(9, p, 0.5, init);
        for (int k = 0; k < 4 * p; k++) {
            assertEquals(narrow[k], wide[k], 0.0, "entry " + k);
        }
        double[][] rows = DenseEngine.initialWeightRows(9, p, 0.5, init);
        for (int j = 0; j < 9; j++) {
            for (int k = 0; k < p; k++) {
                assertEquals(wide[j * p + k], rows[j][k], 0.0, "the row form draws the same");
            }
        }
        StreamSeed signs = StreamSeed.of(5, "signs");
        double[] a4 = SecondLayer.paper(4).draw(4, signs.generator());
        double[] a9 = SecondLayer.paper(9).draw(9, signs.generator());
        for (int j = 0; j < 4; j++) {
            assertEquals(Math.signum(a4[j]), Math.signum(a9[j]), 0.0, "sign " + j);
        }
        double[] scaled = new SecondLayer(SecondLayer.Signs.RANDOM, 3.0).draw(9, signs.generator());
        for (int j = 0; j < 9; j++) {
            assertEquals(3.0 * Math.signum(a9[j]), scaled[j], 0.0, "the magnitude is applied after drawing");
        }
    }

    @Test
    void theInitScaleMultipliesStandardDraws() {
        StreamSeed init = StreamSeed.of(6, "init");
        double[] one = DenseEngine.initialWeights(3, 50, 1.0, init);
        double[] small = DenseEngine.initialWeights(3, 50, 0.125, init); // a power of two: exact
        for (int k = 0; k < one.length; k++) {
            assertEquals(one[k], small[k] / 0.125, 0.0, "W0 / ω at " + k);
        }
        double[] odd = DenseEngine.initialWeights(3, 50, 1e-3, init);
        for (int k = 0; k < one.length; k++) {
            assertEquals(one[k], odd[k] / 1e-3, 1e-15 * Math.abs(one[k]), "W0 / ω at " + k);
        }
    }

    /** The span engine's test set: a larger test set starts with the smaller one's points, labels and flips. */
    @Test
    void aLargerTestSetExtendsTheSmallerOne() {
        Plugins pl = new Plugins(new SmoothedLeakyRelu(0.1, 1.0), new IsotropicGaussian(),
                new RandomFlip(0.3), new LogisticLoss(), new GradientDescent(0.1));
        SpanProblem small = prepare(new TrainingSetup(6, 40, 3, 1.5, 7, 0.3, 0, 0, false, 1), pl);
        SpanProblem large = prepare(new TrainingSetup(6, 40, 3, 1.5, 30, 0.3, 0, 0, false, 1), pl);
        SpanProblem moreTrain = prepare(new TrainingSetup(9, 40, 3, 1.5, 7, 0.3, 0, 0, false, 1), pl);
        for (int t = 0; t < 7; t++) {
            assertEquals(small.test.cleanLabels()[t], large.test.cleanLabels()[t], 0.0);
            assertEquals(small.test.meanProjections()[t], large.test.meanProjections()[t], 0.0);
            for (int i = 0; i < 6; i++) {
                assertEquals(small.testK[t][i], large.testK[t][i], 1e-12 * 40, "X_test X^T at " + t + ", " + i);
                assertEquals(small.testK[t][i], moreTrain.testK[t][i], 1e-12 * 40, "more training points");
            }
        }
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(small.train.cleanLabels(), java.util.Arrays.copyOf(moreTrain.train.cleanLabels(), 6), 0.0);
            for (int j = 0; j < 3; j++) {
                assertEquals(small.z0[i][j], moreTrain.z0[i][j], 1e-12 * 40, "Z0 at " + i + ", " + j);
            }
        }
    }

    private static SpanProblem prepare(TrainingSetup s, Plugins pl) {
        SpanProblem d;
        try (ParallelNetworkOps ops = new ParallelNetworkOps(1)) {
            d = SpanEngine.prepare(s, pl, Fixture.streams(8), Products.preferred(), ops);
        }
        new SpanNetwork(d, Products.preferred(), null).awaitTest();
        return d;
    }
}
