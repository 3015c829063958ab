package org.benignlab.testkit;

import org.benignlab.api.Optimizer;

/**
 * Sign descent, p -= 0.01 sign(g): a descent method that is not linear in the gradients, declaring
 * linearity as told (the fake both the optimizer contract's tests and the ready-made test classes' tests use).
 */
public record SignDescent(boolean declaresLinear) implements Optimizer {
    @Override
    public State start(int dimension) {
        return (t, params, gradient) -> {
            for (int k = 0; k < dimension; k++) {
                params[k] -= 0.01 * Math.signum(gradient[k]);
            }
        };
    }

    @Override
    public boolean linearInGradients() {
        return declaresLinear;
    }
}
