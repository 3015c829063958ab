package org.benignlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.benignlab.api.MetricNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figure files and axes: a PDF with its text as text, a CSV with exactly the plotted numbers, heat maps over the
 * axes as swept (a ratio sweep is a full grid over (n, ratio)), theory curves evaluated between the swept points,
 * axes given as vars or expressions, and bad figure options named in one line.
 */
class FiguresTest {
    @TempDir
    Path dir;

    private static List<Map<String, String>> csv(Path file) throws IOException {
        return ReportWriterTest.readCsv(file);
    }

    private ReportWriter.Report sweep2x2() throws IOException {
        Path out = dir.resolve("sweep");
        Fixtures.write(out, "p-mu sweep", List.of("data.p", "data.mu"), 2, Fixtures.sweep2x2());
        return ReportWriter.write(out, ReportWriter.Options.defaults().withMinRepetitions(2));
    }

    @Test
    void aPdfFigureOpensAndHoldsItsTitleAxisLabelsAndLegendAsText() throws IOException {
        Path pdf = sweep2x2().dir().resolve("figures/test_error_vs_data_p.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("dimension p (log scale)"), text);
            // the rotated y title comes out a few letters per line; its letters are all there, in order
            assertTrue(text.replaceAll("\\s", "").contains("testerror(noisylabels)"), text);
            assertTrue(text.contains("Test error on noisy labels vs dimension p"), text);
            assertTrue(text.contains("‖μ‖=31.6"), "Greek and ‖ are text too: " + text);
            // the text is set in an embedded font, not drawn as glyph outlines
            List<PDFont> fonts = new ArrayList<>();
            for (var name : doc.getPage(0).getResources().getXObjectNames()) {
                var x = doc.getPage(0).getResources().getXObject(name);
                if (x instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                    for (var f : form.getResources().getFontNames()) {
                        fonts.add(form.getResources().getFont(f));
                    }
                }
            }
            assertFalse(fonts.isEmpty(), "the figure uses a font");
            assertTrue(fonts.stream().allMatch(PDFont::isEmbedded), "every font is embedded");
        }
    }

    @Test
    void theCsvNextToAFigureHoldsTheNumbersItPlots() throws IOException {
        ReportWriter.Report rep = sweep2x2();
        // the same numbers as the plotted series in memory ...
        Experiment exp = ResultsReader.read(rep.dir().getParent());
        List<ConfigStats> stats = exp.configurations().stream().map(c -> ConfigStats.of(c, 0.02, 2)).toList();
        List<Figure> figures = Figures.build(exp, stats, Map.of(), ReportWriter.Options.defaults(), new ArrayList<>());
        Figure fig = figures.stream().filter(f -> f.name().equals("test_error_vs_data_p")).findFirst().orElseThrow();
        List<Map<String, String>> rows = csv(rep.dir().resolve("figures/test_error_vs_data_p.csv"));
        int i = 0;
        for (Plot.Layer layer : fig.panels().get(0).layers) {
            Plot.Line l = (Plot.Line) layer;
            for (int k = 0; k < l.x().length; k++, i++) {
                Map<String, String> row = rows.get(i);
                assertEquals(l.series(), row.get("series"));
                assertEquals(l.x()[k], Double.parseDouble(row.get("x")), 0.0, row.toString());
                assertEquals(l.y()[k], row.get("y").isEmpty() ? Double.NaN : Double.parseDouble(row.get("y")), 0.0);
                if (l.low() != null && !Double.isNaN(l.low()[k])) {
                    assertEquals(l.low()[k], Double.parseDouble(row.get("y_low")), 0.0);
                    assertEquals(l.high()[k], Double.parseDouble(row.get("y_high")), 0.0);
                }
            }
        }
        assertEquals(rows.size(), i, "one row per plotted point, nothing else");
        // ... and those are the report's statistics: summary.csv's mean and interval of each configuration
        List<Map<String, String>> summary = csv(rep.summaryCsv());
        for (Map<String, String> s : summary) {
            String series = "test_error (‖μ‖=" + Formats.human(Double.parseDouble(s.get("data.mu"))) + ")";
            Map<String, String> row = rows.stream().filter(r -> r.get("series").equals(series)
                    && Double.parseDouble(r.get("x")) == Double.parseDouble(s.get("data.p"))).findFirst().orElseThrow();
            assertEquals(Double.parseDouble(s.get("test_error_mean")), Double.parseDouble(row.get("y")), 0.0);
            assertEquals(Double.parseDouble(s.get("test_error_ci95_low")), Double.parseDouble(row.get("y_low")), 0.0);
            assertEquals(Double.parseDouble(s.get("test_error_ci95_high")), Double.parseDouble(row.get("y_high")), 0.0);
        }
    }

    /** n in {50, 100, 200} x vars.ratio in {2, 3, 5} with p = 10·ratio·n: nine distinct p. */
    private Path ratioSweep() {
        List<Fixtures.Run> runs = new ArrayList<>();
        int c = 0;
        for (int n : new int[] {50, 100, 200}) {
            for (int ratio : new int[] {2, 3, 5}) {
                for (int rep = 0; rep < 2; rep++) {
                    Fixtures.Run r = new Fixtures.Run("run" + c + rep, "cfg" + c, rep);
                    r.n = n;
                    r.p = 10.0 * ratio * n;
                    r.vars.put("ratio", ratio);
                    r.swept.put("data.n", n);
                    r.swept.put("vars.ratio", ratio);
                    r.errors(0, 0.1 + 0.01 * ratio + 0.0001 * n + 0.001 * rep, 0.001 * ratio + 0.00001 * n);
                    runs.add(r);
                }
                c++;
            }
        }
        Path out = dir.resolve("ratio");
        Fixtures.write(out, "ratio sweep", List.of("data.n", "vars.ratio"), 2, runs);
        return out;
    }

    @Test
    void aRatioSweepGivesAFullGridHeatmapOverNAndRatio() throws IOException {
        Path out = ratioSweep();
        ReportWriter.Report rep = ReportWriter.write(out, ReportWriter.Options.defaults());
        List<Map<String, String>> cells = csv(rep.dir().resolve("figures/heatmap_test_error_clean.csv")).stream()
                .filter(r -> r.get("series").equals(MetricNames.TEST_ERROR_CLEAN)).toList();
        assertEquals(9, cells.size(), "3 x 3 cells");
        Set<String> pairs = new HashSet<>();
        for (Map<String, String> cell : cells) {
            double n = Double.parseDouble(cell.get("x"));
            double ratio = Double.parseDouble(cell.get("y"));
            assertTrue(pairs.add(n + "," + ratio), "each (n, ratio) once");
            assertEquals(0.001 * ratio + 0.00001 * n, Double.parseDouble(cell.get("value")), 1e-15, cell.toString());
        }
        String md = Files.readString(rep.markdown());
        assertFalse(md.contains("cells have no value"), "a full grid");
        // over (n, p) the same runs are a sparse 3 x 9 grid: the reason to draw the axes as swept
        ReportWriter.Report np = ReportWriter.write(out, ReportWriter.Options.defaults().withFigures(
                FigureOptions.parse(List.of("heatmaps"), null, List.of("data.n,data.p"), List.of("test_error"), "")));
        assertEquals(List.of("heatmap_test_error_data_n_data_p"), np.figures().stream().map(p -> p.getFileName()
                .toString()).filter(s -> s.endsWith(".png")).map(s -> s.replace(".png", "")).toList());
        assertTrue(Files.readString(np.markdown()).contains("18 of 27 cells have no value"));
    }

    @Test
    void anAxisIsAVarOrAnExpressionAndALogAxisOnlyBeyondADecade() throws IOException {
        Path out = ratioSweep();
        ReportWriter.Report rep = ReportWriter.write(out, ReportWriter.Options.defaults().withFigures(
                FigureOptions.parse(List.of("versus"), List.of("p/n", "vars.ratio", "data.p"),
                        null, List.of("test_error_clean"), "")));
        List<String> names = rep.figures().stream().map(p -> p.getFileName().toString())
                .filter(s -> s.endsWith(".csv")).toList();
        assertEquals(List.of("clean_test_error_vs_p_n.csv", "clean_test_error_vs_vars_ratio.csv",
                "clean_test_error_vs_data_p.csv"), names);
        Set<Double> xs = new HashSet<>();
        for (Map<String, String> row : csv(rep.dir().resolve("figures/clean_test_error_vs_p_n.csv"))) {
            if (row.get("series").startsWith(MetricNames.TEST_ERROR_CLEAN)) {
                xs.add(Double.parseDouble(row.get("x")));
            }
        }
        assertEquals(Set.of(20.0, 30.0, 50.0), xs, "p/n = 10 ratio");
        String md = Files.readString(rep.markdown());
        String ratioCaption = md.substring(md.indexOf("Final test error against the clean labels ỹ (mean over the "
                + "completed repetitions) as a function of vars.ratio"));
        assertFalse(ratioCaption.substring(0, ratioCaption.indexOf('\n')).contains("Logarithmic x axis"),
                "ratio 2 to 5: linear");
        String pCaption = md.substring(md.indexOf("as a function of dimension p"));
        assertFalse(pCaption.substring(0, pCaption.indexOf('\n')).contains("Logarithmic x axis"),
                "p from 1000 to 10000 spans a decade, not more");
        String wide = Files.readString(sweep2x2().markdown());
        String wideP = wide.substring(wide.indexOf("Final test error against noisy test labels (mean over the completed "
                + "repetitions) as a function of dimension p"));
        assertTrue(wideP.substring(0, wideP.indexOf('\n')).contains("Logarithmic x axis"), "p from 1000 to 1e5");
    }

    @Test
    void aBadFigureOptionIsOneLineNamingTheOptionTheValueAndWhatIsAllowed() {
        Path out = ratioSweep();
        ReportInputException e = assertThrows(ReportInputException.class, () -> ReportWriter.write(out,
                ReportWriter.Options.defaults().withFigures(FigureOptions.parse(null, List.of("n*q"), null, null, ""))));
        assertTrue(e.getMessage().startsWith("--x: 'n*q' is not a path or an expression over eta, m, mu, n, p, ratio"),
                e.getMessage());
        assertFalse(Files.exists(out.resolve("report")), "nothing written");
        ReportInputException path = assertThrows(ReportInputException.class, () -> ReportWriter.write(out,
                ReportWriter.Options.defaults().withFigures(FigureOptions.parse(null, null, List.of("data.n,vars.nope"),
                        null, "report.yaml"))));
        assertTrue(path.getMessage().startsWith("report.yaml: heatmap: 'vars.nope' is not a number in configuration #1"),
                path.getMessage());
        IllegalArgumentException fam = assertThrows(IllegalArgumentException.class,
                () -> FigureOptions.parse(List.of("versus,bogus"), null, null, null, ""));
        assertEquals("--figures: unknown figure family 'bogus'; allowed: versus, curves, heatmaps, diagnostics or all "
                + "(comma-separated)", fam.getMessage());
        IllegalArgumentException metric = assertThrows(IllegalArgumentException.class,
                () -> FigureOptions.parse(null, null, null, List.of("test_eror"), ""));
        assertTrue(metric.getMessage().startsWith("--metric: unknown metric 'test_eror'; allowed: train_loss,"),
                metric.getMessage());
        IllegalArgumentException pair = assertThrows(IllegalArgumentException.class,
                () -> FigureOptions.parse(null, null, List.of("data.n"), null, ""));
        assertTrue(pair.getMessage().startsWith("--heatmap: 'data.n' is not two axes"), pair.getMessage());
    }

    @Test
    void theoryCurvesAreEvaluatedBetweenTheSweptPointsNotDrawnAsChords() throws IOException {
        List<Fixtures.Run> runs = new ArrayList<>();
        double[] mus = {10, 20};
        for (int c = 0; c < 2; c++) {
            for (int rep = 0; rep < 2; rep++) {
                Fixtures.Run r = new Fixtures.Run("run" + c + rep, "cfg" + c, rep);
                r.mu = mus[c];
                r.p = 100;
                r.variance = 100.0; // σ = 10: ‖μ‖/σ from 1 to 2, n‖μ‖⁴/(σ⁴p) from 0.5 to 8
                r.swept.put("data.mu", mus[c]);
                r.errors(0, 0.2 + 0.01 * rep, 0.1);
                runs.add(r);
            }
        }
        Path out = dir.resolve("mu");
        Fixtures.write(out, "mu", List.of("data.mu"), 2, runs);
        ReportWriter.Report rep = ReportWriter.write(out, ReportWriter.Options.defaults());
        List<Map<String, String>> rows = csv(rep.dir().resolve("figures/test_error_vs_data_mu.csv"));
        List<Map<String, String>> bound = rows.stream().filter(r -> r.get("series").equals("bound")).toList();
        List<Map<String, String>> bayes = rows.stream().filter(r -> r.get("series").equals("bayes_error")).toList();
        assertEquals(TheoryCurves.DENSITY + 1, bound.size(), "the bound at every evaluated point");
        for (Map<String, String> row : bound) {
            double mu = Double.parseDouble(row.get("x"));
            assertEquals(Theory.bound(0.1, 50, 100, mu, 1, 100), Double.parseDouble(row.get("y")), 1e-12,
                    String.format(Locale.ROOT, "bound at ‖μ‖ = %.3f", mu));
        }
        for (Map<String, String> row : bayes) {
            double mu = Double.parseDouble(row.get("x"));
            assertEquals(Theory.bayesError(0.1, mu, 100), Double.parseDouble(row.get("y")), 1e-12);
        }
        Map<String, String> mid = bound.get(TheoryCurves.DENSITY / 2);
        double chord = (Theory.bound(0.1, 50, 100, 10, 1, 100) + Theory.bound(0.1, 50, 100, 20, 1, 100)) / 2;
        assertEquals(15.0, Double.parseDouble(mid.get("x")), 1e-12);
        assertTrue(Math.abs(chord - Double.parseDouble(mid.get("y"))) > 0.1, "not the straight line between the points");
    }

    @Test
    void theHeatmapBoundaryFollowsALogLinearQuantityExactly() {
        // log S = i - j: the level e^0.5 lies where i - j = 0.5
        double[][] s = new double[4][5];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                s[i][j] = Math.exp(i - j);
            }
        }
        double[][] c = TheoryCurves.contour(s, Math.exp(0.5));
        int points = 0;
        for (int k = 0; k < c[0].length; k++) {
            if (!Double.isNaN(c[0][k])) {
                assertEquals(0.5, c[0][k] - c[1][k], 1e-12, "point " + k);
                points++;
            }
        }
        // squares [i, i+1] x [j, j+1] (i < 3, j < 4) that x − y = 0.5 crosses: i − j = 0 (3 of them) or 1 (2)
        assertEquals(2 * 5, points, "one segment in each of the 5 squares the line crosses");
        assertEquals(0, TheoryCurves.contour(s, Math.exp(10))[0].length, "a level beyond every value: no line");
        // one ring more, continued geometrically: exp(i − j) at i, j = −1 ... 4, 5
        double[][] e = TheoryCurves.extendLogLinear(s);
        assertEquals(6, e.length);
        assertEquals(7, e[0].length);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 7; j++) {
                assertEquals(Math.exp((i - 1) - (j - 1)), e[i][j], 1e-9 * e[i][j], "cell " + i + ", " + j);
            }
        }
    }

    @Test
    void everyLabelIsDrawnInTheFiguresFontWithAStandInOnlyForTheGradientSign() {
        for (String metric : FigureOptions.allowedMetrics()) {
            String drawn = PlotLayout.drawable(Labels.metric(metric));
            assertTrue(PlotLayout.BASE_FONT.canDisplayUpTo(drawn) < 0, drawn);
            assertFalse(drawn.contains("?"), "no symbol without a stand-in: " + Labels.metric(metric));
        }
        assertEquals("gradient norm ratio ‖gradL‖_F / Ĝ", PlotLayout.drawable(Labels.metric(MetricNames.GRADIENT_NORM_RATIO))
                .replace("grad ", "grad"));
        for (String path : List.of("data.n", "data.p", "data.mu", "data.noise.rate", "network.width",
                "network.activation.gamma", "network.init", "training.optimizer.step")) {
            assertEquals(Labels.axis(path), PlotLayout.drawable(Labels.axis(path)), "drawn as written");
        }
    }

    @Test
    void aHeatmapOverTwoOfThreeSweptPathsIsDrawnOncePerValueOfTheThird() throws IOException {
        List<Fixtures.Run> runs = new ArrayList<>();
        int c = 0;
        for (int n : new int[] {50, 100}) {
            for (double p : new double[] {1000, 100000}) {
                for (double mu : new double[] {10, 31.6}) {
                    Fixtures.Run r = new Fixtures.Run("run" + c, "cfg" + c, 0);
                    r.n = n;
                    r.p = p;
                    r.mu = mu;
                    r.swept.put("data.n", n);
                    r.swept.put("data.p", (long) p);
                    r.swept.put("data.mu", mu);
                    r.errors(0, 0.1 + c * 0.01, c * 0.01);
                    runs.add(r);
                    c++;
                }
            }
        }
        Path out = dir.resolve("three");
        Fixtures.write(out, "three", List.of("data.n", "data.p", "data.mu"), 1, runs);
        ReportWriter.Report rep = ReportWriter.write(out, ReportWriter.Options.defaults().withFigures(
                FigureOptions.parse(List.of("heatmaps"), null, List.of("data.p,data.mu"), List.of("test_error_clean"), "")));
        assertEquals(List.of("heatmap_test_error_clean_1.csv", "heatmap_test_error_clean_2.csv"), rep.figures().stream()
                .map(p -> p.getFileName().toString()).filter(s -> s.endsWith(".csv")).toList());
        for (int g = 0; g < 2; g++) {
            List<Map<String, String>> cells = csv(rep.dir().resolve("figures/heatmap_test_error_clean_" + (g + 1) + ".csv"))
                    .stream().filter(r -> r.get("series").equals(MetricNames.TEST_ERROR_CLEAN)).toList();
            assertEquals(4, cells.size());
            for (int k = 0; k < 4; k++) {
                assertEquals((4 * g + k) * 0.01, Double.parseDouble(cells.get(k).get("value")), 1e-12,
                        "n = " + (g == 0 ? 50 : 100) + ": its own configurations, not an average over n");
            }
        }
        assertTrue(Files.readString(rep.markdown()).contains("Mean test error (clean labels) over p and ‖μ‖ (n=100)"));
    }
}
