package org.benignlab.reports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.benignlab.api.MetricNames;
import org.benignlab.reports.Doc.Span;

/** The report's text: what was run, the summary table, the verdict rule, the statistics, figures and warnings. */
final class ReportText {
    private ReportText() {
    }

    static Doc build(Experiment exp, List<ConfigStats> stats, List<Doc.FigureBlock> figures, List<String> warnings,
            ReportWriter.Options options, PairedComparisons paired) {
        Doc doc = new Doc("Report: " + exp.name());
        doc.heading(1, "Report: " + exp.name());
        whatWasRun(doc, exp, stats);
        doc.heading(2, "Summary");
        doc.add(table(exp, stats));
        doc.paragraph(Span.text("One row per configuration (configurations numbered in manifest order). Test errors are "
                + "means over the completed repetitions with the 95% interval in parentheses; \"interpolated\" counts the "
                + "completed repetitions that reached train error 0. Every final metric with its mean, sample standard "
                + "deviation and 95% interval is in "), Span.code("summary.csv"), Span.text("."));
        paired.addTo(doc, exp.sweepPaths());
        BaselineComparisons.of(exp).addTo(doc, exp.sweepPaths());
        verdictRule(doc, options);
        statistics(doc);
        doc.heading(2, "Figures");
        if (figures.isEmpty()) {
            doc.paragraph("No figures: no completed run has a metrics.csv and no numeric parameter is swept.");
        }
        for (Doc.FigureBlock f : figures) {
            doc.heading(3, "Figure " + f.number() + ": " + f.title());
            doc.add(f);
        }
        doc.heading(2, "Warnings");
        if (warnings.isEmpty()) {
            doc.paragraph("None: every run of the manifest finished and completed.");
        } else {
            List<List<Span>> items = new ArrayList<>();
            for (String w : warnings) {
                items.add(List.of(Span.text(w)));
            }
            doc.add(new Doc.Bullets(items));
        }
        return doc;
    }

    private static void whatWasRun(Doc doc, Experiment exp, List<ConfigStats> stats) {
        doc.heading(2, "What was run");
        int completed = 0;
        int diverged = 0;
        int failed = 0;
        int unfinished = 0;
        for (ConfigStats s : stats) {
            completed += s.completed();
            diverged += s.diverged();
            failed += s.failed();
            unfinished += s.unfinished();
        }
        List<Span> intro = new ArrayList<>();
        intro.add(Span.text("Experiment "));
        intro.add(Span.bold(exp.name()));
        intro.add(Span.text(": " + exp.runs().size() + (exp.runs().size() == 1 ? " run" : " runs") + " in "
                + stats.size() + (stats.size() == 1 ? " configuration" : " configurations")
                + (exp.repetitions() == null ? "" : ", " + exp.repetitions() + " repetition"
                        + (exp.repetitions() == 1 ? "" : "s") + " per configuration")
                + ". Status: " + completed + " completed, " + diverged + " diverged, " + failed + " failed, " + unfinished
                + " unfinished."));
        if (exp.hash() != null) {
            intro.add(Span.text(" Experiment hash "));
            intro.add(Span.code(exp.hash().length() > 16 ? exp.hash().substring(0, 16) + "…" : exp.hash()));
            intro.add(Span.text("."));
        }
        doc.add(new Doc.Paragraph(intro));

        if (exp.sweepPaths().isEmpty()) {
            doc.paragraph("Nothing is swept: " + (stats.size() == 1 ? "a single configuration." : "no sweep paths are "
                    + "declared, so each configuration key is reported on its own."));
        } else {
            List<Span> sweep = new ArrayList<>();
            sweep.add(Span.text("Swept: "));
            boolean first = true;
            for (String path : exp.sweepPaths()) {
                if (!first) {
                    sweep.add(Span.text("; "));
                }
                first = false;
                if (Labels.symbol(path).equals(path)) {
                    sweep.add(Span.code(path));
                } else {
                    sweep.add(Span.text(Labels.symbol(path) + " ("));
                    sweep.add(Span.code(path));
                    sweep.add(Span.text(")"));
                }
                sweep.add(Span.text(" ∈ {" + String.join(", ", values(stats, path)) + "}"));
            }
            sweep.add(Span.text("."));
            doc.add(new Doc.Paragraph(sweep));
        }

        List<String> fixed = new ArrayList<>();
        fixed(fixed, stats, exp, "data.n", "n", c -> c.n());
        fixed(fixed, stats, exp, "data.p", "p", c -> c.p());
        fixed(fixed, stats, exp, "network.width", "m", c -> c.m());
        fixed(fixed, stats, exp, "data.mu", "‖μ‖", c -> c.mu());
        fixed(fixed, stats, exp, "data.noise.rate", "η", c -> c.eta());
        fixed(fixed, stats, exp, "training.steps", "training steps T", c -> c.steps());
        Set<String> clusters = new LinkedHashSet<>();
        for (ConfigStats s : stats) {
            clusters.add(s.config().cluster() == null ? "not recorded" : s.config().cluster());
        }
        fixed.add("cluster " + String.join(" / ", clusters));
        doc.paragraph("Parameters (not swept): " + String.join(", ", fixed) + ".");

        Map<String, Integer> engines = ReportWriter.engines(exp);
        if (engines.isEmpty()) {
            doc.paragraph("Engine: not recorded (no finished run).");
        } else {
            List<String> es = new ArrayList<>();
            for (Map.Entry<String, Integer> e : engines.entrySet()) {
                es.add(e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " run)" : " runs)"));
            }
            doc.paragraph("Engine" + (engines.size() == 1 ? ": " : "s: ") + String.join(", ", es) + ".");
        }
    }

    /** The distinct values of a swept path: numbers in increasing order, then text in order of appearance. */
    private static List<String> values(List<ConfigStats> stats, String path) {
        TreeSet<Double> numbers = new TreeSet<>();
        Set<String> texts = new LinkedHashSet<>();
        for (ConfigStats s : stats) {
            SweptValue v = s.config().swept().get(path);
            if (v == null) {
                texts.add("–");
            } else if (v.numeric()) {
                numbers.add(v.number());
            } else {
                texts.add(v.text());
            }
        }
        List<String> out = new ArrayList<>();
        for (Double d : numbers) {
            out.add(Formats.human(d));
        }
        out.addAll(texts);
        return out;
    }

    private static void fixed(List<String> out, List<ConfigStats> stats, Experiment exp, String path, String symbol,
            Function<Configuration, Double> get) {
        if (exp.sweepPaths().contains(path)) {
            return;
        }
        Set<Double> vs = new LinkedHashSet<>();
        for (ConfigStats s : stats) {
            vs.add(get.apply(s.config()));
        }
        if (vs.size() > 1) {
            out.add(symbol + " varies");
        } else {
            Double v = vs.iterator().next();
            out.add(symbol + (v == null ? " not recorded" : " = " + Formats.human(v)));
        }
    }

    private static Doc.Table table(Experiment exp, List<ConfigStats> stats) {
        boolean anyDiverged = stats.stream().anyMatch(s -> s.diverged() > 0);
        boolean anyFailed = stats.stream().anyMatch(s -> s.failed() > 0);
        List<String> header = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        header.add("#");
        right.add(false);
        for (String path : exp.sweepPaths()) {
            header.add(Labels.symbol(path));
            right.add(stats.stream().allMatch(s -> s.config().swept().get(path) == null
                    || s.config().swept().get(path).numeric()));
        }
        header.add("completed");
        right.add(true);
        if (anyDiverged) {
            header.add("diverged");
            right.add(true);
        }
        if (anyFailed) {
            header.add("failed");
            right.add(true);
        }
        header.addAll(List.of("interpolated", "test error (95% CI)", "clean test error (95% CI)", "η", "tol", "verdict"));
        right.addAll(List.of(true, true, true, true, true, false));
        List<List<String>> rows = new ArrayList<>();
        for (ConfigStats s : stats) {
            Configuration c = s.config();
            List<String> row = new ArrayList<>();
            row.add(c.id());
            for (String path : exp.sweepPaths()) {
                SweptValue v = c.swept().get(path);
                row.add(v == null ? "–" : v.display());
            }
            row.add(s.completed() + "/" + c.runs().size());
            if (anyDiverged) {
                row.add(Integer.toString(s.diverged()));
            }
            if (anyFailed) {
                row.add(Integer.toString(s.failed()));
            }
            row.add(s.interpolated() == null ? "–"
                    : Math.round(s.interpolated() * s.completed()) + "/" + s.completed());
            row.add(withInterval(s.metrics().get(MetricNames.TEST_ERROR)));
            row.add(withInterval(s.metrics().get(MetricNames.TEST_ERROR_CLEAN)));
            row.add(Formats.human(c.eta()));
            row.add(s.completed() == 0 ? "–" : Formats.rate(s.tolerance()));
            row.add(s.verdict().key());
            rows.add(row);
        }
        boolean[] r = new boolean[right.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = right.get(i);
        }
        return new Doc.Table(header, r, rows);
    }

    private static String withInterval(ConfigStats.MetricStat st) {
        if (st.mean() == null) {
            return "–";
        }
        String s = Formats.rate(st.mean());
        if (st.low() != null) {
            s += " (" + Formats.rate(st.low()) + "–" + Formats.rate(st.high()) + ")";
        }
        return s;
    }

    private static void verdictRule(Doc doc, ReportWriter.Options options) {
        doc.heading(2, "Verdicts");
        doc.paragraph("Each configuration is judged on its completed repetitions, with the tolerance tol = max("
                + Formats.human(options.tolerance()) + ", half-width of the 95% Wilson interval of its pooled test error) "
                + "(column tol) and its noise rate η. Train error means the error on the observed, possibly flipped, "
                + "training labels.");
        List<List<Span>> rules = new ArrayList<>();
        rules.add(List.of(Span.bold("benign"), Span.text(": every completed repetition has train error 0 and the mean "
                + "test error (noisy labels) is at most η + tol.")));
        rules.add(List.of(Span.bold("tempered"), Span.text(": train error 0 and η + tol < mean test error < 1/2 − tol.")));
        rules.add(List.of(Span.bold("catastrophic"), Span.text(": train error 0 and mean test error ≥ 1/2 − tol.")));
        rules.add(List.of(Span.bold("not interpolating"), Span.text(": some completed repetition has train error above "
                + "0 (or records none).")));
        rules.add(List.of(Span.bold("diverged"), Span.text(" / "), Span.bold("failed"), Span.text(": no repetition "
                + "completed (diverged if at least one diverged).")));
        rules.add(List.of(Span.bold("unfinished"), Span.text(": no repetition has finished yet; "),
                Span.bold("undetermined"), Span.text(": train error 0 but no test error or no η recorded.")));
        doc.add(new Doc.Bullets(rules));
        doc.paragraph("Diverged and failed repetitions are counted in the table but their metrics enter no mean and "
                + "no verdict (unless no repetition completed).");
    }

    private static void statistics(Doc doc) {
        doc.heading(2, "How the numbers are computed");
        List<List<Span>> items = new ArrayList<>();
        items.add(List.of(Span.text("Means and sample standard deviations (k − 1 in the denominator, none for a "
                + "single repetition) are over the completed repetitions that recorded a finite value; unfinished, "
                + "diverged and failed runs are left out.")));
        items.add(List.of(Span.text("Error rates ("), Span.code("train_error"), Span.text(", "),
                Span.code("train_error_clean"), Span.text(", "), Span.code("train_error_noisy"), Span.text(", "),
                Span.code("test_error"), Span.text(", "), Span.code("test_error_clean"),
                Span.text("): the 95% interval is the Wilson score interval of the pooled count: errors = Σ round(rate × N)"
                        + " out of Σ N trials over the repetitions, where N is the number of test points n_test for the "
                        + "test errors, n for the train error, n − noisy_count for the clean training points and "
                        + "noisy_count for the noisy (flipped) ones (n when noisy_count is not recorded). The mean shown "
                        + "is the average of the per-repetition rates (equal to the pooled rate when N is the same in "
                        + "every repetition).")));
        items.add(List.of(Span.text("Other metrics (train loss, weight norms, stable rank): Student t interval mean ± "
                + "t(0.975, k − 1) · sd / √k over the k completed repetitions; none for k = 1.")));
        items.add(List.of(Span.text("Reference curves: Bayes error η + (1 − 2η)Φ(−‖μ‖) on noisy labels and Φ(−‖μ‖) on "
                + "clean labels (Gaussian clusters with random flips only; Φ is the standard normal cdf); Theorem 3.1 "
                + "(2) bound η + 2 exp(−n‖μ‖⁴ / (C p)), each evaluated at the configuration's own n, p, ‖μ‖ and η.")));
        doc.add(new Doc.Bullets(items));
    }
}
