package org.benignlab.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.benignlab.api.CsvCells;
import org.benignlab.api.MetricNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a 2 x 2 sweep with 2 repetitions (fixture numbers in {@link Fixtures#sweep2x2()}) and
 * of a single run: files, numbers, verdicts, determinism.
 */
class ReportWriterTest {
    /** Φ^-1(0.975) and t_{0.975, 1}, the quantiles behind the intervals, to 12 digits. */
    static final double Z = 1.959963984540054;
    static final double T1 = 12.706204736174698;

    @TempDir
    static Path shared;

    static Path sweepDir;
    static ReportWriter.Report sweep;

    @BeforeAll
    static void writeSweepReport() throws IOException {
        sweepDir = shared.resolve("p-mu-sweep");
        Fixtures.write(sweepDir, "p-mu sweep", List.of("data.p", "data.mu"), 2, Fixtures.sweep2x2());
        sweep = ReportWriter.write(sweepDir, ReportWriter.Options.defaults().withMinRepetitions(2));
    }

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    static final byte[] PDF_SIGNATURE = {'%', 'P', 'D', 'F', '-'};

    /** A figure's three files: a PNG, a PDF and the CSV of its plotted numbers. */
    static void assertFigureFiles(Path figures, String name) throws Exception {
        Path png = figures.resolve(name + ".png");
        Path pdf = figures.resolve(name + ".pdf");
        Path csv = figures.resolve(name + ".csv");
        for (Path p : List.of(png, pdf, csv)) {
            assertTrue(Files.isRegularFile(p), p + " missing");
        }
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(png), 8), png + " is not a PNG");
        assertArrayEquals(PDF_SIGNATURE, Arrays.copyOf(Files.readAllBytes(pdf), 5), pdf + " is not a PDF");
        assertEquals(FigureFiles.CSV_HEADER, Files.readAllLines(csv).get(0), csv.toString());
    }

    static final List<String> SWEEP_FIGURES = List.of("test_error_vs_data_p", "clean_test_error_vs_data_p",
            "test_error_vs_data_mu", "clean_test_error_vs_data_mu", "test_error_vs_n_mu_4_p",
            "clean_test_error_vs_n_mu_4_p", "training_curves", "heatmap_test_error_clean", "heatmap_test_error",
            "diagnostics");

    @Test
    void writesEveryFigureAsPngPdfAndCsv() throws Exception {
        Path figures = sweepDir.resolve("report/figures");
        for (String name : SWEEP_FIGURES) {
            assertFigureFiles(figures, name);
        }
        List<Path> listed = new ArrayList<>();
        for (String name : SWEEP_FIGURES) {
            listed.add(figures.resolve(name + ".png"));
            listed.add(figures.resolve(name + ".pdf"));
            listed.add(figures.resolve(name + ".csv"));
        }
        assertEquals(listed, sweep.figures());
        assertEquals(SWEEP_FIGURES.size(), sweep.figureCount());
        try (Stream<Path> s = Files.list(figures)) {
            assertEquals(3 * SWEEP_FIGURES.size(), s.count(), "no other figure files");
        }
        assertEquals(sweepDir.resolve("report"), sweep.dir());
        assertTrue(Files.isRegularFile(sweep.html()) && Files.isRegularFile(sweep.markdown()));
        try (Stream<Path> s = Files.list(sweep.dir())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    /** summary.csv as header name -> cell, one map per row. */
    static List<Map<String, String>> readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = CsvCells.split(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = CsvCells.split(line);
            assertEquals(header.size(), cells.size(), line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    static double num(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    /** Wilson score interval written out from its definition. */
    static double[] wilson(double k, double n) {
        double p = k / n;
        double d = 1 + Z * Z / n;
        double c = (p + Z * Z / (2 * n)) / d;
        double h = Z * Math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / d;
        return new double[] {c - h, c + h};
    }

    @Test
    void summaryCsvHasOneRowPerConfigurationWithMeansAndIntervals() throws IOException {
        List<Map<String, String>> rows = readCsv(sweep.summaryCsv());
        assertEquals(4, rows.size());
        List<String> header = new ArrayList<>(rows.get(0).keySet());
        assertEquals(List.of("config_key", "data.p", "data.mu", "n", "p", "m", "mu", "eta", "runs", "completed",
                "diverged", "failed", "interpolated", "train_loss_mean", "train_loss_sd", "train_loss_ci95_low",
                "train_loss_ci95_high", "train_loss_ci95_method"), header.subList(0, 18));
        assertEquals(List.of("verdict", "verdict_margin", "verdict_min_repetitions", "verdict_tost_p", "signal", "bound",
                "bayes_error", "theory_note"), header.subList(header.size() - 8, header.size()));
        assertEquals(13 + 5 * MetricNames.ALL.size() + 8, header.size());
        assertEquals(List.of("cfg1", "cfg2", "cfg3", "cfg4"), rows.stream().map(r -> r.get("config_key")).toList());

        Map<String, String> c1 = rows.get(0);
        assertEquals("1000", c1.get("data.p"));
        assertEquals("10", c1.get("data.mu"));
        assertEquals("50", c1.get("n"));
        assertEquals("0.1", c1.get("eta"));
        assertEquals("2", c1.get("runs"));
        assertEquals("2", c1.get("completed"));
        assertEquals("0", c1.get("diverged"));
        assertEquals("1", c1.get("interpolated"));
        // train loss 0.2 and 0.4: mean 0.3, sd sqrt(0.02) = 0.1414, t interval 0.3 ± t(0.975,1) · sd / √2 = 0.3 ± 0.1 t
        assertEquals(0.3, num(c1, "train_loss_mean"), 1e-12);
        assertEquals(Math.sqrt(0.02), num(c1, "train_loss_sd"), 1e-12);
        assertEquals(0.3 - 0.1 * T1, num(c1, "train_loss_ci95_low"), 1e-9);
        assertEquals(0.3 + 0.1 * T1, num(c1, "train_loss_ci95_high"), 1e-9);
        assertEquals("t-repetitions", c1.get("train_loss_ci95_method"));
        // test errors 0.100 and 0.101: the t interval (1 degree of freedom) of their logits, mapped back
        assertEquals(0.1005, num(c1, "test_error_mean"), 1e-12);
        double l1 = Math.log(0.100 / 0.900);
        double l2 = Math.log(0.101 / 0.899);
        double half = T1 * Math.abs(l1 - l2) / Math.sqrt(2) / Math.sqrt(2);
        assertEquals(1 / (1 + Math.exp(-((l1 + l2) / 2 - half))), num(c1, "test_error_ci95_low"), 1e-12);
        assertEquals(1 / (1 + Math.exp(-((l1 + l2) / 2 + half))), num(c1, "test_error_ci95_high"), 1e-12);
        assertEquals("logit-t-repetitions", c1.get("test_error_ci95_method"));
        assertEquals("0.02", c1.get("verdict_margin"));
        assertEquals("2", c1.get("verdict_min_repetitions"));
        assertTrue(num(c1, "verdict_tost_p") <= 0.025, "inside the margin: TOST p <= 0.025");
        // identical values: sd 0 and a zero-width t interval
        assertEquals(0.0, num(c1, "weight_norm_fro_sd"));
        assertEquals(2.0, num(c1, "weight_norm_fro_ci95_low"), 1e-12);

        // configuration 2: train errors 0.02 and 0 of n = 50: 0 is moved to 1/(2·50) = 0.01 on the logit scale
        // (the rate's continuity correction), then the t interval of the two logits
        Map<String, String> c2 = rows.get(1);
        assertEquals("0.5", c2.get("interpolated"));
        assertEquals(0.01, num(c2, "train_error_mean"), 1e-12);
        Stats.Interval t2 = Stats.logitTInterval(new double[] {0.02, 0.0}, 50);
        assertArrayEquals(new double[] {t2.low(), t2.high()}, new double[] {num(c2, "train_error_ci95_low"),
            num(c2, "train_error_ci95_high")}, 1e-12);
        assertEquals("logit-t-repetitions", c2.get("train_error_ci95_method"));
        assertEquals("", c2.get("verdict_tost_p"), "no verdict against η without interpolation");

        assertEquals(List.of("benign", "not interpolating", "tempered", "catastrophic"),
                rows.stream().map(r -> r.get("verdict")).toList());
    }

    @Test
    void reportTextHasTheTableTheRuleAndTheFigures() throws IOException {
        String md = Files.readString(sweep.markdown());
        assertTrue(md.startsWith("# Report: p-mu sweep\n"), md.substring(0, 40));
        assertTrue(md.contains("| #1 | 1000 | 10 | 2/2 | 2/2 | 0.101 (0.094–0.107) |"), md);
        assertTrue(md.contains("![Test error on noisy labels vs dimension p](figures/test_error_vs_data_p.png)"), md);
        assertTrue(md.contains("an equivalence test with the fixed margin 0.02"), md);
        assertTrue(md.contains("needs at least 2 completed repetitions"), md);
        assertTrue(md.contains("with Holm's adjustment of their TOST p-values"), md);
        assertTrue(md.contains("metrics.csv files record metrics this report does not draw") == false, md);
        String html = Files.readString(sweep.html());
        assertEquals(SWEEP_FIGURES.size(), count(html, "<img src=\"data:image/png;base64,"));
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"),
                "self-contained, no script");
        assertFalse(html.contains(sweepDir.toString()) || md.contains(sweepDir.toString()), "no absolute path");
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void copiedFolderGivesByteIdenticalReport(@TempDir Path other) throws IOException {
        Path copy = other.resolve("elsewhere").resolve("renamed-copy");
        copyTree(sweepDir, copy);
        ReportWriter.Report again = ReportWriter.write(copy, ReportWriter.Options.defaults().withMinRepetitions(2));
        for (String f : List.of("summary.csv", "report.md", "report.html")) {
            assertArrayEquals(Files.readAllBytes(sweep.dir().resolve(f)), Files.readAllBytes(again.dir().resolve(f)), f);
        }
        for (Path fig : sweep.figures()) {
            assertArrayEquals(Files.readAllBytes(fig), Files.readAllBytes(again.dir().resolve("figures")
                    .resolve(fig.getFileName())), fig.getFileName().toString());
        }
        // writing again over an existing report changes nothing either
        ReportWriter.write(copy, ReportWriter.Options.defaults().withMinRepetitions(2));
        assertArrayEquals(Files.readAllBytes(sweep.html()), Files.readAllBytes(again.html()));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path rel = from.relativize(p);
                if (rel.startsWith("report")) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void singleRunHasCurvesAndDiagnosticsOnlyAndOneRow(@TempDir Path dir) throws Exception {
        Fixtures.Run r = new Fixtures.Run("a1b2c3d4e5f6", "0123456789ab", 0);
        r.errors(0, 0.105, 0.002);
        Fixtures.write(dir, "quick", List.of(), 1, List.of(r));
        ReportWriter.Report rep = ReportWriter.write(dir, ReportWriter.Options.defaults());
        List<String> names = rep.figures().stream().map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".png")).map(n -> n.substring(0, n.length() - 4)).toList();
        assertEquals(List.of("training_curves", "diagnostics"), names);
        for (String n : names) {
            assertFigureFiles(rep.dir().resolve("figures"), n);
        }
        List<Map<String, String>> rows = readCsv(rep.summaryCsv());
        assertEquals(1, rows.size());
        Map<String, String> row = rows.get(0);
        assertEquals("0123456789ab", row.get("config_key"));
        assertEquals("", row.get("train_loss_sd"), "no sd for one repetition");
        assertEquals("", row.get("train_loss_ci95_low"), "no t interval for one repetition");
        double[] w = wilson(105, 1000);
        assertEquals(w[0], num(row, "test_error_ci95_low"), 1e-12, "a binomial interval exists for one repetition");
        assertEquals("wilson-one-repetition-sample-only", row.get("test_error_ci95_method"),
                "one repetition: the interval covers the test sample only, and says so");
        assertEquals("undetermined (1 repetition)", row.get("verdict"));
        String md = Files.readString(rep.markdown());
        assertTrue(md.contains("Nothing is swept: a single configuration."), md);
        assertTrue(rep.warnings().isEmpty(), rep.warnings().toString());
    }

    @Test
    void unknownMetricsAreIgnoredWithAWarning(@TempDir Path dir) throws IOException {
        Fixtures.Run r = new Fixtures.Run("r0", "c0", 0);
        r.errors(0, 0.1, 0.0);
        r.extraMetrics.add("zeta_future_metric");
        Fixtures.write(dir, "extra", List.of(), 1, List.of(r));
        ReportWriter.Report rep = ReportWriter.write(dir, ReportWriter.Options.defaults());
        assertEquals(List.of("metrics.csv files record metrics this report does not draw: zeta_future_metric"),
                rep.warnings());
        assertNotNull(rep.html());
    }

    @Test
    void staleFiguresOfAnEarlierReportAreRemoved(@TempDir Path dir) throws IOException {
        Fixtures.Run r = new Fixtures.Run("r0", "c0", 0);
        r.errors(0, 0.1, 0.0);
        Fixtures.write(dir, "stale", List.of(), 1, List.of(r));
        Path old = dir.resolve("report/figures/heatmap_test_error.png");
        Files.createDirectories(old.getParent());
        Files.writeString(old, "old");
        Path keep = dir.resolve("report/figures/notes.txt");
        Files.writeString(keep, "mine");
        ReportWriter.write(dir, ReportWriter.Options.defaults());
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(keep), "only figure files are removed");
    }

    @Test
    void allRunsUnfinishedGivesAReportWithoutFigures(@TempDir Path dir) throws IOException {
        List<Fixtures.Run> runs = new ArrayList<>();
        for (int rep = 0; rep < 2; rep++) {
            Fixtures.Run r = new Fixtures.Run("r" + rep, "c", rep);
            r.swept.put("data.p", 1000);
            r.status = null;
            runs.add(r);
        }
        Fixtures.write(dir, "pending", List.of("data.p"), 2, runs);
        ReportWriter.Report rep = ReportWriter.write(dir, ReportWriter.Options.defaults());
        assertEquals(List.of(), rep.figures());
        assertEquals(List.of("2 of 2 runs are unfinished (no summary.json) and are left out of every statistic: r0, r1"),
                rep.warnings());
        assertEquals("unfinished", readCsv(rep.summaryCsv()).get(0).get("verdict"));
    }

    @Test
    void readsAManifestWithoutSweepOrConfigKeysTakingMissingNumbersFromTheConfig(@TempDir Path dir) throws IOException {
        // the first producer's layout: no sweep block, no config_key, no n_test in summary.json
        Files.writeString(dir.resolve("manifest.json"), "{\"name\": \"old\", \"runs\": [{\"key\": \"k1\", "
                + "\"repetition\": 0, \"config\": {\"data\": {\"n\": 100, \"p\": 200000, \"mu\": 38.9, "
                + "\"cluster\": {\"type\": \"gaussian\"}, \"noise\": {\"type\": \"random-flip\", \"rate\": 0.1}, "
                + "\"test\": 5000}, \"network\": {\"width\": 100}, \"training\": {\"steps\": 2000}}}]}");
        Files.createDirectories(dir.resolve("k1"));
        Files.writeString(dir.resolve("k1/summary.json"), "{\"run_key\": \"k1\", \"status\": \"completed\", "
                + "\"train_error\": 0.0, \"test_error\": 0.096, \"test_error_clean\": 0.0, \"noise_rate\": 0.1, "
                + "\"noisy_count\": 12, \"engine\": \"sketch\"}");
        ReportWriter.Report rep = ReportWriter.write(dir, ReportWriter.Options.defaults());
        Map<String, String> row = readCsv(rep.summaryCsv()).get(0);
        assertEquals("k1", row.get("config_key"));
        assertEquals("200000", row.get("p"));
        // 480 errors of the configuration's 5000 test points
        assertEquals(wilson(480, 5000)[0], num(row, "test_error_ci95_low"), 1e-12);
        assertEquals("undetermined (1 repetition)", row.get("verdict"));
        assertEquals(List.of("run k1 completed but has no metrics.csv: it is left out of the curves"), rep.warnings());
        assertTrue(Files.readString(rep.markdown()).contains("n = 100, p = 2e5, m = 100, ‖μ‖ = 38.9, η = 0.1, "
                + "training steps T = 2000, cluster gaussian"));
    }
}
