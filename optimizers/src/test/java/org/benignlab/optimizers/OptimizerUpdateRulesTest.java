package org.benignlab.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.Optimizer;
import org.benignlab.optimizers.impl.ScheduledGradientDescent;
import org.benignlab.testkit.OptimizerContract;
import org.benignlab.testkit.junit.ContractAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** gd-schedule, momentum, nesterov, normalized-gd and adam: update rules by hand, specs, declarations. */
class OptimizerUpdateRulesTest {

    static final long SEED = 0x5eed_0204L;

    static double[] run(Optimizer o, double[] start, double[]... gradients) {
        Optimizer.State s = o.start(start.length);
        double[] p = start.clone();
        for (int t = 0; t < gradients.length; t++) {
            s.step(t, p, gradients[t]);
        }
        return p;
    }

    /** The same rule, claiming linearity: the contract must refuse it. */
    static Optimizer claimingLinearity(Optimizer o) {
        return new Optimizer() {
            public State start(int dimension) {
                return o.start(dimension);
            }

            public boolean linearInGradients() {
                return true;
            }
        };
    }

    @Test
    void schedulesGiveTheirStepSizes() {
        ScheduledGradientDescent constant = (ScheduledGradientDescent) new GdScheduleProvider()
                .create(new GdScheduleSpec(0.5, null, null, null, null));
        assertEquals(0.5, constant.stepAt(0));
        assertEquals(0.5, constant.stepAt(1_000_000));
        ScheduledGradientDescent inverse = (ScheduledGradientDescent) new GdScheduleProvider()
                .create(new GdScheduleSpec(0.5, "inverse-time", 0.1, null, null));
        assertEquals(0.5, inverse.stepAt(0));
        assertEquals(0.25, inverse.stepAt(10), 1e-15);
        ScheduledGradientDescent cosine = (ScheduledGradientDescent) new GdScheduleProvider()
                .create(new GdScheduleSpec(1.0, "cosine", null, 100L, 0.2));
        assertEquals(1.0, cosine.stepAt(0), 1e-15);
        assertEquals(0.6, cosine.stepAt(50), 1e-15);
        assertEquals(0.2, cosine.stepAt(100), 1e-15);
        assertEquals(0.2, cosine.stepAt(5000), 1e-15);
        // params -= α_t g at t = 0, 1
        assertArrayEquals(new double[] {1 - 0.5 - 0.5 / 1.1}, run(inverse, new double[] {1}, new double[] {1},
                new double[] {1}), 1e-15);
    }

    @Test
    void heavyBallAndNesterovByHand() {
        // g = 1, 1, 1 with α = 0.1, β = 0.5: heavy ball v = 1, 1.5, 1.75, displacement -0.1 (1 + 1.5 + 1.75)
        Optimizer hb = new MomentumProvider().create(new MomentumSpec(0.1, 0.5));
        assertArrayEquals(new double[] {-0.425}, run(hb, new double[] {0}, new double[] {1}, new double[] {1},
                new double[] {1}), 1e-15);
        // Nesterov: steps α (g + β v) = 0.1 (1 + 0.5), 0.1 (1 + 0.75), 0.1 (1 + 0.875)
        Optimizer nag = new NesterovProvider().create(new MomentumSpec(0.1, 0.5));
        assertArrayEquals(new double[] {-0.5125}, run(nag, new double[] {0}, new double[] {1}, new double[] {1},
                new double[] {1}), 1e-15);
        // β = 0 is gradient descent for both
        double[] gd = run(new GdProvider().create(new GdSpec(0.1)), new double[] {2, -1}, new double[] {1, 3},
                new double[] {-2, 0.5});
        assertArrayEquals(gd, run(new MomentumProvider().create(new MomentumSpec(0.1, 0.0)), new double[] {2, -1},
                new double[] {1, 3}, new double[] {-2, 0.5}), 1e-15);
        assertArrayEquals(gd, run(new NesterovProvider().create(new MomentumSpec(0.1, 0.0)), new double[] {2, -1},
                new double[] {1, 3}, new double[] {-2, 0.5}), 1e-15);
    }

    @Test
    void normalizedGdTakesStepsOfLengthStep() {
        Optimizer o = new NormalizedGdProvider().create(new NormalizedGdSpec(0.5, null));
        assertArrayEquals(new double[] {-0.3, -0.4}, run(o, new double[] {0, 0}, new double[] {3e200, 4e200}), 1e-15);
        assertArrayEquals(new double[] {-0.3, -0.4}, run(o, new double[] {0, 0}, new double[] {3e-300, 4e-300}), 1e-15);
        assertArrayEquals(new double[] {1, 2}, run(o, new double[] {1, 2}, new double[] {0, 0}), 0.0,
                "a zero gradient takes no step (no NaN)");
        Optimizer eps = new NormalizedGdProvider().create(new NormalizedGdSpec(0.5, 5.0));
        assertArrayEquals(new double[] {-0.15, -0.2}, run(eps, new double[] {0, 0}, new double[] {3, 4}), 1e-15);
    }

    @Test
    void adamFirstStepIsStepTimesTheSignAndItIsScaleFree() {
        Optimizer o = new AdamProvider().create(new AdamSpec(0.01, null, null, null));
        double[] p = run(o, new double[] {0, 0, 0}, new double[] {2, -1e-3, 0});
        assertEquals(-0.01, p[0], 1e-10);
        assertEquals(0.01, p[1], 1e-7);
        assertEquals(0.0, p[2]);
        // multiplying every gradient by 1000 barely changes Adam's path (ε aside): not linear in the gradients
        double[][] g = {{1, -2}, {0.5, 1}, {-1, 3}};
        double[][] big = {{1e3, -2e3}, {5e2, 1e3}, {-1e3, 3e3}};
        assertArrayEquals(run(o, new double[2], g), run(o, new double[2], big), 1e-9);
    }

    @Test
    void nonLinearRulesWouldFailTheContractIfTheyClaimedLinearity() {
        for (Optimizer o : new Optimizer[] {new AdamProvider().create(new AdamProvider().exampleSpec()),
            new NormalizedGdProvider().create(new NormalizedGdProvider().exampleSpec())}) {
            assertEquals(Optional.empty(), OptimizerContract.check(o, SEED, 5, 10), o.toString());
            Optional<String> r = OptimizerContract.checkLinearity(claimingLinearity(o), SEED, 5, 10);
            assertTrue(r.orElseThrow().startsWith("linear in gradients: "), r.get());
        }
    }

    @Test
    void theContractHoldsForTheOtherSchedulesAndSettings() {
        ContractAssertions.optimizer(new GdScheduleProvider().create(new GdScheduleSpec(0.01, null, null, null, null)),
                SEED, 20);
        ContractAssertions.optimizer(new GdScheduleProvider().create(new GdScheduleSpec(0.3, "inverse-time", 2.0,
                null, null)), SEED, 20);
        ContractAssertions.optimizer(new GdScheduleProvider().create(new GdScheduleSpec(0.1, "cosine", null, 3L, null)),
                SEED, 20);
        ContractAssertions.optimizer(new MomentumProvider().create(new MomentumSpec(0.001, 0.99)), SEED, 20);
        ContractAssertions.optimizer(new AdamProvider().create(new AdamSpec(0.1, 0.0, 0.5, 1e-3)), SEED, 20);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.1 | linear   |      |      |     | schedule: must be one of constant, inverse-time, cosine, got 'linear'",
        "    |          |      |      |     | step: is required",
        "0   |          |      |      |     | step: must be a finite number > 0, got 0",
        "0.1 | inverse-time |  |      |     | decay: is required",
        "0.1 | inverse-time | -1 |    |     | decay: must be a finite number > 0, got -1",
        "0.1 | cosine   |      |      |     | horizon: is required",
        "0.1 | cosine   |      | 0    |     | horizon: must be an integer >= 1, got 0",
        "0.1 | cosine   |      | 10   | 1.5 | final_fraction: must be in [0, 1], got 1.5",
        "0.1 | cosine   | 0.5  | 10   |     | decay: is used only with schedule 'inverse-time', got 0.5",
        "0.1 |          |      | 10   |     | horizon: is used only with schedule 'cosine', got 10",
        "0.1 | inverse-time | 1 |     | 0.5 | final_fraction: is used only with schedule 'cosine', got 0.5"})
    void badScheduleSpecsAreRejected(Double step, String schedule, Double decay, Long horizon, Double fraction,
                                     String message) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> new GdScheduleSpec(step, schedule, decay, horizon, fraction));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1    | beta: must be in [0, 1), got 1",
        "-0.1 | beta: must be in [0, 1), got -0.1",
        "NaN  | beta: must be in [0, 1), got NaN"})
    void badMomentumIsRejected(double beta, String message) {
        assertEquals(message, assertThrows(InvalidSpecException.class, () -> new MomentumSpec(0.1, beta)).getMessage());
        assertEquals(message, assertThrows(InvalidSpecException.class, () -> new MomentumSpec(0.1, beta)).getMessage());
        assertEquals(message.replace("beta", "beta1"),
                assertThrows(InvalidSpecException.class, () -> new AdamSpec(0.1, beta, null, null)).getMessage());
        assertEquals(message.replace("beta", "beta2"),
                assertThrows(InvalidSpecException.class, () -> new AdamSpec(0.1, null, beta, null)).getMessage());
    }

    @Test
    void otherBadValuesAndDefaults() {
        assertEquals("epsilon: must be a finite number > 0, got 0",
                assertThrows(InvalidSpecException.class, () -> new AdamSpec(0.1, null, null, 0.0)).getMessage());
        assertEquals("epsilon: must be a finite number >= 0, got -1",
                assertThrows(InvalidSpecException.class, () -> new NormalizedGdSpec(0.1, -1.0)).getMessage());
        assertEquals("training.optimizer.step: is required", assertThrows(InvalidSpecException.class,
                () -> new MomentumSpec(null, null)).at("training.optimizer").getMessage());
        assertEquals(new AdamSpec(0.1, 0.9, 0.999, 1e-8), new AdamSpec(0.1, null, null, null));
        assertEquals(new MomentumSpec(0.1, 0.9), new MomentumSpec(0.1, null));
        assertEquals(new GdScheduleSpec(0.1, "cosine", null, 10L, 0.0), new GdScheduleSpec(0.1, "cosine", null, 10L, null));
    }
}
