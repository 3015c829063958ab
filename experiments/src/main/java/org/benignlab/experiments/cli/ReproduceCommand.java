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
import org.benignlab.experiments.spec.InputException;
import org.benignlab.reports.Claims;
import org.benignlab.reports.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code benign reproduce [--quick]}: runs the sweep of each claim of the paper (examples/paper/, also
 * inside the jar), checks each claim by its rule and writes the claims report. Running again resumes:
 * finished runs are kept.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Runs one sweep per claim of Frei, Chatterji, Bartlett (2022) and writes a claims report "
                + "(claims.md, claims.html, claims.csv): what the paper states, what was measured, a verdict and its rule.")
final class ReproduceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--quick", description = "Smaller sweeps (fewer values, repetitions and steps): about a minute.")
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
        Path dir = out != null ? out : Path.of("results", quick ? "paper-quick" : "paper");
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "reproducing %d claims of Frei, Chatterji, Bartlett (2022)%s into %s%n",
                only.isEmpty() ? ids.size() : only.size(), quick ? " (quick)" : "", dir);
        w.flush();
        ExperimentRunner runner = new ExperimentRunner(PluginCatalog.builtIn(), n);
        List<Claims.Finding> findings = new ArrayList<>();
        long failed = 0;
        for (Claims.Claim claim : Claims.ALL) {
            if (!only.isEmpty() && !only.contains(claim.id())) {
                continue;
            }
            Path yaml = dir.resolve(claim.id() + ".yaml");
            Files.createDirectories(dir);
            Files.writeString(yaml, source(claim.id()));
            long t0 = System.nanoTime();
            ExperimentRunner.Outcome outcome;
            try (ProgressOutput progress = new ProgressOutput(w, System.err, ProgressOutput.Mode.OFF,
                    Duration.ofSeconds(60), false, yaml.toString())) {
                outcome = runner.run(yaml, quick ? claim.quick() : List.of(), dir.resolve(claim.id()), false, progress);
            }
            failed += outcome.failed();
            if (!noReport) {
                ReportWriter.write(outcome.resultsDir(), ReportWriter.Options.defaults());
            }
            Claims.Finding f = Claims.evaluate(claim, outcome.resultsDir());
            findings.add(f);
            w.printf(Locale.ROOT, "%-24s %-14s %s (%d runs, %.0f s)%n", claim.id(), f.verdict().word(), f.measured(),
                    outcome.runs().size(), (System.nanoTime() - t0) / 1e9);
            w.flush();
        }
        List<Path> files = Claims.write(findings, dir, quick ? "quick" : "full");
        w.printf(Locale.ROOT, "claims report: %s (also %s, %s)%n", files.get(0), files.get(1).getFileName(),
                files.get(2).getFileName());
        w.flush();
        return failed > 0 ? BenignCli.FAILURE : 0;
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
