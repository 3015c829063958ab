package org.benignlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.benignlab.api.MetricNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep over ‖μ‖ with diverged, failed and unfinished repetitions, whose name, failure message and a
 * swept text value carry HTML and Markdown syntax.
 */
class StatusesAndEscapingTest {
    static final String NASTY = "<script>alert(1)</script> &\"'";

    @TempDir
    static Path shared;

    static Path results;
    static ReportWriter.Report report;

    @BeforeAll
    static void write() throws IOException {
        results = shared.resolve("statuses");
        Fixtures.write(results, NASTY, List.of("data.mu", "network.activation.type"), 2, runs());
        report = ReportWriter.write(results, ReportWriter.Options.defaults());
    }

    /**
     * ‖μ‖ = 1: completed + diverged; 2: failed twice; 3: diverged + failed; 4: completed + unfinished;
     * 5: unfinished twice. The activation type (a swept text value) is "a|b<i>" everywhere.
     */
    static List<Fixtures.Run> runs() {
        List<Fixtures.Run> runs = new ArrayList<>();
        String[][] statuses = {{"completed", "diverged"}, {"failed", "failed"}, {"diverged", "failed"},
            {"completed", null}, {null, null}};
        for (int c = 0; c < statuses.length; c++) {
            for (int rep = 0; rep < 2; rep++) {
                Fixtures.Run r = new Fixtures.Run("run" + (c + 1) + rep, "cfg" + (c + 1), rep);
                r.mu = c + 1;
                r.swept.put("data.mu", c + 1);
                r.swept.put("network.activation.type", "a|b<i>");
                r.status = statuses[c][rep];
                r.errors(0, c == 3 ? 0.3 : 0.1, 0.0);
                if ("diverged".equals(r.status)) {
                    r.metrics.put(MetricNames.TRAIN_LOSS, Double.NaN);
                    r.metrics.put(MetricNames.TEST_ERROR, 0.5);
                    r.divergedAtStep = 17.0;
                    r.message = "loss became NaN";
                }
                if ("failed".equals(r.status)) {
                    r.metrics.replaceAll((k, v) -> null);
                    r.message = NASTY + "\nsecond line";
                    r.writeMetrics = false;
                }
                runs.add(r);
            }
        }
        return runs;
    }

    @Test
    void countsVerdictsAndMeansLeaveOutWhatDidNotComplete() throws IOException {
        List<Map<String, String>> rows = ReportWriterTest.readCsv(report.summaryCsv());
        assertEquals(5, rows.size());
        assertEquals(List.of("2", "2", "2", "1", "0"), rows.stream().map(r -> r.get("runs")).toList());
        assertEquals(List.of("1", "0", "0", "1", "0"), rows.stream().map(r -> r.get("completed")).toList());
        assertEquals(List.of("1", "0", "1", "0", "0"), rows.stream().map(r -> r.get("diverged")).toList());
        assertEquals(List.of("0", "2", "1", "0", "0"), rows.stream().map(r -> r.get("failed")).toList());
        // one completed repetition each in #1 and #4: too few for a verdict against η
        assertEquals(List.of("undetermined (1 repetition)", "failed", "diverged", "undetermined (1 repetition)",
                "unfinished"),
                rows.stream().map(r -> r.get("verdict")).toList());
        // the diverged repetition's test error 0.5 does not enter the mean
        assertEquals("0.1", rows.get(0).get("test_error_mean"));
        assertEquals("", rows.get(1).get("test_error_mean"));
        assertEquals("", rows.get(1).get("interpolated"));
        assertEquals("a|b<i>", rows.get(0).get("network.activation.type"));
    }

    @Test
    void warningsListUnfinishedFailedAndDivergedRuns() {
        List<String> w = report.warnings();
        assertEquals("3 of 10 runs are unfinished (no summary.json) and are left out of every statistic: "
                + "run41, run50, run51", w.get(0));
        assertTrue(w.contains("run run11 (configuration #1, repetition 1) diverged at step 17: loss became NaN"), w.toString());
        assertTrue(w.contains("run run20 (configuration #2, repetition 0) failed: " + NASTY + " second line"),
                w.toString());
        assertEquals(6, w.size(), w.toString());
    }

    @Test
    void htmlEscapesEveryStringFromTheFiles() throws IOException {
        String html = Files.readString(report.html());
        assertFalse(html.contains("<script"), "no script element");
        assertFalse(html.contains("<i>"), "swept text is escaped");
        String escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp;&quot;&#39;";
        assertTrue(html.contains("<title>Report: " + escaped + "</title>"), "title");
        assertTrue(html.contains("<h1>Report: " + escaped + "</h1>"), "heading");
        assertTrue(html.contains("failed: " + escaped + " second line</li>"), "failure message");
        assertTrue(html.contains("<td>a|b&lt;i&gt;</td>"), "swept text value in the table (left-aligned: text)");
    }

    @Test
    void markdownEscapesTableCellsAndMarkup() throws IOException {
        String md = Files.readString(report.markdown());
        assertTrue(md.startsWith("# Report: &lt;script&gt;alert(1)&lt;/script&gt; &amp;\"'\n"), md.substring(0, 80));
        assertTrue(md.contains("| a\\|b&lt;i&gt; |"), "| escaped in a table cell");
        // every row of the summary table has the header's 12 cells: the escaped | does not split a cell
        List<String> table = md.lines().filter(l -> l.startsWith("| ")).toList();
        assertEquals(6, table.size());
        for (String line : table) {
            assertEquals(12 + 2, line.split("(?<!\\\\)\\|", -1).length, "cells per row: " + line);
        }
    }

    @Test
    void figuresSkipTextPathsAndConfigurationsWithoutCompletedRuns() {
        List<String> names = report.figures().stream().map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".png")).toList();
        assertTrue(names.contains("test_error_vs_data_mu.png"), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.contains("activation")), names.toString());
        assertFalse(names.contains("heatmap_test_error.png"), "one numeric path only");
    }
}
