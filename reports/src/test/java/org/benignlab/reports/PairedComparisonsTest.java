package org.benignlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paired comparisons read the stream seeds of provenance.json: configurations with the reference's seeds at every
 * repetition are compared by the mean and t interval of their per-repetition differences; others are named as not
 * paired; mixed draw families are a warning.
 */
class PairedComparisonsTest {
    @TempDir
    Path dir;

    /** Three configurations (a swept step) x 3 repetitions; #3's data seeds differ from #1's. */
    private List<Fixtures.Run> runs() {
        double[][] test = {{0.10, 0.20, 0.15}, {0.12, 0.225, 0.168}, {0.30, 0.10, 0.20}};
        List<Fixtures.Run> runs = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            for (int rep = 0; rep < 3; rep++) {
                Fixtures.Run r = new Fixtures.Run("run" + c + rep, "cfg" + c, rep);
                r.swept.put("training.optimizer.step", 0.1 * (c + 1));
                r.errors(0, test[c][rep], test[c][rep] / 2);
                runs.add(r);
            }
        }
        return runs;
    }

    private void provenance(String key, int rep, String dataSeed, String family) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("draw_family", family);
        p.put("stream_seeds", Map.of("data", dataSeed + rep, "noise", "n" + rep, "init", "i" + rep, "signs", "s" + rep,
                "test", "t" + rep));
        Files.createDirectories(dir.resolve(key));
        Files.writeString(dir.resolve(key).resolve("provenance.json"), Fixtures.JSON.writeValueAsString(p));
    }

    private PairedComparisons write(String thirdFamily) throws IOException {
        Fixtures.write(dir, "paired", List.of("training.optimizer.step"), 3, runs());
        for (int c = 0; c < 3; c++) {
            for (int rep = 0; rep < 3; rep++) {
                provenance("run" + c + rep, rep, c == 2 ? "other" : "d", c == 2 ? thirdFamily : "explicit");
            }
        }
        return PairedComparisons.of(dir, ResultsReader.read(dir));
    }

    @Test
    void configurationsWithTheReferencesSeedsAreComparedInPairs() throws IOException {
        PairedComparisons p = write("explicit");
        assertEquals(1, p.rows().size());
        PairedComparisons.Row row = p.rows().get(0);
        assertEquals("#2", row.config().id());
        assertEquals(3, row.pairs());
        // differences 0.02, 0.025, 0.018: mean 0.021, sd 0.0036, t_{0.975, 2} = 4.303: half-width 0.009
        double[] d = {0.12 - 0.10, 0.225 - 0.20, 0.168 - 0.15};
        double mean = (d[0] + d[1] + d[2]) / 3;
        assertEquals(mean, row.noisyMean(), 1e-15);
        double sd = Math.sqrt(((d[0] - mean) * (d[0] - mean) + (d[1] - mean) * (d[1] - mean)
                + (d[2] - mean) * (d[2] - mean)) / 2);
        double half = new TDistribution(null, 2).inverseCumulativeProbability(0.975) * sd / Math.sqrt(3);
        assertEquals(mean - half, row.noisy().low(), 1e-12);
        assertEquals(mean + half, row.noisy().high(), 1e-12);
        assertTrue(row.noisy().low() > 0, "every difference is positive, and the paired interval shows it");
        assertEquals(mean / 2, row.cleanMean(), 1e-15);
        assertEquals("its draws differ from #1's in the stream data", p.unpaired().get("#3"));
        assertTrue(p.warnings().isEmpty());
        assertEquals(String.format(Locale.ROOT, "+0.0210 (%+.4f to %+.4f)", mean - half, mean + half),
                PairedComparisons.difference(row.noisyMean(), row.noisy()));
    }

    @Test
    void theReportSaysTheComparisonIsPaired() throws IOException {
        write("explicit");
        ReportWriter.Report report = ReportWriter.write(dir, ReportWriter.Options.defaults());
        String md = Files.readString(report.markdown());
        assertTrue(md.contains("## Paired comparisons"), md);
        assertTrue(md.contains("so the comparison is paired"));
        assertTrue(md.contains("| #2 |"), md);
        assertTrue(md.contains("Not paired with #1 (left out above): #3: its draws differ from #1's in the stream data"));
        assertFalse(md.contains("draw differently"));
    }

    @Test
    void mixedDrawFamiliesAreAWarningAndRunsWithoutSeedsAreNotPaired() throws IOException {
        PairedComparisons p = write("sketch");
        assertEquals(1, p.warnings().size());
        assertTrue(p.warnings().get(0).startsWith("the configurations ran on engines that draw differently "
                + "(explicit: #1, #2; sketch: #3)"), p.warnings().get(0));
        String md = Files.readString(ReportWriter.write(dir, ReportWriter.Options.defaults()).markdown());
        assertTrue(md.contains("draw differently"), md);

        Files.delete(dir.resolve("run10").resolve("provenance.json"));
        Files.delete(dir.resolve("run11").resolve("provenance.json"));
        Files.delete(dir.resolve("run12").resolve("provenance.json"));
        PairedComparisons without = PairedComparisons.of(dir, ResultsReader.read(dir));
        assertTrue(without.rows().isEmpty());
        assertEquals("provenance.json records no stream seeds", without.unpaired().get("#2"));
        String none = Files.readString(ReportWriter.write(dir, ReportWriter.Options.defaults()).markdown());
        assertFalse(none.contains("## Paired comparisons"), "no paired configuration, no section");
        assertEquals("–", PairedComparisons.difference(null, null));
    }
}
