package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.benignlab.experiments.results.FolderLock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's figures through the real command line: the size budgets (a single run's report at most 2 MB, a
 * 100-run sweep's at most 8 MB), figure choices as flags and as a --config file (the same report), and bad
 * choices refused in one line with exit code 2.
 */
class ReportFiguresIT {
    /** 10 x 10 configurations, one repetition each: 100 runs, the most lines a figure of this sweep can hold. */
    static final String SWEEP = """
            name: report-size
            seed: 5
            vars: {ratio: 2}
            data: {n: 12, p: "ratio*n*20", mu: "p^0.3", noise: {type: random-flip, rate: 0.1}, test: 200}
            network: {width: 6, init: 1.0e-9}
            training: {optimizer: {type: gd, step: "1/p"}, steps: 60, engine: sketch}
            sweep:
              grid:
                data.n: [8, 10, 12, 14, 16, 18, 20, 22, 24, 26]
                vars.ratio: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
            """;

    static final String SINGLE = """
            name: report-single
            seed: 1
            data: {n: 40, p: 2000, mu: "p^0.35", noise: {type: random-flip, rate: 0.1}, test: 1000}
            network: {width: 20, init: 1.0e-12}
            training: {optimizer: {type: gd, step: "1/p"}, steps: 2000, engine: sketch}
            """;

    static final long MB = 1_000_000;

    @TempDir
    static Path dir;

    static Path sweep;

    @BeforeAll
    static void runSweep() throws IOException {
        Path f = dir.resolve("sweep.yaml");
        Files.writeString(f, SWEEP);
        sweep = dir.resolve("sweep");
        CliTest.Result r = CliTest.cli("run", f.toString(), "--out", sweep.toString(), "--progress", "off");
        assertEquals(0, r.code(), r.out() + r.err());
    }

    static long size(Path folder) {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> figures(Path results) throws IOException {
        try (Stream<Path> s = Files.list(results.resolve("report/figures"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
    }

    @Test
    void aHundredRunSweepsReportIsAtMostEightMegabytes() throws IOException {
        assertEquals(0, CliTest.cli("report", sweep.toString()).code(), "the default figures, as 'run' wrote them");
        long bytes = size(sweep.resolve("report"));
        assertTrue(bytes <= 8 * MB, "the 100-run sweep's report is " + bytes + " bytes");
        assertEquals(List.of("clean_test_error_vs_data_n", "clean_test_error_vs_n_mu_4_p", "clean_test_error_vs_vars_ratio",
                "heatmap_test_error", "heatmap_test_error_clean", "test_error_vs_data_n",
                "test_error_vs_n_mu_4_p", "test_error_vs_vars_ratio", "training_curves"), figures(sweep),
                "the default figures of a two-path sweep of 100 configurations (no diagnostics figure above 30)");
        assertEquals(100, Files.readAllLines(sweep.resolve("report/figures/heatmap_test_error.csv")).stream()
                .filter(l -> l.contains(",test_error,")).count(), "a full 10 x 10 grid of cells over (n, ratio)");
        // every family, the diagnostics of 100 configurations too
        CliTest.Result r = CliTest.cli("report", sweep.toString(), "--figures", "all");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(figures(sweep).contains("diagnostics"));
        long allBytes = size(sweep.resolve("report"));
        assertTrue(allBytes <= 8 * MB, "the 100-run sweep's report with every figure is " + allBytes + " bytes");
    }

    @Test
    void aSingleRunsReportIsAtMostTwoMegabytes() throws IOException {
        Path f = dir.resolve("single.yaml");
        Files.writeString(f, SINGLE);
        Path out = dir.resolve("single");
        CliTest.Result r = CliTest.cli("run", f.toString(), "--out", out.toString(), "--progress", "off");
        assertEquals(0, r.code(), r.out() + r.err());
        long bytes = size(out.resolve("report"));
        assertTrue(bytes <= 2 * MB, "the single run's report is " + bytes + " bytes");
        assertEquals(List.of("diagnostics", "training_curves"), figures(out));
        assertTrue(r.out().contains("(2 figures; also report.md and summary.csv)"), r.out());
    }

    /** Every file of the report, by name relative to the report folder. */
    static Map<String, byte[]> reportFiles(Path results) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        Path report = results.resolve("report");
        try (Stream<Path> s = Files.walk(report)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(report.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void figureChoicesAsFlagsOrAsAConfigFileGiveTheSameReport() throws IOException {
        CliTest.Result a = CliTest.cli("report", sweep.toString(), "--x", "n*mu^4/p", "--heatmap", "vars.ratio,data.n",
                "--metric", "test_error_clean");
        assertEquals(0, a.code(), a.out() + a.err());
        assertEquals(List.of("clean_test_error_vs_n_mu_4_p", "heatmap_test_error_clean", "training_curves"),
                figures(sweep));
        Map<String, byte[]> flags = reportFiles(sweep);
        Path yaml = dir.resolve("figures.yaml");
        Files.writeString(yaml, "x: n*mu^4/p\nheatmap: [\"vars.ratio,data.n\"]\nmetric: [test_error_clean]\n");
        assertEquals(0, CliTest.cli("report", sweep.toString()).code(), "another report in between");
        CliTest.Result b = CliTest.cli("report", sweep.toString(), "--config", yaml.toString());
        assertEquals(0, b.code(), b.out() + b.err());
        Map<String, byte[]> file = reportFiles(sweep);
        assertEquals(flags.keySet(), file.keySet());
        for (String name : flags.keySet()) {
            assertArrayEquals(flags.get(name), file.get(name), name);
        }
    }

    @Test
    void aReportIsRefusedWhileAnotherWriterHoldsTheFolder() throws IOException {
        assertEquals(0, CliTest.cli("report", sweep.toString()).code());
        Map<String, byte[]> before = reportFiles(sweep);
        try (FolderLock held = FolderLock.acquire(sweep, "--out")) {
            CliTest.Result r = CliTest.cli("report", sweep.toString(), "--figures", "all");
            assertEquals(2, r.code(), r.err());
            assertEquals("benign: results folder " + sweep + " is in use by process " + ProcessHandle.current().pid()
                    + "; wait for it to finish", r.err().strip());
        }
        Map<String, byte[]> after = reportFiles(sweep);
        assertEquals(before.keySet(), after.keySet(), "nothing written while the folder was held");
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), after.get(name), name);
        }
        assertEquals(0, CliTest.cli("report", sweep.toString()).code(), "released: the report is written");
    }

    @Test
    void badFigureChoicesAreOneLineWithExitCodeTwo() throws IOException {
        assertEquals(0, CliTest.cli("report", sweep.toString()).code());
        Map<String, byte[]> before = reportFiles(sweep);
        CliTest.Result x = CliTest.cli("report", sweep.toString(), "--x", "n*q");
        assertEquals(2, x.code(), x.err());
        assertEquals(1, x.err().strip().lines().count(), x.err());
        assertTrue(x.err().startsWith("benign: --x: 'n*q' is not a path or an expression over "), x.err());
        CliTest.Result fam = CliTest.cli("report", sweep.toString(), "--figures", "heatmap");
        assertEquals(2, fam.code());
        assertTrue(fam.err().startsWith("benign: --figures: unknown figure family 'heatmap'; allowed: versus, curves, "
                + "heatmaps, diagnostics or all"), fam.err());
        CliTest.Result metric = CliTest.cli("report", sweep.toString(), "--metric", "test_err");
        assertEquals(2, metric.code());
        assertTrue(metric.err().startsWith("benign: --metric: unknown metric 'test_err'; allowed: "), metric.err());
        Path yaml = dir.resolve("bad.yaml");
        Files.writeString(yaml, "axes: [p/n]\n");
        CliTest.Result cfg = CliTest.cli("report", sweep.toString(), "--config", yaml.toString());
        assertEquals(2, cfg.code());
        assertTrue(cfg.err().startsWith("benign: " + yaml + ": unknown key 'axes'; allowed: figures, x, heatmap, metric"),
                cfg.err());
        CliTest.Result both = CliTest.cli("report", sweep.toString(), "--config", yaml.toString(), "--x", "p/n");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("not both"), both.err());
        Map<String, byte[]> after = reportFiles(sweep);
        assertEquals(before.keySet(), after.keySet(), "nothing written for bad choices");
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), after.get(name), name);
        }
    }
}
