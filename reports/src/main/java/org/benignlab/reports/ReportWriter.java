package org.benignlab.reports;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.benignlab.api.RunStatus;
import org.benignlab.api.results.AtomicFiles;

/**
 * Writes the report of one experiment from its results folder alone (manifest.json and each run's
 * summary.json and metrics.csv; no code of the machine that produced them) into
 * {@code <resultsDir>/report/}:
 * <ul>
 * <li>{@code report.html}: self-contained (CSS inline, figures as base64 PNG, no script, no URL);
 * <li>{@code report.md}: the same text, figures referenced as {@code figures/<name>.png};
 * <li>{@code figures/<name>.png}, {@code .pdf} (vector, real text, for LaTeX) and {@code .csv} (the plotted
 * numbers): every figure ({@link Figures} chooses them, {@link FigureOptions} narrows them);
 * <li>{@code summary.csv}: one row per configuration with every final metric's mean, sd and 95% interval
 * and the verdict.
 * </ul>
 * The report also reads each completed run's provenance.json for its stream seeds: configurations that share the
 * first configuration's draws are compared with it in pairs ({@link PairedComparisons}).
 * Every file is written to a temporary sibling and renamed over its target. The same input files
 * give byte-identical summary.csv, report.md and report.html: no timestamps, no absolute paths,
 * manifest order throughout, numbers formatted with {@link java.util.Locale#ROOT}. Figure files from an
 * earlier report that this one does not draw are deleted.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /**
     * Report settings.
     *
     * @param boundC       the constant C of Theorem 3.1 in the bound η + 2 exp(−n‖μ‖⁴/(C p)) and the
     *                     curve n‖μ‖⁴ = C p; must be positive (default 1)
     * @param tolerance    the verdicts' fixed equivalence margin around η, in [0, 0.25) (default 0.02): "benign" needs
     *                     the 95% interval of the test error within η ± tolerance
     * @param figureWidth  figure width in pixels, at least 400 (default 1100)
     * @param figureHeight figure height in pixels, at least 300 (default 700; grows to fit a long legend)
     * @param minRepetitions the fewest completed repetitions with a test error for a verdict against η, at least 2
     *                     (default 3); below it the verdict is "undetermined (k repetitions)"
     * @param figures      which figures, over which axes (default: chosen from the sweep)
     */
    public record Options(double boundC, double tolerance, int figureWidth, int figureHeight, int minRepetitions,
            FigureOptions figures) {
        public Options {
            Objects.requireNonNull(figures, "figures");
            if (!(boundC > 0) || !Double.isFinite(boundC)) {
                throw new IllegalArgumentException("boundC: must be a positive number, got " + boundC);
            }
            if (!(tolerance >= 0 && tolerance < 0.25)) {
                throw new IllegalArgumentException("tolerance: must be in [0, 0.25), got " + tolerance);
            }
            if (figureWidth < 400) {
                throw new IllegalArgumentException("figureWidth: must be at least 400, got " + figureWidth);
            }
            if (figureHeight < 300) {
                throw new IllegalArgumentException("figureHeight: must be at least 300, got " + figureHeight);
            }
            if (minRepetitions < 2) {
                throw new IllegalArgumentException("minRepetitions: must be at least 2, got " + minRepetitions);
            }
        }

        /** Options with the default of {@value #DEFAULT_MIN_REPETITIONS} repetitions for a verdict. */
        public Options(double boundC, double tolerance, int figureWidth, int figureHeight) {
            this(boundC, tolerance, figureWidth, figureHeight, DEFAULT_MIN_REPETITIONS, FigureOptions.defaults());
        }

        /** The default fewest repetitions for a verdict against η. */
        public static final int DEFAULT_MIN_REPETITIONS = 3;

        /** C = 1, margin 0.02, figures 1100 x 700, three repetitions for a verdict. */
        public static Options defaults() {
            return new Options(1.0, 0.02, 1100, 700, DEFAULT_MIN_REPETITIONS, FigureOptions.defaults());
        }

        public Options withBoundC(double c) {
            return new Options(c, tolerance, figureWidth, figureHeight, minRepetitions, figures);
        }

        public Options withMinRepetitions(int k) {
            return new Options(boundC, tolerance, figureWidth, figureHeight, k, figures);
        }

        public Options withTolerance(double tol) {
            return new Options(boundC, tol, figureWidth, figureHeight, minRepetitions, figures);
        }

        public Options withFigures(FigureOptions f) {
            return new Options(boundC, tolerance, figureWidth, figureHeight, minRepetitions, f);
        }
    }

    /**
     * What was written.
     *
     * @param dir        {@code <resultsDir>/report}
     * @param html       report.html
     * @param markdown   report.md
     * @param summaryCsv summary.csv
     * @param figures    every figure file, PNG, PDF then CSV for each figure in report order
     * @param warnings   the warnings listed in the report (unfinished, failed and diverged runs, ...)
     */
    public record Report(Path dir, Path html, Path markdown, Path summaryCsv, List<Path> figures,
            List<String> warnings) {
        public Report {
            figures = List.copyOf(figures);
            warnings = List.copyOf(warnings);
        }

        /** How many figures (each has {@link #FILES_PER_FIGURE} files). */
        public int figureCount() {
            return figures.size() / FILES_PER_FIGURE;
        }
    }

    /** PNG, PDF and CSV. */
    public static final int FILES_PER_FIGURE = 3;

    /**
     * Reads {@code resultsDir} and writes its report into {@code resultsDir/report/}.
     *
     * @throws ReportInputException when the folder is not a results folder or a result file is malformed
     *                              (one-line message naming the file), or when a figure option does not fit these
     *                              results (an axis that is neither a numeric path nor an expression over the
     *                              recorded parameters: one line naming the option, the value and what is allowed);
     *                              nothing is written then
     * @throws IOException          when the report cannot be written
     */
    public static Report write(Path resultsDir, Options options) throws IOException {
        Objects.requireNonNull(resultsDir, "resultsDir");
        Objects.requireNonNull(options, "options");
        Experiment exp = ResultsReader.read(resultsDir);
        List<ConfigStats> stats = new ArrayList<>();
        for (Configuration c : exp.configurations()) {
            stats.add(ConfigStats.of(c, options.tolerance(), options.minRepetitions()));
        }
        List<String> warnings = runWarnings(exp, stats);
        PairedComparisons paired = PairedComparisons.of(resultsDir, exp);
        warnings.addAll(paired.warnings());
        Map<String, MetricsTable> tables = new LinkedHashMap<>();
        for (RunRecord r : exp.runs()) {
            if (!r.completed()) {
                continue;
            }
            if (r.metricsFile() == null) {
                warnings.add("run " + r.key() + " completed but has no metrics.csv: it is left out of the curves");
                continue;
            }
            try {
                tables.put(r.key(), MetricsTable.read(r.metricsFile()));
            } catch (IOException e) {
                throw new ReportInputException(e.getMessage() != null && e.getMessage().contains(r.metricsFile().toString())
                        ? e.getMessage() : r.metricsFile() + ": " + e.getMessage(), e);
            }
        }
        List<Figure> figures = Figures.build(exp, stats, tables, options, warnings);

        Path dir = resultsDir.resolve("report");
        Path figDir = dir.resolve("figures");
        Files.createDirectories(figDir);
        List<Path> figureFiles = new ArrayList<>();
        List<Doc.FigureBlock> blocks = new ArrayList<>();
        Set<String> written = new HashSet<>();
        int number = 1;
        for (Figure f : figures) {
            byte[] png = FigureFiles.png(f);
            Path pngFile = figDir.resolve(f.name() + ".png");
            Path pdfFile = figDir.resolve(f.name() + ".pdf");
            Path csvFile = figDir.resolve(f.name() + ".csv");
            AtomicFiles.write(pngFile, png);
            AtomicFiles.write(pdfFile, FigureFiles.pdf(f));
            AtomicFiles.write(csvFile, FigureFiles.csv(f));
            for (Path p : List.of(pngFile, pdfFile, csvFile)) {
                figureFiles.add(p);
                written.add(p.getFileName().toString());
            }
            blocks.add(new Doc.FigureBlock(number++, f.name(), f.title(), f.caption(), png, f.width(), f.height()));
        }
        deleteStaleFigures(figDir, written);

        Path csv = dir.resolve("summary.csv");
        AtomicFiles.write(csv, SummaryCsv.render(exp, stats, options.boundC()));
        Doc doc = ReportText.build(exp, stats, blocks, warnings, options, paired);
        Path md = dir.resolve("report.md");
        AtomicFiles.write(md, doc.toMarkdown());
        Path html = dir.resolve("report.html");
        AtomicFiles.write(html, doc.toHtml());
        return new Report(dir, html, md, csv, figureFiles, warnings);
    }

    private static List<String> runWarnings(Experiment exp, List<ConfigStats> stats) {
        List<String> w = new ArrayList<>();
        Map<String, Configuration> byKey = new LinkedHashMap<>();
        for (Configuration c : exp.configurations()) {
            byKey.put(c.configKey(), c);
        }
        List<String> unfinished = new ArrayList<>();
        for (RunRecord r : exp.runs()) {
            if (!r.finished()) {
                unfinished.add(r.key());
            }
        }
        if (!unfinished.isEmpty()) {
            int shown = Math.min(10, unfinished.size());
            w.add(unfinished.size() + " of " + exp.runs().size() + " runs are unfinished (no summary.json) and are left "
                    + "out of every statistic: " + String.join(", ", unfinished.subList(0, shown))
                    + (shown < unfinished.size() ? ", ..." : ""));
        }
        for (RunRecord r : exp.runs()) {
            if (!r.finished() || r.summary().status() == RunStatus.COMPLETED) {
                continue;
            }
            String where = "run " + r.key() + " (configuration " + byKey.get(r.configKey()).id() + ", repetition "
                    + r.repetition() + ")";
            String msg = r.summary().message() == null || r.summary().message().isBlank() ? "no message"
                    : ReportInputException.oneLine(r.summary().message());
            if (r.summary().status() == RunStatus.DIVERGED) {
                Double at = r.summary().divergedAtStep();
                w.add(where + " diverged" + (at == null ? "" : " at step " + Formats.csv(at)) + ": " + msg);
            } else {
                w.add(where + " failed: " + msg);
            }
        }
        for (RunRecord r : exp.runs()) {
            if (!r.finished() || r.summary().noisyCount() == null) {
                continue;
            }
            Double n = ClaimRuns.n(r);
            if (n != null && n > 0 && 2 * r.summary().noisyCount() >= n) {
                w.add("run " + r.key() + " (configuration " + byKey.get(r.configKey()).id() + ", repetition "
                        + r.repetition() + "): " + Formats.csv(r.summary().noisyCount()) + " of " + Formats.csv(n)
                        + " training labels were flipped, a fraction of 1/2 or more: its observed labels agree with the "
                        + "reversed classifier at least as often as with the true one");
            }
        }
        for (ConfigStats s : stats) {
            w.addAll(s.notes());
            Configuration c = s.config();
            if (s.completed() > 0 && c.eta() == null) {
                w.add(c.id() + ": the noise rate η is not recorded, so no verdict against η is possible");
            }
        }
        return w;
    }

    private static void deleteStaleFigures(Path figDir, Set<String> written) throws IOException {
        TreeSet<Path> stale = new TreeSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(figDir, "*.{png,svg,pdf,csv}")) {
            for (Path p : ds) {
                if (!written.contains(p.getFileName().toString())) {
                    stale.add(p);
                }
            }
        }
        for (Path p : stale) {
            Files.deleteIfExists(p);
        }
    }

    /** Engine name -> number of finished runs, sorted by name. */
    static Map<String, Integer> engines(Experiment exp) {
        Map<String, Integer> out = new TreeMap<>();
        for (RunRecord r : exp.runs()) {
            if (r.finished() && r.summary().engine() != null) {
                out.merge(r.summary().engine(), 1, Integer::sum);
            }
        }
        return out;
    }
}
