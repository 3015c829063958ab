package org.benignlab.optimizers.impl;

/**
 * Gradient descent with a step-size schedule: params[k] -= α_t gradient[k] at step index t, with
 * <pre>
 *   constant       α_t = α
 *   inverse-time   α_t = α / (1 + decay · t)
 *   cosine         α_t = α_f + (α - α_f)(1 + cos(π min(t, T)/T))/2,  α_f = final_fraction · α
 * </pre>
 * The coefficient α_t depends only on t, never on the gradients, so the displacement is a fixed
 * linear combination of past gradients: {@link #linearInGradients()} is true and the span engine is
 * exact for it. Immutable; its states keep nothing between steps (α_t is computed from t).
 */
public final class ScheduledGradientDescent extends CheckedOptimizer {
    /** The schedules. */
    public enum Schedule { CONSTANT, INVERSE_TIME, COSINE }

    private final double step;
    private final Schedule schedule;
    private final double decay;
    private final long horizon;
    private final double finalFraction;

    /**
     * @param step          α, finite and &gt; 0
     * @param schedule      the schedule
     * @param decay         inverse-time: finite and &gt; 0 (ignored otherwise)
     * @param horizon       cosine: &gt;= 1 (ignored otherwise)
     * @param finalFraction cosine: in [0, 1] (ignored otherwise)
     */
    public ScheduledGradientDescent(double step, Schedule schedule, double decay, long horizon, double finalFraction) {
        super("gd-schedule", true);
        this.step = step;
        this.schedule = schedule;
        this.decay = decay;
        this.horizon = horizon;
        this.finalFraction = finalFraction;
    }

    /** α_t for step index t &gt;= 0. */
    public double stepAt(long t) {
        return switch (schedule) {
            case CONSTANT -> step;
            case INVERSE_TIME -> step / (1 + decay * t);
            case COSINE -> {
                double floor = finalFraction * step;
                double progress = (double) Math.min(t, horizon) / horizon;
                yield floor + (step - floor) * (1 + Math.cos(Math.PI * progress)) / 2;
            }
        };
    }

    @Override
    State update(int dimension) {
        return (t, params, gradient) -> descend(params, stepAt(t), gradient);
    }

    @Override
    public String toString() {
        return "ScheduledGradientDescent[step=" + step + ", " + schedule + "]";
    }
}
