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
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The theory overlays come from what the plugins declared (summary.json {@code declared}), not from their names:
 * n‖μ‖⁴/p and the bound scale with the clusters' coordinate variance σ², the Bayes error is drawn only where it
 * is exact, and quantities left undefined by the assumptions (λ = 0) are empty with the reason.
 */
class TheoryOverlaysTest {
    @TempDir
    Path dir;

    /** A sweep over ‖μ‖ in {10, 20} with two repetitions each, every run adjusted by {@code edit}. */
    private ReportWriter.Report report(String name, Consumer<Fixtures.Run> edit) throws IOException {
        List<Fixtures.Run> runs = new ArrayList<>();
        double[] mus = {10, 20};
        for (int c = 0; c < mus.length; c++) {
            for (int rep = 0; rep < 2; rep++) {
                Fixtures.Run r = new Fixtures.Run("run" + c + rep, "cfg" + c, rep);
                r.mu = mus[c];
                r.swept.put("data.mu", mus[c]);
                r.errors(0, 0.11 + 0.001 * rep, 0.01);
                edit.accept(r);
                runs.add(r);
            }
        }
        Path out = dir.resolve(name);
        Fixtures.write(out, name, List.of("data.mu"), 2, runs);
        return ReportWriter.write(out, ReportWriter.Options.defaults());
    }

    /**
     * A signal model other than one mean: the Bayes error is η + (1 − 2η) times the clean Bayes error the model
     * declared (not Φ(−‖μ‖)), none when it declared none, and Theorem 3.1's bound is left out with the reason.
     */
    @Test
    void aSignalModelGivesItsDeclaredBayesErrorAndNoBound() throws IOException {
        Map<String, String> xor = ReportWriterTest.readCsv(report("xor", r -> {
            r.signalType = "xor";
            r.signalBayesClean = 0.2;
        }).summaryCsv()).get(0);
        assertEquals(0.1 + 0.8 * 0.2, ReportWriterTest.num(xor, "bayes_error"), 1e-15);
        assertTrue(xor.get("bound").isEmpty(), xor.get("theory_note"));
        assertTrue(xor.get("theory_note").contains("bound n/a: signal model xor: Theorem 3.1 is stated for one mean"),
                xor.get("theory_note"));
        Map<String, String> mixture = ReportWriterTest.readCsv(report("mixture", r -> r.signalType = "mixture")
                .summaryCsv()).get(0);
        assertTrue(mixture.get("bayes_error").isEmpty(), mixture.get("theory_note"));
        assertTrue(mixture.get("theory_note").contains("signal model mixture declares no Bayes error"),
                mixture.get("theory_note"));
    }

    /**
     * Finite loss ratios near the largest double (g of the noisy points underflows after many large steps) whose
     * mean over repetitions overflows: the report is still written, the overflowing points left out of the curve.
     */
    @Test
    void lossRatiosWhoseMeanOverflowsDoNotStopTheReport() throws IOException {
        ReportWriter.Report r = report("huge", run -> run.lossRatioScale = 1.5e307);
        assertTrue(Files.exists(r.html()));
        assertTrue(r.figures().stream().anyMatch(f -> f.getFileName().toString().equals("diagnostics.png")),
                r.figures().toString());
    }

    @Test
    void aClusterOfVarianceSigmaSquaredScalesTheSignalByOneOverSigmaToTheFourth() throws IOException {
        Map<String, String> unit = ReportWriterTest.readCsv(report("unit", r -> { }).summaryCsv()).get(0);
        Map<String, String> four = ReportWriterTest.readCsv(report("four", r -> {
            r.variance = 4.0; // e.g. N(0, 4 I) coordinates: not N(0, I), so no sketch and no Bayes curve from the name
            r.isotropic = false;
        }).summaryCsv()).get(0);
        // n = 50, p = 1000, ‖μ‖ = 10: n‖μ‖⁴/p = 500; with σ² = 4, n‖μ‖⁴/(σ⁴p) = 500/16
        assertEquals(500, ReportWriterTest.num(unit, "signal"), 1e-9);
        assertEquals(500.0 / 16, ReportWriterTest.num(four, "signal"), 1e-9);
        assertEquals(0.1 + 2 * Math.exp(-500.0 / 16), ReportWriterTest.num(four, "bound"), 1e-15);
        assertFalse(unit.get("bayes_error").isEmpty());
        assertTrue(four.get("bayes_error").isEmpty(), four.get("theory_note"));
        assertTrue(four.get("theory_note").contains("not declared isotropic Gaussian"), four.get("theory_note"));
    }

    @Test
    void theBayesErrorOfAScaledIsotropicGaussianUsesItsVariance() {
        // η + (1 − 2η)Φ(−‖μ‖/σ) with σ = 2, ‖μ‖ = 2: Φ(−1) = 0.158655...
        assertEquals(0.1 + 0.8 * 0.15865525393145707, Theory.bayesError(0.1, 2, 4), 1e-12);
        assertEquals(Theory.bound(0.1, 50, 1000, 10, 1) , Theory.bound(0.1, 50, 1000, 20, 1, 4), 1e-15,
                "doubling ‖μ‖ and σ leaves the bound unchanged");
    }

    @Test
    void adversarialNoiseGetsNoBayesCurveAndSaysWhy() throws IOException {
        ReportWriter.Report rep = report("adversarial", r -> r.noiseType = "margin-adversarial");
        Map<String, String> row = ReportWriterTest.readCsv(rep.summaryCsv()).get(0);
        assertTrue(row.get("bayes_error").isEmpty(), row.toString());
        assertTrue(row.get("theory_note").contains("Bayes error n/a: the label noise (margin-adversarial) is not "
                + "independent random flips"), row.get("theory_note"));
        String md = Files.readString(rep.markdown());
        assertTrue(md.contains("No Bayes error is drawn: the label noise (margin-adversarial) is not independent random "
                + "flips"), md);
        assertFalse(md.contains("Dotted: the Bayes error"), "no Bayes curve is drawn");
        // the same runs with random flips do get it
        String flips = Files.readString(report("flips", r -> { }).markdown());
        assertTrue(flips.contains("Dotted: the Bayes error η + (1 − 2η)Φ(−‖μ‖/σ)"), flips);
    }

    @Test
    void aClusterThatIsNotStronglyLogConcaveHasNoBoundAndSaysWhy() throws IOException {
        ReportWriter.Report rep = report("laplace", r -> {
            r.cluster = "laplace";
            r.isotropic = false;
            r.lambda = 0;
        });
        Map<String, String> row = ReportWriterTest.readCsv(rep.summaryCsv()).get(0);
        assertTrue(row.get("bound").isEmpty());
        assertEquals(500, ReportWriterTest.num(row, "signal"), 1e-9, "σ² = 1 is still declared");
        assertTrue(row.get("theory_note").contains("bound n/a: the clusters are not strongly log-concave (λ = 0)"),
                row.get("theory_note"));
        String md = Files.readString(rep.markdown());
        assertTrue(md.contains("The Theorem 3.1 bound is n/a: the clusters are not strongly log-concave (λ = 0)"), md);
        assertFalse(md.contains("Dash-dot: the Theorem 3.1 bound"), "no bound curve");
    }

    @Test
    void resultsWithoutDeclarationsGetNoOverlaysRatherThanAGuessFromTheName() throws IOException {
        Map<String, String> row = ReportWriterTest.readCsv(report("old", r -> r.writeDeclared = false).summaryCsv())
                .get(0);
        assertTrue(row.get("signal").isEmpty() && row.get("bound").isEmpty() && row.get("bayes_error").isEmpty());
        assertTrue(row.get("theory_note").contains("do not record the cluster's declared properties"));
    }

    @Test
    void aRunWithHalfItsLabelsFlippedIsNamedInTheWarnings() throws IOException {
        ReportWriter.Report rep = report("half", r -> r.noisyCount = r.repetition == 0 ? 25 : 5);
        assertTrue(rep.warnings().stream().anyMatch(w -> w.startsWith("run run00 (configuration #1, repetition 0): 25 "
                + "of 50 training labels were flipped, a fraction of 1/2 or more")), rep.warnings().toString());
        assertEquals(2, rep.warnings().stream().filter(w -> w.contains("fraction of 1/2 or more")).count());
    }

    @Test
    void diagnosticsRecordedByTheRunsGetIntervalsOverRepetitionsToo() throws IOException {
        ReportWriter.Report rep = report("diag", r -> {
            r.metrics.put(org.benignlab.api.MetricNames.GRADIENT_NORM_RATIO, 3.0 + r.repetition);
            r.metrics.put(org.benignlab.api.MetricNames.LOG_LOSS_RATIO, 5488.0 + r.repetition);
        });
        Map<String, String> row = ReportWriterTest.readCsv(rep.summaryCsv()).get(0);
        assertEquals(3.5, ReportWriterTest.num(row, "gradient_norm_ratio_mean"), 1e-12);
        // 3 and 4: mean 3.5 ± t(0.975, 1) · (1/√2) / √2
        assertEquals(3.5 - ReportWriterTest.T1 / 2, ReportWriterTest.num(row, "gradient_norm_ratio_ci95_low"), 1e-9);
        assertEquals("t-repetitions", row.get("gradient_norm_ratio_ci95_method"));
        assertEquals(5488.5, ReportWriterTest.num(row, "log_loss_ratio_mean"), 1e-9);
        assertTrue(!row.containsKey("loss_ratio_mean"), "a diagnostic no run recorded gets no column");
    }
}
