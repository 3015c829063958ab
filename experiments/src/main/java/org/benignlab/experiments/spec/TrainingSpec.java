package org.benignlab.experiments.spec;

import java.util.List;
import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.Specs;

/**
 * Training: loss, optimiser, engine and when to stop.
 *
 * @param engine              {@code auto} or an engine name of {@link #ENGINES}
 * @param steps               the most gradient steps
 * @param stopLoss            stop when the train loss is at most this (0 = off)
 * @param stopAtInterpolation stop at the first step with train error 0
 * @param metricsPerDecade    how densely the log-spaced metric schedule samples the steps
 */
public record TrainingSpec(@Plugin(value = ExtensionPoint.LOSS, defaultType = "logistic") PluginChoice loss,
                           @Plugin(value = ExtensionPoint.OPTIMIZER, defaultType = "gd") PluginChoice optimizer,
                           String engine, Long steps, Double stopLoss, Boolean stopAtInterpolation,
                           Integer metricsPerDecade) {

    /** Engines this version has; {@code auto} chooses among them. */
    public static final List<String> ENGINES = List.of("auto", "sketch", "span", "dense");

    public TrainingSpec {
        engine = Specs.orDefault(engine, "auto");
        if (!ENGINES.contains(engine)) {
            throw InvalidSpecException.of("engine", engine, "must be one of " + String.join(", ", ENGINES));
        }
        steps = Specs.required("steps", steps);
        if (steps < 0) {
            throw InvalidSpecException.of("steps", steps, "must be an integer >= 0");
        }
        stopLoss = Specs.nonNegative("stop_loss", Specs.orDefault(stopLoss, 0.0));
        stopAtInterpolation = Specs.orDefault(stopAtInterpolation, false);
        metricsPerDecade = Specs.atLeast("metrics_per_decade", Specs.orDefault(metricsPerDecade, 10), 1);
    }
}
