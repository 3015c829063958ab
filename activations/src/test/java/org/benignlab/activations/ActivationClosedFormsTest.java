package org.benignlab.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiFunction;

import org.benignlab.activations.impl.Tanh;
import org.benignlab.api.Activation;
import org.benignlab.api.NoSpec;
import org.benignlab.testkit.ActivationContract;
import org.benignlab.testkit.junit.ContractAssertions;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The activations besides equation (1) (that one is {@link SmoothedLeakyReluTest}): leaky-relu, identity, relu, tanh,
 * softplus-leaky and huberized-relu; closed forms, declarations, and the contract over random specs.
 */
class ActivationClosedFormsTest {

    static final long SEED = 0x5eed_0004L;

    /** γ in (0, 1], with γ = 1 and tiny γ drawn often. */
    static final Gen<Double> GAMMA = Generate.frequency(List.of(
            Pair.of(6, doubles().between(1e-3, 1)),
            Pair.of(1, Generate.constant(1.0)),
            Pair.of(1, doubles().between(1e-6, 1e-3))));

    /** H log-uniform on [1e-2, 1e3]. */
    static final Gen<Double> H = doubles().between(-2, 3).map(e -> Math.pow(10, e));

    /** The same functions, declaring a leakiness they do not have. */
    static Activation claimingLeakiness(Activation a, double gamma) {
        return new Activation() {
            public double value(double z) {
                return a.value(z);
            }

            public double derivative(double z) {
                return a.derivative(z);
            }

            public double secondDerivative(double z) {
                return a.secondDerivative(z);
            }

            public OptionalDouble leakiness() {
                return OptionalDouble.of(gamma);
            }

            public OptionalDouble smoothness() {
                return a.smoothness();
            }

            @Override
            public double[] kinks() {
                return a.kinks();
            }
        };
    }

    @Test
    void reluIsMaxOfZeroAndZAndDeclaresNoLeakiness() {
        Activation a = new ReluProvider().create(new NoSpec());
        assertEquals(0.0, a.value(-3));
        assertEquals(2.5, a.value(2.5));
        assertEquals(0.0, a.derivative(-1e-300));
        assertEquals(1.0, a.derivative(0));
        assertArrayEquals(new double[] {0}, a.kinks());
        assertTrue(a.leakiness().isEmpty() && a.smoothness().isEmpty());
        assertTrue(new ReluProvider().properties().get("paper_assumptions").startsWith("no"));
        // were it to claim leakiness, the contract would name it
        Optional<String> r = ActivationContract.check(claimingLeakiness(a, 0.01), -1);
        assertTrue(r.orElseThrow().startsWith("leakiness γ = 0.01: "), r.get());
    }

    @Test
    void tanhIsSmoothWithTheExactBoundButNotLeaky() {
        Activation a = new TanhProvider().create(new NoSpec());
        double peak = 0.5 * Math.log((1 + 1 / Math.sqrt(3)) / (1 - 1 / Math.sqrt(3))); // atanh(1/√3)
        assertEquals(Tanh.SMOOTHNESS, Math.abs(a.secondDerivative(peak)), 1e-15);
        assertEquals(Tanh.SMOOTHNESS, a.smoothness().getAsDouble());
        assertEquals(1.0, a.derivative(0));
        assertTrue(a.derivative(20) < 1e-16 && a.derivative(20) > 0, "φ' -> 0 but stays positive: " + a.derivative(20));
        assertEquals(0.0, a.derivative(400)); // sech² underflows to 0, never NaN
        assertTrue(a.leakiness().isEmpty());
        qt().withFixedSeed(SEED).withExamples(2000).forAll(doubles().between(-30, 30))
                .checkAssert(z -> assertEquals(1 - Math.tanh(z) * Math.tanh(z), a.derivative(z), 1e-15));
        // any γ > 0 it might claim fails where φ' < γ
        Optional<String> r = ActivationContract.checkAll(claimingLeakiness(a, 0.05), -10, -2, 0, 3);
        assertTrue(r.orElseThrow().startsWith("leakiness γ = 0.05: "), r.get());
        assertEquals("no: not leaky", new TanhProvider().properties().get("paper_assumptions"));
    }

    @Test
    void softplusLeakyWithDefaultsIsTheFormulaOfTheIssue() {
        SoftplusLeakySpec s = new SoftplusLeakyProvider().exampleSpec();
        assertEquals(0.1, s.gamma());
        assertEquals(0.25, s.H());
        Activation a = new SoftplusLeakyProvider().create(s);
        qt().withFixedSeed(SEED + 1).withExamples(2000).forAll(doubles().between(-30, 30)).checkAssert(z -> {
            double expected = 0.1 * z + 0.9 * (Math.log1p(Math.exp(z)) - Math.log(2));
            assertEquals(expected, a.value(z), 1e-13 * Math.max(1, Math.abs(z)));
        });
        assertEquals(0.0, a.value(0));
        assertEquals(0.55, a.derivative(0), 1e-15);      // γ + (1-γ)/2
        assertEquals(0.225, a.secondDerivative(0), 1e-15); // (1-γ)H, the maximum
        assertEquals(1.0, a.derivative(1e3));
        assertEquals(0.1, a.derivative(-1e3));
        assertEquals(0, a.kinks().length);
    }

    /** More checks of one activation made from (γ, H). */
    interface SpecChecks {
        void check(Activation a, double gamma, double h);
    }

    /**
     * For 300 (γ, H) drawn from {@link #GAMMA} and {@link #H} with QuickTheories' seed {@code seed}: the activation
     * {@code make} gives passes the contract at its interesting points, then {@code more}.
     */
    static void contractForRandomSpecs(long seed, BiFunction<Double, Double, Activation> make, SpecChecks more) {
        qt().withFixedSeed(seed).withExamples(300).forAll(GAMMA, H).checkAssert((gamma, h) -> {
            Activation a = make.apply(gamma, h);
            assertEquals(Optional.empty(), ActivationContract.checkAll(a, ActivationContract.interestingPoints(a)),
                    "γ = " + gamma + ", H = " + h);
            more.check(a, gamma, h);
        });
    }

    @Test
    void softplusLeakyMeetsTheContractWithContinuousSecondDerivative() {
        contractForRandomSpecs(SEED + 2,
                (gamma, h) -> new SoftplusLeakyProvider().create(new SoftplusLeakySpec(gamma, h)),
                (a, gamma, h) -> {
                    for (double u : new double[] {-5, -1, -0.1, 0, 0.3, 2, 8}) {
                        double z = u / h;
                        assertEquals(Optional.empty(), ActivationContract.check(a, z), "γ = " + gamma + ", H = " + h);
                        // φ'' continuous: no jump across any point
                        assertEquals(a.secondDerivative(z), a.secondDerivative(Math.nextUp(z)), 1e-9 * h);
                        // uniformly close to leaky ReLU: 0 <= max(γz, z) - φ(z) <= (1-γ) log 2 / (4H)
                        double gap = Math.max(gamma * z, z) - a.value(z);
                        double rounding = 8 * Math.ulp(Math.max(1, Math.abs(z)));
                        assertTrue(gap >= -rounding && gap <= (1 - gamma) * Math.log(2) / (4 * h) + rounding,
                                "gap " + gap);
                    }
                });
    }

    @Test
    void huberizedReluClosedForms() {
        Activation a = new HuberizedReluProvider().create(new HuberizedReluSpec(0.2, 2.0));
        assertEquals(-0.6, a.value(-3), 1e-15);
        assertEquals(0.2 * 0.25 + 0.8 * 2 * 0.0625 / 2, a.value(0.25), 1e-15);
        assertEquals(0.5 - 0.8 / 4, a.value(0.5), 1e-15); // z - (1-γ)/(2H) at the break point 1/H
        assertEquals(3 - 0.2, a.value(3), 1e-15);
        assertEquals(0.2, a.derivative(0));
        assertEquals(0.2 + 0.8 * 2 * 0.25, a.derivative(0.25), 1e-15);
        assertEquals(1.0, a.derivative(0.5));
        assertEquals(1.6, a.secondDerivative(0.1), 1e-15);  // (1-γ)H
        assertEquals(0.0, a.secondDerivative(-0.1));
        assertEquals(2.0, a.smoothness().getAsDouble());
        assertEquals(0, a.kinks().length);
    }

    @Test
    void huberizedReluMeetsTheContractForRandomSpecs() {
        contractForRandomSpecs(SEED + 3,
                (gamma, h) -> new HuberizedReluProvider().create(new HuberizedReluSpec(gamma, h)),
                (a, gamma, h) -> {
                    for (double b : new double[] {0, 1 / h}) {
                        double tol = 2 * Math.ulp(Math.max(1, b)) + 8 * Math.ulp(Math.max(1, Math.abs(a.value(b))));
                        assertTrue(Math.abs(a.value(Math.nextUp(b)) - a.value(Math.nextDown(b))) <= tol,
                                "φ jumps at " + b);
                        assertTrue(Math.abs(a.derivative(Math.nextUp(b)) - a.derivative(Math.nextDown(b))) <= 1e-12,
                                "φ' jumps at " + b);
                    }
                });
    }

    @Test
    void everyNewActivationPassesTheContractAtManySpecsThroughTheTestkit() {
        ContractAssertions.activation(new HuberizedReluProvider().create(new HuberizedReluSpec(0.5, 100.0)), SEED, 1000);
        ContractAssertions.activation(new SoftplusLeakyProvider().create(new SoftplusLeakySpec(1.0, 3.0)), SEED, 1000);
        ContractAssertions.activation(new SoftplusLeakyProvider().create(new SoftplusLeakySpec(1e-4, 1e-2)), SEED, 1000);
    }

    @Test
    void leakyReluIsMaxOfGammaZAndZ() {
        qt().withFixedSeed(0x5eed_0003L).withExamples(1000)
                .forAll(doubles().between(1e-3, 1), doubles().between(-100, 100)).checkAssert((gamma, z) -> {
                    Activation a = new LeakyReluProvider().create(new LeakyReluSpec(gamma));
                    assertEquals(Math.max(gamma * z, z), a.value(z));
                    assertEquals(z >= 0 ? 1 : gamma, a.derivative(z));
                });
        Activation a = new LeakyReluProvider().create(new LeakyReluProvider().exampleSpec());
        assertArrayEquals(new double[] {0}, a.kinks());
        assertTrue(a.smoothness().isEmpty());
        assertEquals(0.1, a.leakiness().getAsDouble());
        assertEquals("no: not smooth", new LeakyReluProvider().properties().get("paper_assumptions"));
    }

    @Test
    void identityDeclaresLeakinessOneAndSmoothnessZero() {
        Activation a = new IdentityProvider().create(new NoSpec());
        assertEquals(-3.5, a.value(-3.5));
        assertEquals(1.0, a.leakiness().getAsDouble());
        assertEquals(0.0, a.smoothness().getAsDouble());
    }
}
