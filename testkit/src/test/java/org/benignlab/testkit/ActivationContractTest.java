package org.benignlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.DoubleStream;

import org.benignlab.api.Activation;
import org.junit.jupiter.api.Test;

/** The activation contract accepts correct activations (written here from MODEL.md) and rejects broken ones. */
class ActivationContractTest {

    /** An activation assembled from functions, so that each test can break one piece. */
    record Fn(DoubleUnaryOperator v, DoubleUnaryOperator d1, DoubleUnaryOperator d2, OptionalDouble leak,
              OptionalDouble smooth, double[] kinkPoints) implements Activation {
        public double value(double z) {
            return v.applyAsDouble(z);
        }

        public double derivative(double z) {
            return d1.applyAsDouble(z);
        }

        public double secondDerivative(double z) {
            return d2.applyAsDouble(z);
        }

        public OptionalDouble leakiness() {
            return leak;
        }

        public OptionalDouble smoothness() {
            return smooth;
        }

        @Override
        public double[] kinks() {
            return kinkPoints.clone();
        }
    }

    private static final double G = 0.1;
    private static final double[] NONE = {};

    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** γz + (1-γ)(softplus(z) - log 2): smooth, γ-leaky, φ'' = (1-γ)σ(1-σ) <= (1-γ)/4, continuous φ''. */
    static Fn softLeaky() {
        return new Fn(z -> G * z + (1 - G) * (softplus(z) - Math.log(2)), z -> G + (1 - G) * sigmoid(z),
                z -> (1 - G) * sigmoid(z) * (1 - sigmoid(z)), OptionalDouble.of(G), OptionalDouble.of((1 - G) / 4), NONE);
    }

    /** Equation (1) of the paper, typed in from MODEL.md. */
    static Fn smoothedLeakyRelu(double gamma, double h) {
        double b = 1 / h;
        return new Fn(z -> z >= b ? z - (1 - gamma) / (4 * h)
                        : z <= -b ? gamma * z - (1 - gamma) / (4 * h)
                        : (1 - gamma) / 4 * h * z * z + (1 + gamma) / 2 * z,
                z -> z >= b ? 1 : z <= -b ? gamma : Math.min(1, (1 - gamma) / 2 * h * z + (1 + gamma) / 2),
                z -> Math.abs(z) < b ? (1 - gamma) * h / 2 : 0,
                OptionalDouble.of(gamma), OptionalDouble.of(h), NONE);
    }

    static Fn leakyRelu(double[] kinks) {
        return new Fn(z -> Math.max(G * z, z), z -> z >= 0 ? 1 : G, z -> 0, OptionalDouble.of(G), OptionalDouble.empty(),
                kinks);
    }

    /** Grid over [-60, 60] plus the contract's own interesting points. */
    static Optional<String> firstFailure(Activation a) {
        double[] grid = DoubleStream.iterate(-60, z -> z <= 60, z -> z + 0.37).toArray();
        Optional<String> r = ActivationContract.checkAll(a, grid);
        return r.isPresent() ? r : ActivationContract.checkAll(a, ActivationContract.interestingPoints(a));
    }

    static void assertFailsWith(Activation a, String fragment) {
        Counterexamples.assertFailsWith(firstFailure(a), fragment);
    }

    @Test
    void correctActivationsPass() {
        assertEquals(Optional.empty(), firstFailure(softLeaky()));
        assertEquals(Optional.empty(), firstFailure(leakyRelu(new double[] {0})));
        assertEquals(Optional.empty(), firstFailure(new Fn(z -> z, z -> 1, z -> 0, OptionalDouble.of(1),
                OptionalDouble.of(0), NONE)));
        for (double h : new double[] {0.01, 0.7, 1, 3, 100}) {
            for (double gamma : new double[] {0.01, 0.1, 0.5, 1}) {
                assertEquals(Optional.empty(), firstFailure(smoothedLeakyRelu(gamma, h)), "γ = " + gamma + ", H = " + h);
            }
        }
    }

    /** tanh: not leaky (φ' -> 0), smooth with sup |φ''| = 4/(3√3). */
    static Fn tanh(OptionalDouble leak) {
        return new Fn(Math::tanh, z -> 1 / (Math.cosh(z) * Math.cosh(z)),
                z -> -2 * Math.tanh(z) / (Math.cosh(z) * Math.cosh(z)), leak, OptionalDouble.of(4 / (3 * Math.sqrt(3))),
                NONE);
    }

    @Test
    void activationsOutsideThePaperPassWhenTheyDeclareSo() {
        assertEquals(Optional.empty(), firstFailure(tanh(OptionalDouble.empty())));
        Fn relu = new Fn(z -> Math.max(0, z), z -> z >= 0 ? 1 : 0, z -> 0, OptionalDouble.empty(), OptionalDouble.empty(),
                new double[] {0});
        assertEquals(Optional.empty(), firstFailure(relu));
    }

    @Test
    void undeservedPropertyIsNamedWithACounterexample() {
        // tanh claiming leakiness 0.1: φ'(z) < 0.1 once |z| > 1.8
        Optional<String> r = firstFailure(tanh(OptionalDouble.of(0.1)));
        assertTrue(r.orElseThrow().startsWith("leakiness γ = 0.1: "), r.get());
        assertTrue(r.get().matches(".*φ'\\(-?[0-9.]+\\) = .*"), "gives the point: " + r.get());
        // tanh claiming smoothness 0.5 < 4/(3√3)
        Fn t = tanh(OptionalDouble.empty());
        Optional<String> h = firstFailure(new Fn(t.v(), t.d1(), t.d2(), t.leak(), OptionalDouble.of(0.5), NONE));
        assertTrue(h.orElseThrow().startsWith("smoothness H = 0.5: "), h.get());
    }

    @Test
    void wrongFirstDerivativeIsCaught() {
        Fn f = softLeaky();
        assertFailsWith(new Fn(f.v(), z -> 1.001 * f.d1().applyAsDouble(z) - 0.001 * G, f.d2(), f.leak(), f.smooth(),
                NONE), "central difference");
    }

    @Test
    void typoInEquationOneIsCaught() {
        double h = 2;
        Fn ok = smoothedLeakyRelu(G, h);
        // (1-γ)/2 instead of (1-γ)/4 in the quadratic piece
        assertFailsWith(new Fn(z -> Math.abs(z) < 1 / h ? (1 - G) / 2 * h * z * z + (1 + G) / 2 * z : ok.value(z),
                ok.d1(), ok.d2(), ok.leak(), ok.smooth(), NONE), "requires a change");
    }

    @Test
    void wrongSecondDerivativeIsCaught() {
        Fn f = softLeaky();
        assertFailsWith(new Fn(f.v(), f.d1(), z -> 0, f.leak(), OptionalDouble.empty(), NONE),
                "central difference of φ' with");
    }

    @Test
    void understatedSmoothnessIsCaught() {
        Fn f = softLeaky();
        assertFailsWith(new Fn(f.v(), f.d1(), f.d2(), f.leak(), OptionalDouble.of(0.1), NONE), "H = 0.1");
    }

    @Test
    void undeclaredKinkIsCaught() {
        assertFailsWith(leakyRelu(NONE), "central difference");
    }

    @Test
    void kinkDeclaredTogetherWithSmoothnessIsCaught() {
        Fn f = softLeaky();
        assertFailsWith(new Fn(f.v(), f.d1(), f.d2(), f.leak(), f.smooth(), new double[] {0}), "no kinks");
    }

    @Test
    void nonZeroAtZeroIsCaught() {
        assertFailsWith(new Fn(z -> z + 0.5, z -> 1, z -> 0, OptionalDouble.of(1), OptionalDouble.of(0), NONE), "φ(0)");
    }

    @Test
    void steeperThanOneIsCaught() {
        assertFailsWith(new Fn(z -> 1.5 * z, z -> 1, z -> 0, OptionalDouble.empty(), OptionalDouble.empty(), NONE),
                "not 1-Lipschitz");
    }

    @Test
    void overstatedLeakinessIsCaught() {
        Fn f = leakyRelu(new double[] {0});
        assertFailsWith(new Fn(f.v(), f.d1(), f.d2(), OptionalDouble.of(0.5), f.smooth(), f.kinkPoints()),
                "outside [0.5, 1]");
    }

    @Test
    void decreasingFunctionIsCaughtWithoutAnyDeclaration() {
        assertFailsWith(new Fn(z -> -0.5 * z, z -> -0.5, z -> 0, OptionalDouble.empty(), OptionalDouble.empty(), NONE),
                "monotone");
    }

    @Test
    void declarationsOutsideTheirRangeAreCaught() {
        Fn f = softLeaky();
        assertFailsWith(new Fn(f.v(), f.d1(), f.d2(), OptionalDouble.of(0), f.smooth(), NONE), "not in (0, 1]");
        assertFailsWith(new Fn(f.v(), f.d1(), f.d2(), f.leak(), OptionalDouble.of(Double.NaN), NONE), "finite");
    }

    @Test
    void interestingPointsCoverBreakPointsAndKinks() {
        double[] p = ActivationContract.interestingPoints(smoothedLeakyRelu(G, 4));
        assertTrue(DoubleStream.of(p).anyMatch(z -> z == 0.25) && DoubleStream.of(p).anyMatch(z -> z == -0.25));
        double[] q = ActivationContract.interestingPoints(leakyRelu(new double[] {0}));
        assertTrue(DoubleStream.of(q).anyMatch(z -> z > 0 && z < 1e-5));
    }

    @Test
    void rejectsNonFinitePoint() {
        assertThrows(IllegalArgumentException.class, () -> ActivationContract.check(softLeaky(), Double.NaN));
    }
}
