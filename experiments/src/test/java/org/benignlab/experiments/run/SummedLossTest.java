package org.benignlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.benignlab.optimizers.impl.LogisticLoss;
import org.benignlab.testkit.LossContract;
import org.junit.jupiter.api.Test;

/** {@code reduction: sum}: n·ℓ, with its logarithms log n + log ℓ and log n + log g exact where ℓ and g underflow. */
class SummedLossTest {
    private static final LogisticLoss LOGISTIC = new LogisticLoss();
    private static final SummedLoss SUM = new SummedLoss(LOGISTIC, 5);

    @Test
    void isNTimesTheLossAndMeetsTheLossContract() {
        for (double z : new double[] {-30, -1, 0, 0.5, 3, 40, 700}) {
            assertEquals(5 * LOGISTIC.value(z), SUM.value(z), 0.0);
            assertEquals(5 * LOGISTIC.derivative(z), SUM.derivative(z), 0.0);
        }
        assertEquals(Optional.empty(), LossContract.checkAll(SUM, -700, -30, -1, 0, 0.5, 3, 40, 700, 1e6));
    }

    @Test
    void itsLogarithmsStayExactWhereTheLossUnderflows() {
        assertEquals(0.0, SUM.value(800), 0.0);
        assertEquals(Math.log(5) - 800, SUM.logValue(800), 1e-15 * 800);
        assertEquals(Math.log(5) - 800, SUM.logG(800), 1e-15 * 800);
        assertEquals(Math.log(5 * LOGISTIC.value(2.0)), SUM.logValue(2.0), 1e-15);
    }
}
