package org.benignlab.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.benignlab.api.MetricNames;
import org.benignlab.reports.Doc.Span;

/**
 * What the network adds over the linear baselines computed on the same draws (summary.json's
 * {@link MetricNames#BASELINES}): for each configuration and each baseline, the per-repetition differences
 * d_r = err(network, r) − err(baseline, r) of the final test error on noisy and on clean labels, their mean and the
 * 95% Student t interval ({@link Stats#tInterval}). The baseline saw the run's own training set and test points, so
 * the comparison is paired within each run. Two reference rows follow the baselines: the one-step classifier's
 * closed-form clean error (its mean over the repetitions; network clean error minus it) and, for Gaussian clusters,
 * the Bayes error η + (1 − 2η)Φ(−‖μ‖) on noisy labels and Φ(−‖μ‖) on clean labels ({@link Theory}), the floor.
 */
final class BaselineComparisons {

    /** A baseline: its label and the summary metrics of its noisy and clean test errors. */
    private record Kind(String label, String noisy, String clean) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("max-margin", MetricNames.MAX_MARGIN_TEST_ERROR, MetricNames.MAX_MARGIN_TEST_ERROR_CLEAN),
            new Kind("min-norm", MetricNames.MIN_NORM_TEST_ERROR, MetricNames.MIN_NORM_TEST_ERROR_CLEAN),
            new Kind("one-step", MetricNames.ONE_STEP_TEST_ERROR, MetricNames.ONE_STEP_TEST_ERROR_CLEAN),
            new Kind("one-step, closed form", null, MetricNames.ONE_STEP_CLEAN_ERROR_THEORY));

    /**
     * One comparison.
     *
     * @param config     the configuration
     * @param baseline   the baseline's label ("Bayes error" for the floor)
     * @param pairs      repetitions with both values
     * @param value      mean of the baseline's test error (noisy labels; clean for the closed form), or null
     * @param noisyMean  mean of network − baseline on noisy labels (null without pairs)
     * @param noisy      its 95% interval (null below 2 pairs)
     * @param cleanMean  the same on clean labels
     * @param clean      its interval
     */
    record Row(Configuration config, String baseline, int pairs, Double value, Double noisyMean, Stats.Interval noisy,
               Double cleanMean, Stats.Interval clean) {
    }

    private final List<Row> rows;

    private BaselineComparisons(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The comparisons of every configuration of {@code exp} whose completed runs recorded baselines. */
    static BaselineComparisons of(Experiment exp) {
        List<Row> rows = new ArrayList<>();
        for (Configuration c : exp.configurations()) {
            List<RunRecord> runs = c.completedRuns();
            boolean any = false;
            for (Kind k : KINDS) {
                Row row = row(c, runs, k.label(), k.noisy() == null ? null : r -> r.summary().metric(k.noisy()),
                        r -> r.summary().metric(k.clean()), k.noisy() == null);
                if (row != null) {
                    rows.add(row);
                    any = true;
                }
            }
            if (any && "gaussian".equals(c.cluster()) && c.eta() != null && c.mu() != null) {
                // one mean: Φ(−‖μ‖); another signal model: the Bayes error it declared (none: no floor)
                double bayesClean = c.declared().oneMean() ? Theory.bayesErrorClean(c.mu()) : Theory.bayesErrorClean(c);
                double bayes = c.eta() + (1 - 2 * c.eta()) * bayesClean;
                if (Double.isFinite(bayesClean)) {
                    rows.add(row(c, runs, "Bayes error (floor)", r -> bayes, r -> bayesClean, false));
                }
            }
        }
        return new BaselineComparisons(rows);
    }

    private static Row row(Configuration c, List<RunRecord> runs, String label, Function<RunRecord, Double> noisy,
                           Function<RunRecord, Double> clean, boolean valueIsClean) {
        List<Double> dn = new ArrayList<>();
        List<Double> dc = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (RunRecord r : runs) {
            Double bn = noisy == null ? null : noisy.apply(r);
            Double bc = clean.apply(r);
            Double v = valueIsClean ? bc : bn;
            if (finite(v)) {
                values.add(v);
            }
            Double net = r.summary().metric(MetricNames.TEST_ERROR);
            Double netClean = r.summary().metric(MetricNames.TEST_ERROR_CLEAN);
            if (finite(bn) && finite(net)) {
                dn.add(net - bn);
            }
            if (finite(bc) && finite(netClean)) {
                dc.add(netClean - bc);
            }
        }
        if (dn.isEmpty() && dc.isEmpty() && values.isEmpty()) {
            return null;
        }
        double[] n = Stats.values(dn);
        double[] k = Stats.values(dc);
        return new Row(c, label, Math.max(n.length, k.length), values.isEmpty() ? null : Stats.mean(Stats.values(values)),
                n.length == 0 ? null : Stats.mean(n), Stats.tInterval(n), k.length == 0 ? null : Stats.mean(k),
                Stats.tInterval(k));
    }

    private static boolean finite(Double v) {
        return v != null && Double.isFinite(v);
    }

    /** The rows, configuration by configuration in manifest order, baselines in a fixed order. */
    List<Row> rows() {
        return rows;
    }

    /** Adds the section "What the network adds" when some run recorded a baseline; nothing otherwise. */
    void addTo(Doc doc, List<String> sweepPaths) {
        if (rows.isEmpty()) {
            return;
        }
        doc.heading(2, "What the network adds");
        doc.paragraph(Span.text("Linear classifiers through the origin computed on each run's own training set and "
                + "test points (the same draws as the network): the maximum-margin classifier (hard-margin SVM "
                + "without bias, the direction gradient descent on a linear model with logistic loss converges to), "
                + "the minimum-norm interpolator w = Xᵀ K⁺ y and the one-step classifier w ∝ Σ yᵢ xᵢ. Each Δ is the "
                + "mean over repetitions of network minus baseline, with the 95% Student t interval of the "
                + "per-repetition differences in parentheses: a negative Δ whose interval excludes 0 says the network "
                + "does better on these draws. \"one-step, closed form\" is Φ(−(1−2η̂)‖μ‖²/√((1−2η̂)²‖μ‖² + p/n)) "
                + "(clean labels: its column \"baseline test error\" is a clean error; isotropic Gaussian clusters, flips "
                + "independent of the points); the Bayes error is the "
                + "floor no classifier beats (Gaussian clusters, random flips)."));
        List<String> header = new ArrayList<>(List.of("#"));
        for (String path : sweepPaths) {
            header.add(Labels.symbol(path));
        }
        header.addAll(List.of("baseline", "pairs", "baseline test error", "Δ test error (95% CI)",
                "Δ clean test error (95% CI)"));
        boolean[] right = new boolean[header.size()];
        for (int i = 2 + sweepPaths.size(); i < right.length; i++) {
            right[i] = true;
        }
        List<List<String>> table = new ArrayList<>();
        for (Row r : rows) {
            List<String> row = new ArrayList<>(List.of(r.config().id()));
            for (String path : sweepPaths) {
                SweptValue v = r.config().swept().get(path);
                row.add(v == null ? "–" : v.display());
            }
            row.add(r.baseline());
            row.add(Integer.toString(r.pairs()));
            row.add(r.value() == null ? "–" : Formats.rate(r.value()));
            row.add(PairedComparisons.difference(r.noisyMean(), r.noisy()));
            row.add(PairedComparisons.difference(r.cleanMean(), r.clean()));
            table.add(row);
        }
        doc.add(new Doc.Table(header, right, table));
    }
}
