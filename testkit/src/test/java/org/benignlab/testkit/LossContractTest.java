package org.benignlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.DoubleStream;

import org.benignlab.api.Loss;
import org.junit.jupiter.api.Test;

/** The loss contract accepts correct margin losses and rejects broken ones. */
class LossContractTest {

    record Fn(DoubleUnaryOperator v, DoubleUnaryOperator d) implements Loss {
        public double value(double z) {
            return v.applyAsDouble(z);
        }

        public double derivative(double z) {
            return d.applyAsDouble(z);
        }
    }

    static final Fn LOGISTIC = new Fn(z -> z >= 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z)),
            z -> -1 / (1 + Math.exp(z)));
    static final Fn HINGE = new Fn(z -> Math.max(0, 1 - z), z -> z < 1 ? -1 : 0);

    static final double[] GRID = DoubleStream.concat(DoubleStream.iterate(-50, z -> z <= 50, z -> z + 0.25),
            DoubleStream.of(-1e6, -1e3, -700, 700, 1e3, 1e6, 1e300, -1e300, 1 + 1e-9, 1 - 1e-9)).toArray();

    static void assertFailsWith(Loss l, String fragment) {
        Counterexamples.assertFailsWith(LossContract.checkAll(l, GRID), fragment);
    }

    @Test
    void correctLossesPass() {
        assertEquals(Optional.empty(), LossContract.checkAll(LOGISTIC, GRID));
        assertEquals(Optional.empty(), LossContract.checkAll(HINGE, GRID));
    }

    @Test
    void exponentialLossPassesAlthoughItOverflowsBeyond700() {
        Fn exp = new Fn(z -> Math.exp(-z), z -> -Math.exp(-z));
        assertEquals(Optional.empty(), LossContract.checkAll(exp, DoubleStream.iterate(-700, z -> z <= 700, z -> z + 7).toArray()));
        assertEquals(Optional.empty(), LossContract.checkAll(exp, GRID)); // GRID has ±1e6 and ±1e300: e^-z = ∞ there
        assertEquals(Double.POSITIVE_INFINITY, exp.value(-1e6));
        // e^-2z overflows at z = -355, inside the range where the contract asks for finite values
        Fn steep = new Fn(z -> Math.exp(-2 * z), z -> -2 * Math.exp(-2 * z));
        assertTrue(LossContract.check(steep, -400).orElseThrow().startsWith("finite: "));
        assertEquals(Optional.empty(), LossContract.check(steep, -300));
    }

    @Test
    void nonConvexLossIsCaughtByName() {
        // the sigmoid loss 1/(1 + e^z): non-negative and decreasing, but concave for z < 0
        Fn sigmoid = new Fn(z -> 1 / (1 + Math.exp(z)), z -> -Math.exp(z) / ((1 + Math.exp(z)) * (1 + Math.exp(z))));
        assertEquals(Optional.empty(), LossContract.check(sigmoid, 3.0), "convex for z > 0");
        Optional<String> r = LossContract.check(sigmoid, -3.0);
        assertTrue(r.orElseThrow().startsWith("convex: "), r.toString());
        assertTrue(r.get().contains("-3.0"), "names the point: " + r.get());
        // z^2 increases for z > 0: named as such
        assertTrue(LossContract.check(new Fn(z -> z * z, z -> 2 * z), 1.0).orElseThrow().startsWith("non-increasing: "));
    }

    @Test
    void brokenLossesAreCaught() {
        assertFailsWith(new Fn(LOGISTIC.v(), z -> 0.5 * LOGISTIC.derivative(z)), "central difference");
        assertFailsWith(new Fn(z -> Math.log1p(Math.exp(z)), z -> 1 / (1 + Math.exp(-z))), "> 0");
        assertFailsWith(new Fn(z -> LOGISTIC.value(z) - 1, LOGISTIC.d()), "< 0");
        // log(1 + e^-z) loses all relative precision once e^-z < 1e-16, so ℓ' no longer matches ℓ
        assertFailsWith(new Fn(z -> Math.log(1 + Math.exp(-z)), LOGISTIC.d()), "central difference");
        assertFailsWith(new Fn(LOGISTIC.v(), z -> -Math.exp(-z) / (1 + Math.exp(-z))), "NaN");
        Loss badG = new LogisticBut() {
            @Override
            public double g(double z) {
                return -2 * derivative(z);
            }
        };
        assertFailsWith(badG, "-ℓ'");
        // a log value that drops the log1p (log ℓ ≈ -z, wrong by a lot near 0): the train loss in log space
        Loss badLog = new LogisticBut() {
            @Override
            public double logValue(double z) {
                return -z;
            }
        };
        assertFailsWith(badLog, "log value");
    }

    @Test
    void factA1HoldsForTheLogisticLossAndFailsForASteeperOne() {
        for (double z1 = -700; z1 <= 700; z1 += 17.5) {
            for (double z2 = -700; z2 <= 700; z2 += 17.5) {
                assertEquals(Optional.empty(), LossContract.factA1(LOGISTIC, z1, z2), z1 + ", " + z2);
            }
        }
        Fn steep = new Fn(z -> Math.exp(-2 * z), z -> -2 * Math.exp(-2 * z));
        assertTrue(LossContract.factA1(steep, -10, 0).orElseThrow().contains("Fact A.1"));
    }

    @Test
    void factA1RefusesAnUnderflowedDenominator() {
        assertThrows(IllegalArgumentException.class, () -> LossContract.factA1(LOGISTIC, 0, 800));
        assertEquals(Optional.empty(), LossContract.factA1(LOGISTIC, 800, 0));
    }

    /** The logistic loss with one method replaced by a subclass. */
    private abstract static class LogisticBut implements Loss {
        @Override
        public double value(double z) {
            return LOGISTIC.value(z);
        }

        @Override
        public double derivative(double z) {
            return LOGISTIC.derivative(z);
        }
    }
}
