package org.benignlab.optimizers.impl;

import org.benignlab.api.Optimizer;

/**
 * The base of the built-in optimizers: the argument checks every state makes (a non-negative dimension at
 * the start, parameters and gradient of that dimension at each step), around the optimizer's update rule.
 */
abstract class CheckedOptimizer implements Optimizer {
    private final String name;
    private final boolean linearInGradients;

    /**
     * @param name              the optimizer's YAML type, for error messages
     * @param linearInGradients whether the displacement is a fixed linear combination of past gradients
     */
    CheckedOptimizer(String name, boolean linearInGradients) {
        this.name = name;
        this.linearInGradients = linearInGradients;
    }

    @Override
    public final State start(int dimension) {
        if (dimension < 0) {
            throw new IllegalArgumentException("dimension must be >= 0, got " + dimension);
        }
        State update = update(dimension);
        return (t, params, gradient) -> {
            if (params.length != dimension || gradient.length != dimension) {
                throw new IllegalArgumentException(name + " started with dimension " + dimension
                        + " got params of length " + params.length + " and gradient of length " + gradient.length);
            }
            update.step(t, params, gradient);
        };
    }

    @Override
    public final boolean linearInGradients() {
        return linearInGradients;
    }

    /** A new state of the update rule for {@code dimension} coordinates; its arguments are already checked. */
    abstract State update(int dimension);

    /** params -= a gradient. */
    static void descend(double[] params, double a, double[] gradient) {
        for (int k = 0; k < params.length; k++) {
            params[k] -= a * gradient[k];
        }
    }
}
