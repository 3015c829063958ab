package org.benignlab.optimizers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.api.Optimizer;
import org.benignlab.api.OptimizerProvider;
import org.benignlab.optimizers.impl.ScheduledGradientDescent;

/**
 * {@code gd-schedule}: gradient descent with a step-size schedule (constant, inverse-time, cosine); linear in gradients.
 */
public final class GdScheduleProvider implements OptimizerProvider<GdScheduleSpec> {

    @Override
    public String type() {
        return "gd-schedule";
    }

    @Override
    public Class<GdScheduleSpec> specType() {
        return GdScheduleSpec.class;
    }

    @Override
    public GdScheduleSpec exampleSpec() {
        return new GdScheduleSpec(0.01, GdScheduleSpec.COSINE, null, 1000L, 0.1);
    }

    @Override
    public Optimizer create(GdScheduleSpec spec) {
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

    @Override
    public String description() {
        return "Gradient descent with a step-size schedule: constant, inverse-time step/(1 + decay t) or cosine "
                + "annealing over horizon steps.";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("linear_in_gradients", "yes (the step at t depends on t only; span engine exact)");
        p.put("paper_assumptions", "constant schedule: yes when step satisfies (A5); other schedules: not analysed by "
                + "the paper");
        return Collections.unmodifiableMap(p);
    }
}
