package org.benignlab.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.Optional;

import org.benignlab.api.Loss;
import org.benignlab.api.NoSpec;
import org.benignlab.testkit.LossContract;
import org.junit.jupiter.api.Test;

/** exponential and hinge: closed forms, behaviour at the extremes, and Fact A.1 for the exponential loss. */
class ExponentialAndHingeLossTest {

    static final long SEED = 0x5eed_0203L;
    static final Loss EXP = new ExponentialProvider().create(new NoSpec());
    static final Loss HINGE = new HingeProvider().create(new NoSpec());

    @Test
    void exponentialClosedFormsAndOverflow() {
        assertEquals(1.0, EXP.value(0));
        assertEquals(-1.0, EXP.derivative(0));
        assertEquals(Math.exp(-3), EXP.g(3));
        assertTrue(Double.isFinite(EXP.value(-LossContract.FINITE_RANGE)), "finite over the contract's range");
        assertEquals(Double.POSITIVE_INFINITY, EXP.value(-710), "overflows beyond -709.78, never NaN");
        assertEquals(Double.NEGATIVE_INFINITY, EXP.derivative(-1e300));
        assertEquals(0.0, EXP.value(1e300));
        assertEquals(Optional.empty(), LossContract.checkAll(EXP, -1e300, -710, -700, 0, 700, 1e300));
    }

    @Test
    void exponentialSatisfiesFactA1AndBoundsTheLogisticLoss() {
        Loss logistic = new LogisticProvider().create(new NoSpec());
        qt().withFixedSeed(SEED).withExamples(5000).forAll(doubles().between(-300, 300), doubles().between(-300, 300))
                .checkAssert((z1, z2) -> assertEquals(Optional.empty(), LossContract.factA1(EXP, z1, z2)));
        qt().withFixedSeed(SEED + 1).withExamples(5000).forAll(doubles().between(-700, 700)).checkAssert(z -> {
            // log(1 + e^-z) <= e^-z, with equality to first order as z grows
            assertTrue(logistic.value(z) <= EXP.value(z) * (1 + 1e-15), "z = " + z);
        });
        assertEquals(1.0, logistic.value(40) / EXP.value(40), 1e-15);
    }

    @Test
    void hingeClosedFormsAndKink() {
        assertEquals(3.0, HINGE.value(-2));
        assertEquals(0.0, HINGE.value(1));
        assertEquals(0.0, HINGE.value(5));
        assertEquals(-1.0, HINGE.derivative(Math.nextDown(1.0)));
        assertEquals(0.0, HINGE.derivative(1.0), "right derivative at the kink");
        assertEquals(1.0, HINGE.g(0.5));
        assertEquals(0.0, Math.copySign(1, HINGE.g(2)) > 0 ? 0.0 : 1.0, "g is +0 beyond the kink");
        assertEquals(Optional.empty(), LossContract.checkAll(HINGE, -1e300, -1e6, Math.nextDown(1.0), 1, 1 + 1e-9, 1e6));
    }
}
