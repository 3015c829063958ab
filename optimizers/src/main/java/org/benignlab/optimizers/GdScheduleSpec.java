package org.benignlab.optimizers;

import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.Specs;

/**
 * Parameters of {@code gd-schedule} (YAML {@code training.optimizer}): gradient descent whose step at
 * step index t = 0, 1, ... follows a schedule.
 *
 * @param step          the base step α; required, finite and &gt; 0
 * @param schedule      {@code constant} (default: α_t = α), {@code inverse-time} (α_t = α/(1 + decay·t))
 *                      or {@code cosine} (α_t falls from α to final_fraction·α along half a cosine over
 *                      {@code horizon} steps, then stays there)
 * @param decay         inverse-time only, required there: finite and &gt; 0
 * @param horizon       cosine only, required there: an integer &gt;= 1, the number of steps of the decay
 * @param finalFraction cosine only (YAML {@code final_fraction}): α_t/α at and after the horizon, in
 *                      [0, 1]; default 0
 */
public record GdScheduleSpec(Double step, String schedule, Double decay, Long horizon, Double finalFraction) {
    /** The example spec: {@code benign plugins} shows it and the testkit contracts run on it. */
    public static final GdScheduleSpec EXAMPLE = new GdScheduleSpec(0.01, GdScheduleSpec.COSINE, null, 1000L, 0.1);

    /** α_t = α. */
    public static final String CONSTANT = "constant";
    /** α_t = α/(1 + decay·t). */
    public static final String INVERSE_TIME = "inverse-time";
    /** Cosine annealing over the horizon. */
    public static final String COSINE = "cosine";

    /** Validates; a parameter of another schedule is an error. */
    public GdScheduleSpec {
        step = Specs.positive("step", Specs.required("step", step));
        schedule = Specs.orDefault(schedule, CONSTANT);
        switch (schedule) {
            case CONSTANT -> {
                unused("decay", decay, INVERSE_TIME);
                unused("horizon", horizon, COSINE);
                unused("final_fraction", finalFraction, COSINE);
            }
            case INVERSE_TIME -> {
                decay = Specs.positive("decay", Specs.required("decay", decay));
                unused("horizon", horizon, COSINE);
                unused("final_fraction", finalFraction, COSINE);
            }
            case COSINE -> {
                unused("decay", decay, INVERSE_TIME);
                Specs.required("horizon", horizon);
                if (horizon < 1) {
                    throw InvalidSpecException.of("horizon", horizon, "must be an integer >= 1");
                }
                finalFraction = Specs.inRange("final_fraction", Specs.orDefault(finalFraction, 0.0), 0, true, 1, true);
            }
            default -> throw InvalidSpecException.of("schedule", schedule,
                    "must be one of constant, inverse-time, cosine");
        }
    }

    private static void unused(String field, Object value, String schedule) {
        if (value != null) {
            throw InvalidSpecException.of(field, value, "is used only with schedule '" + schedule + "'");
        }
    }
}
