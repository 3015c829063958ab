package org.benignlab.experiments.spec;

import java.util.ArrayList;
import java.util.List;
import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.LogSchedule;
import org.benignlab.api.Specs;
import org.benignlab.api.RunOptions;

/**
 * Training: loss, optimiser, engine and when to stop, and which arrays to save.
 *
 * @param engine              {@code auto} or an engine name; checked against the engines the engine module declares
 *                            when the file is loaded ({@link ExperimentLoader})
 * @param steps               the most gradient steps
 * @param stopLoss            stop when the train loss is at most this (0 = off)
 * @param stopAtInterpolation stop at the first step with train error 0
 * @param metricsPerDecade    how densely the log-spaced metric schedule samples the steps
 * @param save                which groups of arrays to write as NumPy files into the run's {@code arrays/}
 *                            folder: any of {@code data}, {@code init}, {@code final} (docs/arrays.md); empty
 *                            (the default) for none. Saving changes no number, so it is not part of the
 *                            resolved configuration or the run key ({@link InConfig.When#NEVER})
 * @param saveLimitMib        the largest array (in MiB) {@code save} may write, default {@value #DEFAULT_SAVE_LIMIT_MIB};
 *                            a larger one (X or W0 with a large p) is refused before training. Not in the run key
 * @param diagnostics         groups of theory diagnostics to record ({@link RunOptions#DIAGNOSTICS}; default all, [] for none).
 *                            They change no number, so they are not in the run key
 * @param stallSteps          stop as stalled after this many steps without a new minimum of the train loss
 *                            (0: off; default {@link #stallWindow()}: off with {@code stop_at_interpolation},
 *                            else max(1000, steps / 4))
 * @param spectralNorm        record ||W||_2 and the stable rank (default true). False leaves both out and saves
 *                            their cost: G0 = W0 W0^T at the span engine's setup (m(m+1)/2·p multiply-adds, more
 *                            than K and Z0 together when m &gt; n) and W W^T at each recorded step of the dense
 *                            engine (m²·p). It changes no other number, so it is not in the run key
 * @param baselines           the linear baselines to compute on the run's own draws ({@link RunOptions#BASELINES}: max-margin,
 *                            min-norm, one-step; default all, [] for none). They change no number of the network, so
 *                            they are not in the run key
 */
public record TrainingSpec(@Plugin(value = ExtensionPoint.LOSS, defaultType = "logistic") PluginChoice loss,
                           @Plugin(value = ExtensionPoint.OPTIMIZER, defaultType = "gd") PluginChoice optimizer,
                           String engine, Long steps, Double stopLoss, Boolean stopAtInterpolation,
                           Integer metricsPerDecade,
                           @InConfig(InConfig.When.NEVER) List<String> save,
                           @InConfig(InConfig.When.NEVER) Double saveLimitMib,
                           @InConfig(InConfig.When.NEVER) List<String> diagnostics,
                           @InConfig(InConfig.When.IF_SET) Long stallSteps,
                           @InConfig(InConfig.When.NEVER) Boolean spectralNorm,
                           @InConfig(InConfig.When.NEVER) List<String> baselines) {

    /** The words of {@code save}. */
    public static final List<String> SAVE_GROUPS = RunOptions.SAVE_GROUPS;
    /** Default of {@code save_limit_mib}: 1 GiB. */
    public static final double DEFAULT_SAVE_LIMIT_MIB = 1024;

    public TrainingSpec {
        engine = Specs.orDefault(engine, "auto");
        steps = Specs.required("steps", steps);
        if (steps < 0) {
            throw InvalidSpecException.of("steps", steps, "must be an integer >= 0");
        }
        stopLoss = Specs.nonNegative("stop_loss", Specs.orDefault(stopLoss, 0.0));
        stopAtInterpolation = Specs.orDefault(stopAtInterpolation, false);
        metricsPerDecade = Specs.atLeast("metrics_per_decade", Specs.orDefault(metricsPerDecade, 10), 1);
        long recorded = recordedSteps(steps, metricsPerDecade, MAX_RECORDED_STEPS);
        if (recorded > MAX_RECORDED_STEPS) {
            long fits = Math.max(1, (long) Math.floor((MAX_RECORDED_STEPS - 3) / Math.log10(Math.max(10, steps))));
            throw new InvalidSpecException("metrics_per_decade", "must keep the recorded steps to at most "
                    + MAX_RECORDED_STEPS + " (their metrics are held in memory until the run ends), got "
                    + metricsPerDecade + ", which records more of the " + steps + " steps; use at most " + fits
                    + " per decade");
        }
        save = Specs.orDefault(save, List.of());
        List<String> seen = new ArrayList<>();
        for (String g : save) {
            if (!SAVE_GROUPS.contains(g)) {
                throw InvalidSpecException.of("save", g, "must list some of " + String.join(", ", SAVE_GROUPS));
            }
            if (seen.contains(g)) {
                throw InvalidSpecException.of("save", g, "lists a group twice");
            }
            seen.add(g);
        }
        save = List.copyOf(save);
        saveLimitMib = Specs.positive("save_limit_mib", Specs.orDefault(saveLimitMib, DEFAULT_SAVE_LIMIT_MIB));
        diagnostics = subsetOf("diagnostics", diagnostics, RunOptions.DIAGNOSTICS);
        if (stallSteps != null && stallSteps < 0) {
            throw InvalidSpecException.of("stall_steps", stallSteps, "must be an integer >= 0 (0: off)");
        }
        spectralNorm = Specs.orDefault(spectralNorm, true);
        baselines = subsetOf("baselines", baselines, RunOptions.BASELINES);
    }

    /**
     * {@code given} (all of {@code allowed} when absent) without repeats, in its order.
     *
     * @throws InvalidSpecException naming {@code key} for an entry not in {@code allowed}
     */
    private static List<String> subsetOf(String key, List<String> given, List<String> allowed) {
        List<String> list = Specs.orDefault(given, allowed);
        for (String g : list) {
            if (!allowed.contains(g)) {
                throw InvalidSpecException.of(key, g, "must list some of " + String.join(", ", allowed)
                        + " (or [] for none)");
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(list));
    }

    /** Most steps a run records metrics at (each holds about twenty numbers in memory until the run ends). */
    public static final long MAX_RECORDED_STEPS = 100_000;

    /** How many steps the log-spaced schedule records, counted up to {@code cap + 1}. */
    static long recordedSteps(long steps, int perDecade, long cap) {
        LogSchedule schedule = new LogSchedule(steps, perDecade);
        long count = 0;
        for (long s = 0; s >= 0 && count <= cap; s = schedule.next(s)) {
            count++;
        }
        return count;
    }

    /**
     * The stall rule's window: {@code stall_steps} when given (0: off); else off (0) for a run that asked for
     * {@code stop_at_interpolation}, whose loss may plateau between updates (a hinge loss) on its way to train
     * error 0; else max(1000, steps / 4). A run whose train loss reaches no new minimum for that many steps
     * stops as {@code stalled}.
     */
    public long stallWindow() {
        if (stallSteps != null) {
            return stallSteps;
        }
        return stopAtInterpolation ? 0 : Math.max(1000, steps / 4);
    }

    /** {@link #saveLimitMib()} in bytes. */
    public long saveLimitBytes() {
        return (long) Math.min(Long.MAX_VALUE / 2.0, saveLimitMib * 1024 * 1024);
    }
}
