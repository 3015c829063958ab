package org.benignlab.experiments.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Makes a {@link RunExecutor}, found by ServiceLoader in the class path or in a jar given with
 * {@code --plugins} (register it in {@code META-INF/services/org.benignlab.experiments.run.RunExecutorProvider}),
 * and chosen with {@code benign run --executor NAME}. The built-in one is {@code local}.
 */
public interface RunExecutorProvider {

    /** The name given to {@code --executor}. */
    String name();

    /** One line for {@code benign plugins}. */
    String description();

    /**
     * What an executor is made with.
     *
     * @param threads       runs at a time for a local executor (a distributed one has its cluster's parallelism)
     * @param threadsPerRun threads for the numerics of each run (results do not depend on it)
     * @param options       {@code --executor-option KEY=VALUE} pairs, and {@code --master} as "master"
     * @param pluginJars    the {@code --plugins} jars, which every task must load to rebuild its run
     *                      ({@link PortableRun} carries them)
     */
    record Context(int threads, int threadsPerRun, Map<String, String> options, List<Path> pluginJars) {
    }

    /** A new executor; an invalid option is an {@code InputException} naming it. */
    RunExecutor create(Context context);
}
