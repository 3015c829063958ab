package org.benignlab.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.Activation;
import org.benignlab.api.ActivationProvider;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterDistributionProvider;
import org.benignlab.api.ClusterProperties;
import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.LabelNoiseProvider;
import org.benignlab.api.Loss;
import org.benignlab.api.LossProvider;
import org.benignlab.api.NoSpec;
import org.benignlab.api.NoiseContext;
import org.benignlab.api.Optimizer;
import org.benignlab.api.OptimizerProvider;
import org.benignlab.api.Provider;
import org.benignlab.testkit.SignDescent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The ready-made test classes pass an honest plugin and fail one that declares a property it lacks,
 * with a message naming the property and a shrunk counterexample (QuickTheories' report).
 */
class AbstractContractTestsTest {

    /** Fakes written as a real plugin would be: the Base of their extension point, no parameters. */
    static final class FakeActivation extends ActivationProvider.Base<NoSpec> {
        FakeActivation(Supplier<Activation> make) {
            super("fake-activation", NoSpec.class, s -> make.get(), "fake");
        }
    }

    static final class FakeCluster extends ClusterDistributionProvider.Base<NoSpec> {
        FakeCluster(ClusterDistribution d) {
            super("fake-cluster", NoSpec.class, s -> d, "fake");
        }
    }

    /** Declares {@code props} besides what the model declares itself. */
    static final class FakeNoise extends LabelNoiseProvider.Base<NoSpec> {
        FakeNoise(LabelNoise n, Map<String, String> props) {
            super("fake-noise", NoSpec.class, s -> n, "fake");
            props.forEach(this::note);
        }
    }

    static final class FakeLoss extends LossProvider.Base<NoSpec> {
        FakeLoss(Loss l) {
            super("fake-loss", NoSpec.class, s -> l, "fake");
        }
    }

    static final class FakeOptimizer extends OptimizerProvider.Base<NoSpec> {
        FakeOptimizer(Optimizer o) {
            super("fake-optimizer", NoSpec.class, s -> o, "fake");
        }
    }

    /** γz + (1-γ)tanh(z) with γ = 0.2, declaring the given leakiness. */
    static Activation leakyTanh(double declaredGamma) {
        double g = 0.2;
        return new Activation() {
            public double value(double z) {
                return g * z + (1 - g) * Math.tanh(z);
            }

            public double derivative(double z) {
                double c = Math.cosh(z);
                return g + (1 - g) / (c * c);
            }

            public double secondDerivative(double z) {
                double c = Math.cosh(z);
                return -2 * (1 - g) * Math.tanh(z) / (c * c);
            }

            public OptionalDouble leakiness() {
                return OptionalDouble.of(declaredGamma);
            }

            public OptionalDouble smoothness() {
                return OptionalDouble.of(1);
            }
        };
    }

    static AbstractActivationContractTest activationTest(Provider<?, ?> p) {
        return new AbstractActivationContractTest() {
            @Override
            protected Provider<?, ?> provider() {
                return p;
            }
        };
    }

    /** Runs {@code test}, expects an AssertionError and returns its message. */
    static String failure(Executable test) {
        AssertionError e = assertThrows(AssertionError.class, test);
        return e.getMessage();
    }

    @Test
    void honestActivationPassesEveryTest() {
        AbstractActivationContractTest t = activationTest(new FakeActivation(() -> leakyTanh(0.2)));
        t.providerContract();
        t.declarationsAreSane();
        t.contractHoldsAtInterestingPoints();
        t.contractHoldsAtGeneratedPoints();
    }

    @Test
    void overstatedLeakinessFailsNamingThePropertyAndACounterexample() {
        AbstractActivationContractTest t = activationTest(new FakeActivation(() -> leakyTanh(0.3)));
        t.declarationsAreSane(); // 0.3 is a sane value; only the function shows it is wrong
        String m = failure(t::contractHoldsAtGeneratedPoints);
        assertTrue(m.contains("leakiness γ = 0.3: φ'("), m);
        assertTrue(m.contains("Smallest found falsifying value"), "QuickTheories' shrunk counterexample: " + m);
    }

    @Test
    void specsOverrideChecksEverySpec() {
        List<Record> seen = new java.util.ArrayList<>();
        AbstractActivationContractTest t = new AbstractActivationContractTest() {
            @Override
            protected Provider<?, ?> provider() {
                return new FakeActivation(() -> leakyTanh(0.2));
            }

            @Override
            protected List<? extends Record> specs() {
                List<NoSpec> specs = List.of(new NoSpec(), new NoSpec());
                seen.addAll(specs);
                return specs;
            }
        };
        t.contractHoldsAtInterestingPoints();
        assertEquals(2, seen.size());
    }

    /** Each coordinate N(0, 1) times a scale shared by the draw: uncorrelated, not independent. */
    static ClusterDistribution sharedScale(boolean product) {
        return new ClusterDistribution() {
            public void sample(UniformRandomProvider rng, double[] out) {
                double r = rng.nextBoolean() ? 0.5 : 1.5;
                for (int j = 0; j < out.length; j++) {
                    double u = 1 - rng.nextDouble();
                    out[j] = r * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
                }
            }

            public ClusterProperties properties() {
                return new ClusterProperties(product, Double.NaN, 0, 1, false);
            }
        };
    }

    /** The ready-made cluster test of {@code d}, with two generated examples. */
    static AbstractClusterDistributionContractTest clusterTest(ClusterDistribution d) {
        return new AbstractClusterDistributionContractTest() {
            @Override
            protected Provider<?, ?> provider() {
                return new FakeCluster(d);
            }

            @Override
            protected int examples() {
                return 2;
            }
        };
    }

    @Test
    void clusterTestsPassHonestAndFailFalseProductClaims() {
        AbstractClusterDistributionContractTest honest = clusterTest(sharedScale(false));
        honest.providerContract();
        honest.declarationsAreSane();
        honest.drawsHaveTheDeclaredProperties();
        AbstractClusterDistributionContractTest lying = clusterTest(sharedScale(true));
        String m = failure(lying::drawsHaveTheDeclaredProperties);
        assertTrue(m.contains("product: coordinates"), m);
    }

    /** Each label flips with probability p; declares rate. */
    static LabelNoise bernoulli(double p, double rate) {
        return new LabelNoise() {
            public boolean[] flips(NoiseContext c, UniformRandomProvider rng) {
                boolean[] f = new boolean[c.size()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = rng.nextDouble() < p;
                }
                return f;
            }

            public double rate() {
                return rate;
            }

            public boolean adversarial() {
                return false;
            }
        };
    }

    static AbstractLabelNoiseContractTest noiseTest(LabelNoise n, Map<String, String> props) {
        return new AbstractLabelNoiseContractTest() {
            @Override
            protected Provider<?, ?> provider() {
                return new FakeNoise(n, props);
            }
        };
    }

    @Test
    void noiseTestsCheckTheRateAndExactCounts() {
        AbstractLabelNoiseContractTest honest = noiseTest(bernoulli(0.1, 0.1), Map.of());
        honest.providerContract();
        honest.declarationsAreSane();
        honest.flipsMatchTheDeclarations();
        String m = failure(noiseTest(bernoulli(0.15, 0.1), Map.of())::flipsMatchTheDeclarations);
        assertTrue(m.contains("rate η = 0.1: flipped"), m);
        // random flips at the right rate, but claiming an exact count
        AbstractLabelNoiseContractTest exact = noiseTest(bernoulli(0.1, 0.1),
                Map.of(org.benignlab.testkit.LabelNoiseContract.EXACT_COUNT_PROPERTY, "exactly ⌈rate·n⌉"));
        assertTrue(exact.exactCount());
        assertTrue(failure(exact::flipsMatchTheDeclarations).contains("exact count: flipped"));
    }

    @Test
    void lossAndOptimizerTestsFailUndeservedClaims() {
        Loss sigmoid = new Loss() {
            public double value(double z) {
                return 1 / (1 + Math.exp(z));
            }

            public double derivative(double z) {
                double e = Math.exp(-Math.abs(z));
                return -e / ((1 + e) * (1 + e));
            }
        };
        AbstractLossContractTest loss = new AbstractLossContractTest() {
            @Override
            protected Provider<?, ?> provider() {
                return new FakeLoss(sigmoid);
            }
        };
        loss.providerContract();
        assertTrue(failure(loss::contractHoldsAtGeneratedMargins).contains("convex: "));

        AbstractOptimizerContractTest opt = new AbstractOptimizerContractTest() {
            @Override
            protected Provider<?, ?> provider() {
                return new FakeOptimizer(new SignDescent(true));
            }
        };
        opt.smallStepsDecreaseAConvexQuadratic(); // it is a descent method
        assertTrue(failure(opt::updatesAreDeterministicAndAsLinearAsDeclared).contains("linear in gradients: "));
    }

    @Test
    void everyProviderMakesOneTestPerRegisteredProvider() throws Throwable {
        // the test resources register two activation providers (FakeProviders) and nothing else
        List<DynamicTest> tests = EveryProvider.tests(ExtensionPoint.ACTIVATION).toList();
        assertEquals(List.of("activations: half-linear", "activations: zz-linear"),
                tests.stream().map(DynamicTest::getDisplayName).toList());
        for (DynamicTest t : tests) {
            t.getExecutable().execute();
        }
        AssertionError none = assertThrows(AssertionError.class, () -> EveryProvider.tests(ExtensionPoint.LOSS));
        assertTrue(none.getMessage().contains("no losses provider found"), none.getMessage());
    }
}
