package org.benignlab.experiments.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.benignlab.experiments.run.ExperimentRunner;
import org.benignlab.experiments.run.PluginCatalog;
import org.benignlab.experiments.run.SweepPlanner;
import org.benignlab.experiments.spec.ExperimentLoader;
import org.benignlab.experiments.spec.InputException;
import org.benignlab.reports.Claims;
import org.benignlab.reports.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code benign reproduce [--quick] [--only CLAIM]... [--claims DIR] [--set PATH=VALUE]... [--plugins PATH]...}:
 * runs the sweep of each claim of the paper (examples/paper/, also inside the jar) and of its negative
 * control, checks each claim by its rule ({@link Claims}) and writes the claims report. {@code --set}
 * applies to each selected claim's experiment (after the {@code --quick} overrides; a control's own
 * overrides come last, so a control stays a control). Running again resumes: finished runs are kept.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Runs one sweep per claim of Frei, Chatterji, Bartlett (2022), and one per negative control, and "
                + "writes a claims report (claims.md, claims.html, claims.csv): what the paper states, what was "
                + "measured, a verdict by a stated rule, and the control's verdict (which must be 'not supported').")
final class ReproduceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--quick", description = "Smaller sweeps (fewer values and repetitions): a few minutes; verdicts "
            + "may be 'inconclusive' for lack of repetitions, and say so.")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the sweeps and the claims report go (default: results/paper, or results/paper-quick).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Threads in all (default: number of cores).")
    Integer threads;

    @Option(names = "--claims", paramLabel = "DIR",
            description = "Read the claims' experiment files (<claim>.yaml) from DIR instead of the built-in copies.")
    Path claimsDir;

    @Option(names = "--only", paramLabel = "CLAIM", description = "Check only this claim (repeatable).")
    List<String> only = new ArrayList<>();

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a value of each selected claim's experiment, as in 'benign run' (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--plugins", paramLabel = "PATH",
            description = "A plugin jar, or a folder of plugin jars, to load besides the built-in plugins (repeatable).")
    List<Path> plugins = new ArrayList<>();

    @Option(names = "--no-report", description = "Do not write each sweep's own report (the claims report is written).")
    boolean noReport;

    @Override
    public Integer call() throws IOException {
        int n = RunCommand.threads(spec.commandLine(), threads);
        List<String> ids = Claims.ALL.stream().map(Claims.Claim::id).toList();
        for (String o : only) {
            if (!ids.contains(o)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--only " + o + ": no such claim; claims: "
                        + String.join(", ", ids));
            }
        }
        if (claimsDir != null && !Files.isDirectory(claimsDir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--claims " + claimsDir
                    + ": not a folder; give the folder that holds <claim>.yaml files");
        }
        List<Claims.Claim> selected = Claims.ALL.stream().filter(c -> only.isEmpty() || only.contains(c.id())).toList();
        List<String> sources = new ArrayList<>();
        for (Claims.Claim claim : selected) {
            sources.add(source(claim.id())); // every file is read (and found) before anything runs
        }
        PluginCatalog catalog = PluginCatalog.load(plugins);
        check(catalog, selected, sources);
        ExperimentRunner runner = new ExperimentRunner(catalog, n);
        Path dir = out != null ? out : Path.of("results", quick ? "paper-quick" : "paper");
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "reproducing %d claims of Frei, Chatterji, Bartlett (2022)%s into %s%n",
                selected.size(), quick ? " (quick)" : "", dir);
        w.flush();
        List<Claims.Finding> findings = new ArrayList<>();
        long failed = 0;
        for (int i = 0; i < selected.size(); i++) {
            Claims.Claim claim = selected.get(i);
            Path yaml = dir.resolve(claim.id() + ".yaml");
            Files.createDirectories(dir);
            Files.writeString(yaml, sources.get(i));
            long t0 = System.nanoTime();
            List<String> overrides = new ArrayList<>(quick ? claim.quick() : List.of());
            overrides.addAll(sets);
            ExperimentRunner.Outcome outcome = run(runner, yaml, overrides, dir.resolve(claim.id()), w);
            failed += outcome.failed();
            int runs = outcome.runs().size();
            Path controlDir = null;
            if (claim.controlRuns()) {
                List<String> control = new ArrayList<>(overrides);
                control.addAll(claim.controlOverrides());
                ExperimentRunner.Outcome c = run(runner, yaml, control, dir.resolve(claim.id() + "-control"), w);
                failed += c.failed();
                runs += c.runs().size();
                controlDir = c.resultsDir();
            }
            Claims.Finding f = Claims.evaluate(claim, outcome.resultsDir(), controlDir);
            findings.add(f);
            w.printf(Locale.ROOT, "%-22s %-14s control: %-14s satisfied %d/%d (%d runs, %.0f s)%n", claim.id(),
                    f.verdict().word(), f.controlVerdict().word(), f.satisfied(), f.trials(), runs,
                    (System.nanoTime() - t0) / 1e9);
            w.flush();
        }
        List<Path> files = Claims.write(findings, dir, quick ? "quick" : "full");
        w.printf(Locale.ROOT, "claims report: %s (also %s, %s)%n", files.get(0), files.get(1).getFileName(),
                files.get(2).getFileName());
        w.flush();
        return failed > 0 ? BenignCli.FAILURE : 0;
    }

    /**
     * Plans every selected claim and control with its overrides before anything is written, so a bad
     * {@code --set} or claim file is refused with nothing written.
     */
    private void check(PluginCatalog catalog, List<Claims.Claim> selected, List<String> sources) throws IOException {
        Path tmp = Files.createTempDirectory("benign-reproduce");
        try {
            ExperimentLoader loader = new ExperimentLoader(catalog.registries());
            for (int i = 0; i < selected.size(); i++) {
                Claims.Claim claim = selected.get(i);
                Path yaml = tmp.resolve(claim.id() + ".yaml");
                Files.writeString(yaml, sources.get(i));
                List<String> overrides = new ArrayList<>(quick ? claim.quick() : List.of());
                overrides.addAll(sets);
                try {
                    SweepPlanner.plan(loader, yaml, overrides);
                    if (claim.controlRuns()) {
                        List<String> control = new ArrayList<>(overrides);
                        control.addAll(claim.controlOverrides());
                        SweepPlanner.plan(loader, yaml, control);
                    }
                } catch (InputException | org.benignlab.api.InvalidSpecException e) {
                    String where = claimsDir != null ? claimsDir.resolve(claim.id() + ".yaml").toString()
                            : "claim " + claim.id();
                    throw new InputException(where + ": " + e.getMessage().replace(yaml + ": ", ""), e);
                }
            }
        } finally {
            try (var files = Files.list(tmp)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(tmp);
        }
    }

    private ExperimentRunner.Outcome run(ExperimentRunner runner, Path yaml, List<String> overrides, Path resultsDir,
            PrintWriter w) throws IOException {
        ExperimentRunner.Outcome outcome;
        try (ProgressOutput progress = new ProgressOutput(w, System.err, ProgressOutput.Mode.OFF,
                Duration.ofSeconds(60), false, yaml.toString())) {
            outcome = runner.run(yaml, overrides, resultsDir, false, progress);
        }
        if (!noReport) {
            ReportWriter.write(outcome.resultsDir(), ReportWriter.Options.defaults());
        }
        return outcome;
    }

    private String source(String id) {
        try {
            if (claimsDir != null) {
                Path f = claimsDir.resolve(id + ".yaml");
                if (!Files.isRegularFile(f)) {
                    throw new InputException("--claims " + claimsDir + ": has no " + id + ".yaml");
                }
                return Files.readString(f);
            }
            try (InputStream in = ReproduceCommand.class.getResourceAsStream("/paper/" + id + ".yaml")) {
                if (in == null) {
                    throw new IllegalStateException("the built-in claim file paper/" + id + ".yaml is missing from the jar");
                }
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
