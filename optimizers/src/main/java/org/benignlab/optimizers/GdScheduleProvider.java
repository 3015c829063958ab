package org.benignlab.optimizers;

import org.benignlab.api.Optimizer;
import org.benignlab.api.OptimizerProvider;
import org.benignlab.optimizers.impl.ScheduledGradientDescent;

/**
 * {@code gd-schedule}: gradient descent with a step-size schedule (constant, inverse-time, cosine); linear in gradients.
 */
public final class GdScheduleProvider extends OptimizerProvider.Base<GdScheduleSpec> {
    /** The provider ServiceLoader creates. */
    public GdScheduleProvider() {
        super("gd-schedule", GdScheduleSpec.class, GdScheduleProvider::instance,
                "Gradient descent with a step-size schedule: constant, inverse-time step/(1 + decay t) or cosine "
                + "annealing over horizon steps.");
        note("paper_assumptions", "constant schedule: yes when step satisfies (A5); other schedules: not analysed by "
                + "the paper");
    }

    private static Optimizer instance(GdScheduleSpec spec) {
        return new ScheduledGradientDescent(spec.step(), schedule(spec.schedule()),
                spec.decay() == null ? 0 : spec.decay(), spec.horizon() == null ? 0 : spec.horizon(),
                spec.finalFraction() == null ? 0 : spec.finalFraction());
    }

    private static ScheduledGradientDescent.Schedule schedule(String name) {
        return switch (name) {
            case GdScheduleSpec.INVERSE_TIME -> ScheduledGradientDescent.Schedule.INVERSE_TIME;
            case GdScheduleSpec.COSINE -> ScheduledGradientDescent.Schedule.COSINE;
            default -> ScheduledGradientDescent.Schedule.CONSTANT;
        };
    }
}
