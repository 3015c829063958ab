package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.benignlab.activations.impl.SmoothedLeakyRelu;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.Optimizer;
import org.benignlab.distributions.impl.IsotropicGaussian;
import org.benignlab.distributions.impl.Rademacher;
import org.benignlab.distributions.impl.RandomFlip;
import org.benignlab.optimizers.impl.GradientDescent;
import org.benignlab.optimizers.impl.LogisticLoss;
import org.benignlab.optimizers.impl.Momentum;
import org.junit.jupiter.api.Test;

class EnginesTest {
    private static final ClusterDistribution GAUSS = new IsotropicGaussian();
    private static final LabelNoise FLIPS = new RandomFlip(0.1);
    private static final Optimizer GD = new GradientDescent(0.01);

    private static Plugins plugins(ClusterDistribution cluster, LabelNoise noise, Optimizer optimizer) {
        return new Plugins(new SmoothedLeakyRelu(0.1, 1.0), cluster, noise, new LogisticLoss(),
                optimizer);
    }

    private static TrainingSetup setup(int n, int p, int m) {
        return new TrainingSetup(n, p, m, 3.0, 10, 1e-3, 10, 0, false, 5);
    }

    @Test
    void everyEngineRunsTheGaussianGradientDescentCase() {
        for (String name : Engines.NAMES) {
            assertEquals(Optional.empty(), Engines.unsupported(name, plugins(GAUSS, FLIPS, GD), setup(10, 100, 5)), name);
        }
    }

    @Test
    void denseNeedsWAsOneArray() {
        assertEquals(Optional.of("width * p = 100 * 1000000000 = 100000000000 exceeds the largest Java array "
                        + "(2147483639; W is one array)"),
                Engines.unsupported("dense", plugins(GAUSS, FLIPS, GD), setup(10, 1_000_000_000, 100)));
        assertEquals(Optional.empty(), Engines.unsupported("dense", plugins(new Rademacher(),
                new TestPlugins.SecondCoordinateFlips(0), new TestPlugins.SignDescent(1e-3)), setup(10, 5, 5)));
    }

    @Test
    void spanNeedsAnOptimizerLinearInPastGradients() {
        assertEquals(Optional.of("optimizer SignDescent is not linear in past gradients"),
                Engines.unsupported("span", plugins(GAUSS, FLIPS, new TestPlugins.SignDescent(1e-3)), setup(10, 100, 5)));
        // any cluster, features and p <= n are fine
        assertEquals(Optional.empty(), Engines.unsupported("span", plugins(new Rademacher(),
                new TestPlugins.SecondCoordinateFlips(0), new Momentum(0.1, 0.9, false)), setup(10, 5, 50)));
    }

    @Test
    void sketchReasonsAreEachNamedAndJoined() {
        assertEquals(Optional.of("cluster distribution Rademacher is not isotropic Gaussian"),
                Engines.unsupported("sketch", plugins(new Rademacher(), FLIPS, GD), setup(10, 100, 5)));
        assertEquals(Optional.of("label noise SecondCoordinateFlips reads the feature vectors, which the sketch "
                        + "never forms"),
                Engines.unsupported("sketch", plugins(GAUSS, new TestPlugins.SecondCoordinateFlips(0), GD),
                        setup(10, 100, 5)));
        assertEquals(Optional.of("optimizer SignDescent is not linear in past gradients"),
                Engines.unsupported("sketch", plugins(GAUSS, FLIPS, new TestPlugins.SignDescent(1e-3)),
                        setup(10, 100, 5)));
        // p - 1 >= n + m: 15 is the smallest p for n + m = 14
        assertEquals(Optional.empty(), Engines.unsupported("sketch", plugins(GAUSS, FLIPS, GD), setup(10, 15, 4)));
        assertEquals(Optional.of("p - 1 = 13 < n + m = 14 (the Bartlett decomposition of Wishart_{n+m}(p - 1) "
                        + "needs p - 1 >= n + m)"),
                Engines.unsupported("sketch", plugins(GAUSS, FLIPS, GD), setup(10, 14, 4)));
        String all = Engines.unsupported("sketch", plugins(new Rademacher(),
                new TestPlugins.SecondCoordinateFlips(0), new TestPlugins.SignDescent(1e-3)), setup(10, 14, 4))
                .orElseThrow();
        assertEquals(4, all.split("; ").length, all);
        assertTrue(all.startsWith("cluster distribution Rademacher"), all);
    }

    @Test
    void anonymousPluginsAreNamedByTheirClassName() {
        Optimizer anonymous = new Optimizer() {
            @Override
            public State start(int dimension) {
                return (t, params, gradient) -> {
                };
            }

            @Override
            public boolean linearInGradients() {
                return false;
            }
        };
        String why = Engines.unsupported("span", plugins(GAUSS, FLIPS, anonymous), setup(5, 10, 2)).orElseThrow();
        assertTrue(why.startsWith("optimizer org.benignlab.engine.EnginesTest$"), why);
    }

    @Test
    void createKnowsTheThreeNames() {
        assertEquals(List.of("dense", "sketch", "span"), Engines.NAMES);
        assertInstanceOf(DenseEngine.class, Engines.create("dense", 2));
        assertInstanceOf(SpanEngine.class, Engines.create("span", 1));
        assertInstanceOf(SketchEngine.class, Engines.create("sketch", 3));
        for (String name : Engines.NAMES) {
            assertEquals(name, Engines.create(name, 1).name());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Engines.create("auto", 1));
        assertEquals("unknown engine 'auto'; known engines: [dense, sketch, span]", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Engines.unsupported("Dense", plugins(GAUSS, FLIPS, GD), setup(5, 10, 2)));
        assertThrows(IllegalArgumentException.class, () -> Engines.create("span", 0));
    }
}
