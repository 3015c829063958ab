package org.benignlab.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.List;
import java.util.Optional;

import org.benignlab.api.Activation;
import org.benignlab.testkit.ActivationContract;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Equation (1) of the paper over random (γ, H), through the provider and its spec as the framework does. */
class SmoothedLeakyReluTest {

    static final long SEED = 0x5eed_0002L;
    static final SmoothedLeakyReluProvider PROVIDER = new SmoothedLeakyReluProvider();

    /** γ in (0, 1], with γ = 1 and tiny γ drawn often. */
    static final Gen<Double> GAMMA = Generate.frequency(List.of(
            Pair.of(6, doubles().between(1e-3, 1)),
            Pair.of(1, Generate.constant(1.0)),
            Pair.of(1, doubles().between(1e-6, 1e-3))));

    /** H log-uniform on [1e-2, 1e3]. */
    static final Gen<Double> H = doubles().between(-2, 3).map(e -> Math.pow(10, e));

    /** z/(1/H): uniform on [-3, 3], or within 1e-6 of the break points ±1. */
    static final Gen<Double> RELATIVE = Generate.frequency(List.of(
            Pair.of(2, doubles().between(-3, 3)),
            Pair.of(1, Generate.pick(List.of(-1.0, 1.0)).zip(doubles().between(-1e-6, 1e-6), Double::sum))));

    static Activation phi(double gamma, double h) {
        return PROVIDER.create(new SmoothedLeakyReluSpec(gamma, h));
    }

    static double leakyRelu(double gamma, double z) {
        return Math.max(gamma * z, z);
    }

    @Test
    void contractHoldsForRandomSpecs() {
        qt().withFixedSeed(SEED).withExamples(4000).forAll(GAMMA, H, RELATIVE)
                .checkAssert((gamma, h, u) -> assertEquals(Optional.empty(), ActivationContract.check(phi(gamma, h), u / h),
                        "γ = " + gamma + ", H = " + h));
        qt().withFixedSeed(SEED + 1).withExamples(2000).forAll(GAMMA, H, doubles().between(-50, 50))
                .checkAssert((gamma, h, z) -> assertEquals(Optional.empty(), ActivationContract.check(phi(gamma, h), z)));
    }

    @Test
    void continuousWithContinuousDerivativeAtTheBreakPoints() {
        qt().withFixedSeed(SEED + 2).withExamples(2000).forAll(GAMMA, H).checkAssert((gamma, h) -> {
            Activation a = phi(gamma, h);
            for (double b : new double[] {1 / h, -1 / h}) {
                // across two ulps of b, a 1-Lipschitz φ moves by at most 2 ulp(b) plus its own rounding
                double tol = 2 * Math.ulp(b) + 8 * Math.ulp(Math.abs(a.value(b)));
                assertTrue(Math.abs(a.value(Math.nextUp(b)) - a.value(Math.nextDown(b))) <= tol, "φ jumps at " + b);
                assertTrue(Math.abs(a.derivative(Math.nextUp(b)) - a.derivative(Math.nextDown(b))) <= 1e-12,
                        "φ' jumps at " + b);
            }
            // the closed forms of both pieces at the break points (MODEL.md, equation (1))
            assertEquals((3 + gamma) / (4 * h), a.value(1 / h), 1e-12 * Math.max(1, 1 / h));
            assertEquals(-(1 + 3 * gamma) / (4 * h), a.value(-1 / h), 1e-12 * Math.max(1, 1 / h));
        });
    }

    @Test
    void tendsToLeakyReluAsHGrows() {
        qt().withFixedSeed(SEED + 3).withExamples(2000).forAll(GAMMA, doubles().between(-5, 5))
                .checkAssert((gamma, z) -> {
                    double previous = Double.POSITIVE_INFINITY;
                    for (double h = 1; h <= 1e8; h *= 10) {
                        double gap = leakyRelu(gamma, z) - phi(gamma, h).value(z);
                        double rounding = 4 * Math.ulp(Math.max(1, Math.abs(z)));
                        // 0 <= max(γz, z) - φ_H(z) <= (1-γ)/(4H), and the gap shrinks as H grows
                        assertTrue(gap >= -rounding && gap <= (1 - gamma) / (4 * h) + rounding,
                                "gap " + gap + " at γ = " + gamma + ", H = " + h + ", z = " + z);
                        assertTrue(gap <= previous + rounding, "gap grew at H = " + h);
                        previous = gap;
                    }
                    assertTrue(previous <= 1e-8 + 4 * Math.ulp(Math.max(1, Math.abs(z))));
                });
    }

    @Test
    void closedFormValuesAtZero() {
        Activation a = phi(0.2, 4.0);
        assertEquals(0.0, a.value(0));
        assertEquals(0.6, a.derivative(0), 1e-15);          // (1+γ)/2
        assertEquals(1.6, a.secondDerivative(0), 1e-15);    // (1-γ)H/2
        assertEquals(1.0, a.derivative(0.25));
        assertEquals(0.2, a.derivative(-0.25));
        assertEquals(0.0, a.secondDerivative(0.3));
        assertEquals(4.0, a.smoothness().getAsDouble());
        assertEquals(0.2, a.leakiness().getAsDouble());
        assertEquals(0, a.kinks().length);
    }

    @Test
    void exampleSpecIsTheDefault() {
        SmoothedLeakyReluSpec s = PROVIDER.exampleSpec();
        assertEquals(0.1, s.gamma());
        assertEquals(1.0, s.H());
        assertEquals("yes", PROVIDER.properties().get("paper_assumptions"));
    }
}
