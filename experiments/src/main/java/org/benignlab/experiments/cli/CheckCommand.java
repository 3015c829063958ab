package org.benignlab.experiments.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.benignlab.experiments.run.PluginCatalog;
import org.benignlab.experiments.run.SweepPlanner;
import org.benignlab.experiments.spec.ExperimentLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code benign check FILE}: the theorem's assumptions for each configuration of a file, without running it. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "For each configuration of an experiment file: the assumptions A1-A6 of Theorem 3.1 (both sides, "
                + "whether they hold, the largest C for which they do), the theorem's bound, the Bayes error, "
                + "n||mu||^4/(sigma^4 p) and ||mu||/(sigma p^(1/4)) from the cluster's declared properties. Runs nothing.")
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Experiment YAML file.")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Overrides a value by its dotted path (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--plugins", paramLabel = "PATH", description = "Plugin jars to load (repeatable).")
    List<Path> plugins = new ArrayList<>();

    @Option(names = "-C", paramLabel = "C", defaultValue = "1",
            description = "The constant C of the assumptions and of the bound. Default: ${DEFAULT-VALUE}.")
    double c;

    @Option(names = "--delta", paramLabel = "DELTA", defaultValue = "0.01",
            description = "The failure probability δ in the assumptions, in (0, 1/2). Default: ${DEFAULT-VALUE}.")
    double delta;

    @Override
    public Integer call() {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-C: must be a number > 0, got " + c);
        }
        if (!(delta > 0 && delta < 0.5)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--delta: must be in (0, 1/2), got " + delta);
        }
        SweepPlanner.Planned planned = SweepPlanner.plan(
                new ExperimentLoader(PluginCatalog.load(plugins).registries()), file, overrides);
        AssumptionTable.print(spec.commandLine().getOut(), planned, c, delta, c);
        return 0;
    }
}
