package org.benignlab.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.benignlab.experiments.run.ExperimentRunner;
import org.benignlab.experiments.run.PluginCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code benign run FILE [--set PATH=VALUE]... [--out DIR] [--threads N] [--plugins PATH]...}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs an experiment file and writes its results folder.")
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Experiment YAML file.")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Overrides a value by its dotted path, e.g. --set training.steps=500 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Results folder of this experiment (default: results/<name>).")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the numerics (default: number of cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--plugins", paramLabel = "PATH",
            description = "A plugin jar, or a folder of plugin jars, to load besides the built-in plugins (repeatable).")
    List<Path> plugins = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary line.")
    boolean quiet;

    @Override
    public Integer call() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 1024) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--threads: must be an integer from 1 to 1024, got " + n);
        }
        PrintWriter w = spec.commandLine().getOut();
        ExperimentRunner runner = new ExperimentRunner(PluginCatalog.load(plugins), n);
        ExperimentRunner.Outcome outcome = runner.run(file, overrides, out, started -> {
            if (!quiet) {
                w.printf(Locale.ROOT, "running %s (run %s, engine %s: %s)%n", file, started.plan().key(),
                        started.engine().name(), started.engine().reason());
                w.flush();
            }
        });
        for (ExperimentRunner.RunOutcome r : outcome.runs()) {
            Map<String, Object> s = r.summary();
            if (r.skipped()) {
                w.printf(Locale.ROOT, "run %s already finished in %s; showing its summary "
                        + "(delete that run's folder to run it again)%n", r.plan().key(), outcome.resultsDir());
            }
            printSummary(w, s, quiet);
        }
        w.printf(Locale.ROOT, "results: %s%n", outcome.resultsDir());
        w.flush();
        // a diverged run is a result (recorded with its step), not a failure of the command
        return 0;
    }

    static void printSummary(PrintWriter w, Map<String, Object> s, boolean quiet) {
        String status = String.valueOf(s.get("status"));
        if (quiet) {
            w.printf(Locale.ROOT, "%s %s steps=%s train_error=%s test_error=%s test_error_clean=%s%n",
                    s.get("run_key"), status, s.get("steps"), fmt(s.get("train_error")), fmt(s.get("test_error")),
                    fmt(s.get("test_error_clean")));
            return;
        }
        w.printf(Locale.ROOT, "status      %s (stopped by %s after %s steps, %s s, engine %s)%n", status,
                s.get("stop_reason"), s.get("steps"), s.get("seconds"), s.get("engine"));
        if (s.containsKey("diverged_at_step")) {
            w.printf(Locale.ROOT, "diverged    at step %s: %s%n", s.get("diverged_at_step"), s.get("message"));
        }
        w.printf(Locale.ROOT, "train       error %s (clean points %s, noisy points %s), loss %s%n",
                fmt(s.get("train_error")), fmt(s.get("train_error_clean")), fmt(s.get("train_error_noisy")),
                sci(s.get("train_loss")));
        w.printf(Locale.ROOT, "test        error %s on noisy labels, %s on clean labels (noise rate %s, %s noisy "
                        + "training points)%n",
                fmt(s.get("test_error")), fmt(s.get("test_error_clean")), fmt(s.get("noise_rate")),
                s.get("noisy_count"));
    }

    private static String fmt(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%.4f", n.doubleValue()) : "n/a";
    }

    private static String sci(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%.3e", n.doubleValue()) : "n/a";
    }
}
