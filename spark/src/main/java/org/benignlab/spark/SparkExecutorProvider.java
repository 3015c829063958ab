package org.benignlab.spark;

import org.benignlab.experiments.run.RunExecutor;
import org.benignlab.experiments.run.RunExecutorProvider;

/**
 * {@code benign run FILE --executor spark --master URL}: registered in
 * {@code META-INF/services/org.benignlab.experiments.run.RunExecutorProvider}, so the command finds it when
 * this module's jar is on its class path (spark-submit) or given with {@code --plugins}.
 */
public final class SparkExecutorProvider implements RunExecutorProvider {
    /** The name given to {@code --executor}. */
    public static final String NAME = "spark";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "runs each run as an Apache Spark task on --master URL (local[N], spark://host:7077, yarn, ...) or "
                + "the master spark-submit gives; options: ship-plugins=auto|yes|no, spark.*=VALUE";
    }

    @Override
    public RunExecutor create(Context context) {
        return new SparkExecutor(SparkSettings.parse(context.options()), context.pluginJars());
    }
}
