package org.benignlab.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.benignlab.experiments.run.ExperimentRunner;
import org.benignlab.experiments.run.PluginCatalog;
import org.benignlab.experiments.run.Shard;
import org.benignlab.reports.ReportWriter;
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
            description = "Threads in all (default: number of cores): up to N runs at a time, the threads left over "
                    + "shared by their numerics. Results do not depend on it.")
    Integer threads;

    @Option(names = "--plugins", paramLabel = "PATH",
            description = "A plugin jar, or a folder of plugin jars, to load besides the built-in plugins (repeatable).")
    List<Path> plugins = new ArrayList<>();

    @Option(names = "--force-new",
            description = "Write into a new folder (DIR-2, DIR-3, ...) when the results folder already holds anything, "
                    + "instead of resuming it.")
    boolean forceNew;

    @Option(names = "--shard", paramLabel = "I/K",
            description = "Run only shard I of K (from 0) of the planned runs, e.g. one job of a job array; "
                    + "combine the shards' folders with 'benign merge'.")
    String shard;

    @Option(names = "--executor", paramLabel = "NAME", defaultValue = "local",
            description = "Where runs execute: local (default), or an executor from a plugin jar, e.g. spark "
                    + "(see 'benign plugins').")
    String executor;

    @Option(names = "--master", paramLabel = "URL",
            description = "Cluster master URL for a distributed executor, e.g. local[2] or spark://host:7077.")
    String master;

    @Option(names = "--executor-option", paramLabel = "KEY=VALUE",
            description = "An option of the executor (repeatable).")
    Map<String, String> executorOptions = new java.util.LinkedHashMap<>();

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (a bar on a terminal, lines otherwise), bar, log (a line every --progress-interval) "
                    + "or off. Default: ${DEFAULT-VALUE}.")
    String progress;

    @Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = "10",
            description = "Seconds between progress lines in log mode. Default: ${DEFAULT-VALUE}.")
    double progressInterval;

    @Option(names = "--no-report", description = "Do not write the report (RESULTS_DIR/report/) at the end.")
    boolean noReport;

    @Option(names = "--bound-c", paramLabel = "C", defaultValue = "1",
            description = "The constant C of the Theorem 3.1 bound drawn in the report. Default: ${DEFAULT-VALUE}.")
    double boundC;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary line of each run, no progress.")
    boolean quiet;

    @Override
    public Integer call() {
        int n = threads(spec.commandLine(), threads);
        if (out != null) {
            requireNamedFolder(spec.commandLine(), "--out", out);
        }
        if (!(progressInterval > 0 && progressInterval <= 86400)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--progress-interval: must be a number of seconds in (0, 86400], got " + progressInterval);
        }
        ProgressOutput.Mode mode = switch (progress) {
            case "auto" -> quiet ? ProgressOutput.Mode.OFF
                    : System.console() != null ? ProgressOutput.Mode.BAR : ProgressOutput.Mode.LOG;
            case "bar" -> ProgressOutput.Mode.BAR;
            case "log" -> ProgressOutput.Mode.LOG;
            case "off" -> ProgressOutput.Mode.OFF;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--progress: must be auto, bar, log or off, got '" + progress + "'");
        };
        ReportWriter.Options reportOptions = ReportCommand.options(spec.commandLine(), boundC, 0.02);
        PrintWriter w = spec.commandLine().getOut();
        Map<String, String> options = new java.util.LinkedHashMap<>(executorOptions);
        if (master != null) {
            options.put("master", master);
        }
        ExperimentRunner runner = new ExperimentRunner(PluginCatalog.load(plugins), n).withExecutor(executor, options);
        ExperimentRunner.Outcome outcome;
        try (ProgressOutput progressOutput = new ProgressOutput(w, System.err, mode,
                Duration.ofMillis(Math.round(progressInterval * 1000)), !quiet, file.toString())) {
            outcome = runner.run(file, overrides, out, forceNew, shard == null ? Shard.all() : Shard.parse(shard),
                    progressOutput);
        }
        boolean single = outcome.planned().runs().size() == 1;
        if (single || quiet) {
            for (ExperimentRunner.RunOutcome r : outcome.runs()) {
                if (r.skipped() && !quiet) {
                    w.printf(Locale.ROOT, "run %s already finished in %s; showing its summary "
                            + "(use --force-new for a new folder)%n", r.plan().key(), outcome.resultsDir());
                }
                printSummary(w, r.summary(), quiet);
            }
        } else {
            long skipped = outcome.runs().stream().filter(ExperimentRunner.RunOutcome::skipped).count();
            if (skipped > 0) {
                w.printf(Locale.ROOT, "%d of %d runs had finished earlier in %s and were not run again%n", skipped,
                        outcome.runs().size(), outcome.resultsDir());
            }
            SweepTable.print(w, outcome);
        }
        w.printf(Locale.ROOT, "results: %s%n", outcome.resultsDir());
        w.flush();
        if (!noReport) {
            ReportCommand.write(quiet ? new PrintWriter(java.io.Writer.nullWriter()) : w, outcome.resultsDir(),
                    reportOptions);
        }
        long failed = outcome.failed();
        if (failed > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf(Locale.ROOT, "benign: %d of %d runs failed (status and message in %s); running the same "
                    + "command again retries them%n", failed, outcome.runs().size(),
                    outcome.resultsDir().resolve("runs.csv"));
            err.flush();
            return BenignCli.FAILURE;
        }
        // a diverged run is a result (recorded with its step), not a failure of the command
        return 0;
    }

    /** An empty path would name the current folder without saying so: a usage error. */
    static void requireNamedFolder(CommandLine cl, String option, Path folder) {
        if (folder.toString().isBlank()) {
            throw new CommandLine.ParameterException(cl, option + ": must name a folder, got an empty path");
        }
    }

    /** {@code --threads}, or the number of cores when not given; out of 1..1024 is a usage error. */
    static int threads(CommandLine cl, Integer given) {
        int n = given == null ? Runtime.getRuntime().availableProcessors() : given;
        if (n < 1 || n > 1024) {
            throw new CommandLine.ParameterException(cl, "--threads: must be an integer from 1 to 1024, got " + n);
        }
        return n;
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
