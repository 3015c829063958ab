package org.benignlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.benignlab.api.Activation;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterProperties;
import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.Loss;
import org.benignlab.api.Optimizer;
import org.benignlab.engine.EngineChoice;
import org.benignlab.engine.EngineKind;
import org.benignlab.engine.Plugins;
import org.benignlab.engine.TrainingSetup;
import org.benignlab.testkit.Providers;
import org.junit.jupiter.api.Test;

/** auto takes sketch, then span, then dense: the fastest engine that is exact for the plugins. */
class EngineChoiceTest {

    static <T> T example(ExtensionPoint point, Class<T> kind, String type) {
        return Providers.examples(point, kind).stream().filter(e -> e.type().equals(type)).findFirst()
                .orElseThrow().instance();
    }

    static final Activation PHI = example(ExtensionPoint.ACTIVATION, Activation.class, "smoothed-leaky-relu");
    static final ClusterDistribution GAUSSIAN = example(ExtensionPoint.CLUSTER, ClusterDistribution.class, "gaussian");
    static final LabelNoise FLIPS = example(ExtensionPoint.LABEL_NOISE, LabelNoise.class, "random-flip");
    static final Loss LOGISTIC = example(ExtensionPoint.LOSS, Loss.class, "logistic");
    static final Optimizer GD = example(ExtensionPoint.OPTIMIZER, Optimizer.class, "gd");

    /** Sign descent: not a linear combination of past gradients. */
    static final Optimizer SIGN = new Optimizer() {
        @Override
        public State start(int dimension) {
            return (t, params, gradient) -> {
                for (int k = 0; k < params.length; k++) {
                    params[k] -= 1e-3 * Math.signum(gradient[k]);
                }
            };
        }

        @Override
        public boolean linearInGradients() {
            return false;
        }
    };

    /** A product cluster distribution that is not Gaussian (Rademacher coordinates). */
    static final ClusterDistribution RADEMACHER = new ClusterDistribution() {
        @Override
        public void sample(org.apache.commons.rng.UniformRandomProvider rng, double[] out) {
            for (int k = 0; k < out.length; k++) {
                out[k] = rng.nextBoolean() ? 1 : -1;
            }
        }

        @Override
        public ClusterProperties properties() {
            return new ClusterProperties(true, 1.0, 0.0, 1.0, false);
        }
    };

    static TrainingSetup setup(int n, int p, int m) {
        return new TrainingSetup(n, p, m, 3.0, 10, 1e-12, 10, 0, false, 5);
    }

    @Test
    void autoPrefersSketchThenSpanThenDense() {
        assertEquals("sketch", EngineChoice.choose("auto", new Plugins(PHI, GAUSSIAN, FLIPS, LOGISTIC, GD),
                setup(100, 100_000, 100)).name());
        EngineChoice span = EngineChoice.choose("auto", new Plugins(PHI, RADEMACHER, FLIPS, LOGISTIC, GD),
                setup(100, 100_000, 100));
        assertEquals("span", span.name());
        assertTrue(span.reason().contains("sketch: "), "says why sketch was not taken: " + span.reason());
        EngineChoice dense = EngineChoice.choose("auto", new Plugins(PHI, GAUSSIAN, FLIPS, LOGISTIC, SIGN),
                setup(100, 100_000, 100));
        assertEquals("dense", dense.name());
        assertTrue(dense.reason().contains("span: "), dense.reason());
        // p <= n: a span step is no cheaper than a dense one
        assertEquals("dense", EngineChoice.choose("auto", new Plugins(PHI, RADEMACHER, FLIPS, LOGISTIC, GD),
                setup(100, 50, 10)).name());
    }

    @Test
    void anEngineThatIsNotExactIsAnInputError() {
        EngineChoice.Refused e = assertThrows(EngineChoice.Refused.class, () -> EngineChoice.choose("span",
                new Plugins(PHI, GAUSSIAN, FLIPS, LOGISTIC, SIGN), setup(10, 1000, 10)));
        assertTrue(e.getMessage().startsWith("'span' cannot run this experiment exactly: "), e.getMessage());
        assertEquals(java.util.List.of("dense"), e.exact(), "sketch is out too: the optimiser is not linear");
        EngineChoice.Refused s = assertThrows(EngineChoice.Refused.class, () -> EngineChoice.choose("sketch",
                new Plugins(PHI, RADEMACHER, FLIPS, LOGISTIC, GD), setup(10, 1000, 10)));
        assertEquals(java.util.List.of("span", "dense"), s.exact(), s.getMessage());
        assertEquals("dense", EngineChoice.choose("dense", new Plugins(PHI, RADEMACHER, FLIPS, LOGISTIC, SIGN),
                setup(10, 1000, 10)).name());
    }

    @Test
    void theChoiceHoldsEveryEnginesExactnessAndTheAlternatives() {
        EngineChoice span = EngineChoice.choose("auto", new Plugins(PHI, RADEMACHER, FLIPS, LOGISTIC, GD),
                setup(100, 100_000, 100));
        assertTrue(span.exactness().get(EngineKind.SKETCH).orElseThrow().contains("not isotropic Gaussian"));
        assertTrue(span.exactness().get(EngineKind.SPAN).isEmpty());
        assertEquals(java.util.List.of(EngineKind.DENSE), span.exactAlternatives());
        assertEquals(java.util.List.of("auto", "sketch", "span", "dense"), EngineChoice.words());
    }
}
