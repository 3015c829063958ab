package org.benignlab.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.benignlab.experiments.results.FolderLock;
import org.benignlab.experiments.spec.ExperimentLoader;
import org.benignlab.reports.FigureOptions;
import org.benignlab.reports.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code benign report RESULTS_DIR}: the report of a results folder, from its files alone. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes RESULTS_DIR/report/: report.html (self-contained), report.md, summary.csv and every "
                + "figure as PNG, PDF (vector, real text) and CSV (the plotted numbers), from the result files alone.")
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "A results folder of 'benign run'.")
    Path dir;

    @Option(names = "--bound-c", paramLabel = "C", defaultValue = "1",
            description = "The constant C of the Theorem 3.1 bound eta + 2 exp(-n ||mu||^4 / (C p)). Default: ${DEFAULT-VALUE}.")
    double boundC;

    @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "0.02",
            description = "The verdicts' fixed equivalence margin around the noise rate: 'benign' needs the 95%% interval "
                    + "of the test error within eta +- TOL. Default: ${DEFAULT-VALUE}.")
    double tolerance;

    @Option(names = "--min-repetitions", paramLabel = "K", defaultValue = "3",
            description = "Fewest completed repetitions for a verdict against the noise rate (at least 2); below it "
                    + "the verdict is 'undetermined (k repetitions)'. Default: ${DEFAULT-VALUE}.")
    int minRepetitions;

    @Option(names = "--figures", paramLabel = "FAMILIES",
            description = "Figure families to draw, comma-separated: versus (a final metric against each x axis), curves "
                    + "(training curves), heatmaps, diagnostics; or all. Default: all, the diagnostics only up to 30 "
                    + "configurations.")
    String figures;

    @Option(names = "--x", paramLabel = "AXIS",
            description = "An x axis of the final-metric figures (repeatable): a path (data.n, vars.ratio) or an expression "
                    + "over the run parameters and vars, e.g. 'n*mu^4/p', 'mu/p^0.25', 'p/n'. Default: every numeric swept "
                    + "path, and n*mu^4/p when two or more of n, p, mu vary.")
    List<String> x;

    @Option(names = "--heatmap", paramLabel = "X,Y",
            description = "Heat-map axes (repeatable), two paths or expressions, e.g. vars.ratio,data.n. Default: the two "
                    + "numeric swept paths when exactly two are swept.")
    List<String> heatmap;

    @Option(names = "--metric", paramLabel = "METRIC",
            description = "Final metric of the final-metric figures and heat maps (repeatable or comma-separated), e.g. "
                    + "test_error_clean. Default: test_error and test_error_clean.")
    List<String> metric;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A YAML file with the figure choices instead of the flags: keys figures, x, heatmap, metric "
                    + "(each a string or a list of strings).")
    Path config;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        ReportWriter.Options options = options(spec.commandLine(), boundC, tolerance)
                .withFigures(figureOptions(spec.commandLine(), config, figures, x, heatmap, metric));
        try {
            options = options.withMinRepetitions(minRepetitions);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--min-repetitions: must be at least 2, got "
                    + minRepetitions);
        }
        // one writer per folder: not while a run, merge or another report writes into it (a folder that does not
        // exist is left to the report's own error, and not created)
        try (FolderLock lock = Files.isDirectory(dir) ? FolderLock.acquire(dir, "report") : null) {
            write(w, dir, options);
        }
        return 0;
    }

    static ReportWriter.Options options(CommandLine cl, double boundC, double tolerance) {
        try {
            return ReportWriter.Options.defaults().withBoundC(boundC).withTolerance(tolerance);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    /** The keys of a --config file. */
    static final List<String> CONFIG_KEYS = List.of("figures", "x", "heatmap", "metric");

    /** The figure choices of the flags or of a --config file (not both); a bad value is a usage error (exit 2). */
    static FigureOptions figureOptions(CommandLine cl, Path config, String figures, List<String> x, List<String> heatmap,
            List<String> metric) {
        boolean flags = figures != null || x != null || heatmap != null || metric != null;
        try {
            if (config == null) {
                return FigureOptions.parse(figures == null ? null : List.of(figures), x, heatmap, metric, "");
            }
            if (flags) {
                throw new IllegalArgumentException("--config: give the figure choices either in " + config
                        + " or as --figures, --x, --heatmap, --metric, not both");
            }
            JsonNode tree = new ExperimentLoader(Map.of()).readTree(config);
            if (tree == null || !tree.isObject()) {
                throw new IllegalArgumentException(config + ": must be a mapping with keys " + String.join(", ", CONFIG_KEYS));
            }
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!CONFIG_KEYS.contains(key)) {
                    throw new IllegalArgumentException(config + ": unknown key '" + key + "'; allowed: "
                            + String.join(", ", CONFIG_KEYS));
                }
                values.put(key, strings(config, key, tree.get(key)));
            }
            return FigureOptions.parse(values.get("figures"), values.get("x"), values.get("heatmap"), values.get("metric"),
                    config.toString());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    private static List<String> strings(Path file, String key, JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v != null && v.isValueNode() && !v.isNull()) {
            out.add(v.asText());
            return out;
        }
        if (v != null && v.isArray()) {
            for (JsonNode e : v) {
                if (!e.isValueNode() || e.isNull()) {
                    throw new IllegalArgumentException(file + ": " + key + ": entries must be strings, got " + e);
                }
                out.add(e.asText());
            }
            return out;
        }
        throw new IllegalArgumentException(file + ": " + key + ": must be a string or a list of strings, got "
                + (v == null ? "null" : v.getNodeType().toString().toLowerCase(Locale.ROOT)));
    }

    /** Writes the report and prints where it is. */
    static void write(PrintWriter w, Path dir, ReportWriter.Options options) {
        try {
            ReportWriter.Report r = ReportWriter.write(dir, options);
            for (String warning : r.warnings()) {
                w.printf(Locale.ROOT, "report: %s%n", warning);
            }
            w.printf(Locale.ROOT, "report: %s (%d figure%s; also %s and %s)%n", r.html(), r.figureCount(),
                    r.figureCount() == 1 ? "" : "s",
                    r.markdown().getFileName(), r.summaryCsv().getFileName());
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
