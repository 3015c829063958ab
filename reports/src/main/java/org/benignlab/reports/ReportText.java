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
                + "means over the completed repetitions with the 95% interval in parentheses: over the repetitions "
                + "(Student t on the logit scale) from two repetitions on; marked * when it covers the finite test sample "
                + "only (one repetition, or repetitions that all gave the same value; see below). \"interpolated\" "
                + "counts the completed repetitions that reached train error 0. Every final metric with its mean, sample "
                + "standard deviation, 95% interval and which interval it is (column "), Span.code("<metric>_ci95_method"),
                Span.text(") is in "), Span.code("summary.csv"), Span.text("."));
        paired.addTo(doc, exp.sweepPaths());
        BaselineComparisons.of(exp).addTo(doc, exp.sweepPaths());
        verdictRule(doc, stats, options);
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
                texts.add(v.display());
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
        header.addAll(List.of("interpolated", "test error (95% CI)", "clean test error (95% CI)", "η", "TOST p", "verdict"));
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
            row.add(s.tostP() == null ? "–" : Assumptions.show(s.tostP()));
            row.add(s.verdictText());
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
            boolean sampleOnly = st.kind() == ConfigStats.IntervalKind.WILSON_ONE_RUN
                    || st.kind() == ConfigStats.IntervalKind.WILSON_POOLED;
            s += " (" + Formats.rate(st.low()) + "–" + Formats.rate(st.high()) + ")" + (sampleOnly ? "*" : "");
        }
        return s;
    }

    private static void verdictRule(Doc doc, List<ConfigStats> stats, ReportWriter.Options options) {
        doc.heading(2, "Verdicts");
        String margin = Formats.human(options.tolerance());
        doc.paragraph("Each configuration is judged on its completed repetitions by an equivalence test with the fixed "
                + "margin " + margin + " (TOST-style): I is the 95% interval of the test error over the repetitions "
                + "(column \"test error (95% CI)\") and η the noise rate. The margin does not depend on the number of "
                + "repetitions; a verdict against η needs at least " + options.minRepetitions() + " completed "
                + "repetitions with a test error. Train error means the error on the observed, possibly flipped, training "
                + "labels.");
        List<List<Span>> rules = new ArrayList<>();
        rules.add(List.of(Span.bold("benign"), Span.text(": every completed repetition has train error 0 and I − η lies "
                + "inside [−" + margin + ", +" + margin + "].")));
        rules.add(List.of(Span.bold("tempered"), Span.text(": train error 0 and I lies above η + " + margin
                + " (and below 1/2 − " + margin + ").")));
        rules.add(List.of(Span.bold("catastrophic"), Span.text(": train error 0 and I lies above η + " + margin
                + " and at or above 1/2 − " + margin + ".")));
        rules.add(List.of(Span.bold("undetermined"), Span.text(": train error 0 but I straddles η ± " + margin
                + " (or lies below η − " + margin + "), or no test error or no η is recorded; "),
                Span.bold("undetermined (k repetitions)"), Span.text(": fewer than " + options.minRepetitions()
                        + " completed repetitions with a test error.")));
        rules.add(List.of(Span.bold("not interpolating"), Span.text(": some completed repetition has train error above "
                + "0 (or records none).")));
        rules.add(List.of(Span.bold("diverged"), Span.text(" / "), Span.bold("failed"), Span.text(": no repetition "
                + "completed (diverged if at least one diverged); "), Span.bold("unfinished"),
                Span.text(": no repetition has finished yet.")));
        doc.add(new Doc.Bullets(rules));
        doc.paragraph("Column TOST p: the p-value of the equivalence test itself, the larger of two one-sided t tests of "
                + "the per-repetition logits against logit(η − " + margin + ") and logit(η + " + margin + "); an interval "
                + "inside the margin is the same as TOST p ≤ 0.025. Diverged and failed repetitions are counted in the "
                + "table but their metrics enter no mean and no verdict (unless no repetition completed).");
        family(doc, stats);
    }

    /**
     * "Benign in every configuration" is a family of claims: Holm's adjustment of the configurations' TOST p-values
     * keeps the chance that any of them is wrongly called benign at 0.025.
     */
    private static void family(Doc doc, List<ConfigStats> stats) {
        List<ConfigStats> tested = stats.stream().filter(s -> s.tostP() != null).toList();
        if (tested.size() < 2) {
            return;
        }
        double[] p = tested.stream().mapToDouble(ConfigStats::tostP).toArray();
        double[] adjusted = Stats.holm(p);
        List<String> benign = new ArrayList<>();
        List<String> not = new ArrayList<>();
        for (int i = 0; i < adjusted.length; i++) {
            (adjusted[i] <= 0.025 ? benign : not).add(tested.get(i).config().id());
        }
        String conclusion = not.isEmpty()
                ? "benign in every one of them (the claim holds for the whole family)"
                : benign.isEmpty() ? "benign in none of them"
                : "benign in " + String.join(", ", benign) + " only; not shown for " + String.join(", ", not);
        doc.paragraph("Across the " + tested.size() + " configurations with a verdict against η, with Holm's adjustment "
                + "of their TOST p-values (family-wise error 0.025, valid whether or not the configurations share "
                + "random draws): " + conclusion + ".");
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
                Span.text("): the repetitions are the independent units and each rate already carries its own "
                        + "test-sample noise, so the 95% interval is the Student t interval of the per-repetition rates on "
                        + "the logit scale log(r / (1 − r)), mapped back (a rate of 0 or 1 is first moved to 1/(2N), N "
                        + "the points behind it) — "), Span.code("logit-t-repetitions"), Span.text(" in summary.csv. "
                        + "Test points are not pooled or resampled on top (that would count their variance twice). With "
                        + "one repetition the interval is the Wilson score interval of that run's errors out of its N "
                        + "points, which covers the finite test sample only, not the variation between repetitions ("),
                Span.code("wilson-one-repetition-sample-only"), Span.text("); when every repetition gave the same rate "
                        + "there is no spread to estimate and the interval is the Wilson interval of the pooled count ("),
                Span.code("wilson-pooled-identical-repetitions"), Span.text(", also the finite samples only). N is "
                        + "n_test for the test errors, n for the train error, n − noisy_count for the clean training "
                        + "points and noisy_count for the noisy (flipped) ones.")));
        items.add(List.of(Span.text("Other metrics (train loss, weight norms, stable rank): Student t interval mean ± "
                + "t(0.975, k − 1) · sd / √k over the k completed repetitions ("), Span.code("t-repetitions"),
                Span.text("); none for k = 1.")));
        items.add(List.of(Span.text("Reference curves, from what the plugins declared (recorded in each run's "),
                Span.code("summary.json"), Span.text(" under "), Span.code("declared"), Span.text("), not from their "
                + "names: the Bayes error η + (1 − 2η)Φ(−‖μ‖/σ) on noisy labels and Φ(−‖μ‖/σ) on clean labels, drawn only "
                + "where it is exact (clusters declared isotropic Gaussian, no label noise or independent random flips; "
                + "Φ is the standard normal cdf); the Theorem 3.1 (2) bound η + 2 exp(−n‖μ‖⁴ / (C σ⁴ p)), with σ² the "
                + "clusters' declared coordinate variance, left out where it is undefined (λ = 0: not strongly "
                + "log-concave, or no σ² declared). Each is evaluated at the configuration's own n, p, ‖μ‖ and η, and in the "
                + "figures also between neighbouring swept values (the parameters interpolated in the axis's scale).")));
        doc.add(new Doc.Bullets(items));
    }
}
