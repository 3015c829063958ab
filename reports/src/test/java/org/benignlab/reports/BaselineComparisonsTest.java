package org.benignlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.benignlab.api.MetricNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Network minus baseline, per repetition, with t intervals; the closed form and the Bayes floor as reference rows. */
class BaselineComparisonsTest {
    @TempDir
    Path dir;

    private static final double[] NET = {0.10, 0.14, 0.12};
    private static final double[] NET_CLEAN = {0.02, 0.05, 0.03};
    private static final double[] MAX_MARGIN = {0.11, 0.16, 0.12};
    private static final double[] MAX_MARGIN_CLEAN = {0.03, 0.06, 0.05};

    private List<Fixtures.Run> runs(boolean baselines) {
        List<Fixtures.Run> runs = new ArrayList<>();
        for (int rep = 0; rep < 3; rep++) {
            Fixtures.Run r = new Fixtures.Run("run" + rep, "cfg", rep);
            r.mu = 1.5;
            r.eta = 0.1;
            r.errors(0, NET[rep], NET_CLEAN[rep]);
            if (baselines) {
                r.metrics.put(MetricNames.MAX_MARGIN_TEST_ERROR, MAX_MARGIN[rep]);
                r.metrics.put(MetricNames.MAX_MARGIN_TEST_ERROR_CLEAN, MAX_MARGIN_CLEAN[rep]);
                r.metrics.put(MetricNames.ONE_STEP_CLEAN_ERROR_THEORY, 0.2);
            }
            runs.add(r);
        }
        return runs;
    }

    @Test
    void differencesAreMeansOfPerRepetitionDifferencesWithTIntervals() throws IOException {
        Fixtures.write(dir, "baselines", List.of(), 3, runs(true));
        BaselineComparisons b = BaselineComparisons.of(ResultsReader.read(dir));
        List<BaselineComparisons.Row> rows = b.rows();
        assertEquals(List.of("max-margin", "one-step, closed form", "Bayes error (floor)"),
                rows.stream().map(BaselineComparisons.Row::baseline).toList());

        BaselineComparisons.Row mm = rows.get(0);
        double[] d = new double[3];
        double[] dc = new double[3];
        for (int i = 0; i < 3; i++) {
            d[i] = NET[i] - MAX_MARGIN[i];
            dc[i] = NET_CLEAN[i] - MAX_MARGIN_CLEAN[i];
        }
        assertEquals(3, mm.pairs());
        assertEquals((0.11 + 0.16 + 0.12) / 3, mm.value(), 1e-12);
        assertEquals((d[0] + d[1] + d[2]) / 3, mm.noisyMean(), 1e-12);
        double mean = (d[0] + d[1] + d[2]) / 3;
        double sd = Math.sqrt(((d[0] - mean) * (d[0] - mean) + (d[1] - mean) * (d[1] - mean)
                + (d[2] - mean) * (d[2] - mean)) / 2);
        double half = new TDistribution(2).inverseCumulativeProbability(0.975) * sd / Math.sqrt(3);
        assertEquals(mean - half, mm.noisy().low(), 1e-12);
        assertEquals(mean + half, mm.noisy().high(), 1e-12);
        assertEquals((dc[0] + dc[1] + dc[2]) / 3, mm.cleanMean(), 1e-12);

        BaselineComparisons.Row theory = rows.get(1);
        assertNull(theory.noisyMean(), "the closed form is for clean labels only");
        assertEquals(0.2, theory.value(), 1e-15);
        assertEquals((0.02 + 0.05 + 0.03) / 3 - 0.2, theory.cleanMean(), 1e-12);

        BaselineComparisons.Row bayes = rows.get(2);
        double floor = 0.1 + 0.8 * new NormalDistribution(0, 1).cumulativeProbability(-1.5);
        assertEquals(floor, bayes.value(), 1e-12);
        assertEquals((0.10 + 0.14 + 0.12) / 3 - floor, bayes.noisyMean(), 1e-12);
    }

    @Test
    void theReportHasTheSectionOnlyWhenRunsRecordedBaselines() throws IOException {
        Fixtures.write(dir, "baselines", List.of(), 3, runs(true));
        ReportWriter.Report with = ReportWriter.write(dir, ReportWriter.Options.defaults());
        String md = Files.readString(with.markdown());
        assertTrue(md.contains("## What the network adds"), md);
        assertTrue(md.contains("max-margin"));

        Path other = dir.resolve("other");
        Fixtures.write(other, "none", List.of(), 3, runs(false));
        String none = Files.readString(ReportWriter.write(other, ReportWriter.Options.defaults()).markdown());
        assertFalse(none.contains("What the network adds"));
        assertTrue(BaselineComparisons.of(ResultsReader.read(other)).rows().isEmpty());
    }
}
