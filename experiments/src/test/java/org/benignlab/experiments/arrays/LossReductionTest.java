package org.benignlab.experiments.arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.benignlab.api.MetricNames;
import org.benignlab.experiments.spec.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code training.loss.reduction}: the summed objective Σ_i ℓ_i is n times the mean, so gradient descent on the
 * sum with step η follows gradient descent on the mean with step nη (the same W at every step, up to rounding),
 * and the recorded train loss is n times the mean's.
 */
class LossReductionTest {
    @TempDir
    Path dir;

    @Test
    void gradientDescentOnTheSumWithStepEtaIsGradientDescentOnTheMeanWithStepNEta() throws Exception {
        Path yaml = dir.resolve("r.yaml");
        Files.writeString(yaml, ArraysFixture.tiny("dense", "[final]"));
        for (String loss : new String[] {"hinge", "logistic"}) {
            ArraysFixture.Done mean = ArraysFixture.run(yaml, dir.resolve(loss + "-mean"),
                    "training.loss={type: " + loss + "}", "training.optimizer.step=2/p");
            ArraysFixture.Done sum = ArraysFixture.run(yaml, dir.resolve(loss + "-sum"),
                    "training.loss={type: " + loss + ", reduction: sum}", "training.optimizer.step=2/p/n");
            double[] wMean = mean.read("W").values();
            double[] wSum = sum.read("W").values();
            double max = 0;
            double diff = 0;
            for (int k = 0; k < wMean.length; k++) {
                max = Math.max(max, Math.abs(wMean[k]));
                diff = Math.max(diff, Math.abs(wMean[k] - wSum[k]));
            }
            assertTrue(diff <= 1e-9 * max, loss + ": final W differs by " + diff + " (max " + max + ")");
            Map<String, Double> m = mean.result().finalMetrics();
            Map<String, Double> s = sum.result().finalMetrics();
            assertEquals(m.get(MetricNames.TEST_ERROR), s.get(MetricNames.TEST_ERROR), 0.0, loss);
            assertEquals(20 * m.get(MetricNames.TRAIN_LOSS), s.get(MetricNames.TRAIN_LOSS),
                    1e-9 * s.get(MetricNames.TRAIN_LOSS), loss + ": the train loss is the sum over n = 20 points");
            if (loss.equals("logistic")) { // the hinge reaches 0 here
                assertTrue(m.get(MetricNames.TRAIN_LOSS) > 0, loss);
            }
            assertTrue(max > 0, loss);

            // the sum is part of the resolved configuration; the mean, the default, is not written
            assertEquals("sum", ((Map<?, ?>) ((Map<?, ?>) sum.plan().resolved().get("training")).get("loss"))
                    .get("reduction"));
            assertFalse(((Map<?, ?>) ((Map<?, ?>) mean.plan().resolved().get("training")).get("loss"))
                    .containsKey("reduction"));
        }
        ArraysFixture.Done explicitMean = ArraysFixture.run(yaml, dir.resolve("explicit-mean"),
                "training.loss={type: hinge, reduction: mean}");
        ArraysFixture.Done implicitMean = ArraysFixture.run(yaml, dir.resolve("implicit-mean"),
                "training.loss={type: hinge}");
        assertEquals(implicitMean.plan().key(), explicitMean.plan().key(), "writing the default changes no key");

        InputException e = assertThrows(InputException.class, () -> ArraysFixture.build(yaml,
                "training.loss={type: hinge, reduction: total}"));
        assertTrue(e.getMessage().endsWith("training.loss.reduction: must be one of mean, sum, got 'total'"),
                e.getMessage());
    }
}
