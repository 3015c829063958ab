package org.benignlab.testkit;

import static org.benignlab.testkit.Counterexamples.assertFailsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.benignlab.api.Optimizer;
import org.junit.jupiter.api.Test;

/** The optimizer contract accepts linear update rules and rejects ones that only claim to be linear. */
class OptimizerContractTest {

    /** An update rule with a per-state velocity: v = beta v + decay p + g; p -= step v. */
    record Momentum(double step, double beta, double decay, boolean declaresLinear) implements Optimizer {
        public State start(int dimension) {
            double[] v = new double[dimension];
            return (t, params, gradient) -> {
                for (int k = 0; k < dimension; k++) {
                    v[k] = beta * v[k] + decay * params[k] + gradient[k];
                    params[k] -= step * v[k];
                }
            };
        }

        public boolean linearInGradients() {
            return declaresLinear;
        }
    }

    /** Keeps its velocity in the optimizer, shared by every state. */
    static final class SharedVelocity implements Optimizer {
        private double[] v;

        public State start(int dimension) {
            v = new double[dimension];
            return (t, params, gradient) -> {
                for (int k = 0; k < dimension; k++) {
                    v[k] = 0.9 * v[k] + gradient[k];
                    params[k] -= 0.01 * v[k];
                }
            };
        }

        public boolean linearInGradients() {
            return true;
        }
    }

    @Test
    void linearRulesPass() {
        for (long seed = 1; seed <= 5; seed++) {
            assertEquals(Optional.empty(), OptimizerContract.check(new Momentum(0.01, 0, 0, true), seed, 7, 25));
            assertEquals(Optional.empty(), OptimizerContract.check(new Momentum(0.05, 0.9, 0, true), seed, 7, 25));
        }
    }

    @Test
    void nonLinearRuleThatSaysSoPasses() {
        assertEquals(Optional.empty(), OptimizerContract.check(new SignDescent(false), 3, 5, 10));
    }

    @Test
    void nonLinearRuleClaimingLinearityIsCaught() {
        Optional<String> r = OptimizerContract.checkLinearity(new SignDescent(true), 3, 5, 10);
        assertFailsWith(r, "not linear");
        assertTrue(r.get().startsWith("linear in gradients: "), r.get());
    }

    @Test
    void weightDecayDependsOnTheStartAndIsCaught() {
        // linear in (params, gradients) jointly, so D(G1 + G2) = D(G1) + D(G2) from 0, but not from P0
        assertFailsWith(OptimizerContract.checkLinearity(new Momentum(0.01, 0, 0.1, true), 3, 5, 10), "random start");
    }

    @Test
    void descentHoldsForDescentMethods() {
        for (long seed = 1; seed <= 5; seed++) {
            for (int dim : new int[] {1, 3, 40}) {
                assertEquals(Optional.empty(), OptimizerContract.checkDescent(new Momentum(0.01, 0, 0, true), seed, dim));
                assertEquals(Optional.empty(), OptimizerContract.checkDescent(new Momentum(0.05, 0.9, 0, true), seed, dim));
                assertEquals(Optional.empty(), OptimizerContract.checkDescent(new SignDescent(false), seed, dim));
            }
        }
    }

    @Test
    void ascentAndHugeStepsAreCaught() {
        Optional<String> ascent = OptimizerContract.check(new Momentum(-0.01, 0, 0, true), 1, 4, 5);
        assertFailsWith(ascent, "increased it");
        assertTrue(ascent.get().startsWith("descent: "), ascent.get());
        // a step of 1e4 jumps over a minimiser 1e3 away: not a small step
        assertFailsWith(OptimizerContract.checkDescent(new Momentum(1e4, 0, 0, true), 1, 4), "descent");
    }

    @Test
    void sharedStateIsCaught() {
        assertFailsWith(OptimizerContract.checkDeterminism(new SharedVelocity(), 3, 5, 10), "share");
    }

    @Test
    void modifyingTheGradientIsCaught() {
        Optimizer o = new Optimizer() {
            public State start(int dimension) {
                return (t, params, gradient) -> {
                    for (int k = 0; k < dimension; k++) {
                        params[k] -= 0.1 * gradient[k];
                        gradient[k] = 0;
                    }
                };
            }

            public boolean linearInGradients() {
                return true;
            }
        };
        assertFailsWith(OptimizerContract.checkDeterminism(o, 1, 3, 4), "modified the gradient");
    }

    @Test
    void divergenceIsCaught() {
        assertFailsWith(OptimizerContract.checkDeterminism(new Momentum(1e307, 0.9, 0, true), 1, 3, 50), "non-finite");
    }
}
