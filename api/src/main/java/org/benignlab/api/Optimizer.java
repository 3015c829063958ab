package org.benignlab.api;

/**
 * An update rule on a flat parameter array (Tribuo's lifecycle: {@link #start} -&gt; {@link State#step}*).
 * The dense engine passes the entries of W (m x p, row-major) and of ∇L̂(W); the span engine passes
 * the coefficients B (m x n) of W = W0 + B X and of the gradient's coefficients -(1/n) A^T, which is
 * exact only for an update that is a linear combination of past gradients with coefficients that do
 * not depend on their values ({@link #linearInGradients()}).
 */
public interface Optimizer {

    /**
     * Starts an optimisation of {@code dimension} parameters; the state holds what the rule remembers
     * between steps (e.g. a velocity).
     */
    State start(int dimension);

    /** Whether every update is a fixed linear combination of past gradients (GD, momentum, schedules). */
    boolean linearInGradients();

    /** The per-run state of an optimiser. Not thread-safe; one per run. */
    interface State {
        /**
         * One step.
         *
         * @param t        step index, starting at 0
         * @param params   parameters (modified: updated in place)
         * @param gradient gradient of the empirical risk at {@code params} (not modified)
         */
        void step(long t, double[] params, double[] gradient);
    }
}
