package org.benignlab.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.benignlab.api.MetricNames;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Builds the report's figures from the configuration statistics and the runs' metrics.csv files:
 * <ol>
 * <li>final test error (noisy, then clean labels) against each swept numeric path, with η, the Bayes
 * error and the Theorem 3.1 bound;
 * <li>training curves (train loss, train error on clean and on noisy points, test error);
 * <li>a heat map of the mean test error when exactly two numeric paths are swept, with the curve
 * n‖μ‖⁴ = C p;
 * <li>one figure per diagnostic metric present in metrics.csv.
 * </ol>
 * Configuration i is drawn in {@link ChartKit#colour(int)} in every figure whose lines are
 * configurations (2 and 4).
 */
final class Figures {
    /** The metrics of the training-curve figures, in order. */
    static final List<String> CURVES = List.of(MetricNames.TRAIN_LOSS, MetricNames.TRAIN_ERROR_CLEAN,
            MetricNames.TRAIN_ERROR_NOISY, MetricNames.TEST_ERROR);

    /** The diagnostics drawn when present, in order. */
    static final List<String> DIAGNOSTICS = List.of(MetricNames.LOSS_RATIO, MetricNames.LOSS_RATIO_CLEAN,
            MetricNames.LOSS_RATIO_NOISY, MetricNames.LOG_LOSS_RATIO, MetricNames.TRAIN_LOSS_CLEAN, MetricNames.TRAIN_LOSS_NOISY,
            MetricNames.NORMALIZED_MARGIN, MetricNames.RELATIVE_CHANGE, MetricNames.GRADIENT_NORM_RATIO,
            MetricNames.GRADIENT_COSINE_MAX, MetricNames.WEIGHT_NORM, MetricNames.WEIGHT_NORM_SPECTRAL,
            MetricNames.STABLE_RANK);

    /** Paths that are drawn on a log axis whatever their range. */
    private static final Set<String> LOG_PATHS = Set.of("data.p", "data.n");

    private final Experiment exp;
    private final List<ConfigStats> stats;
    private final Map<String, MetricsTable> tables;
    private final int width;
    private final int height;
    private final double boundC;
    private final List<String> warnings = new ArrayList<>();

    private Figures(Experiment exp, List<ConfigStats> stats, Map<String, MetricsTable> tables, int width, int height,
            double boundC) {
        this.exp = exp;
        this.stats = stats;
        this.tables = tables;
        this.width = width;
        this.height = height;
        this.boundC = boundC;
    }

    /** Everything the figures need; warnings about what could not be drawn are added to {@code warnings}. */
    static List<Figure> build(Experiment exp, List<ConfigStats> stats, Map<String, MetricsTable> tables, int width,
            int height, double boundC, List<String> warnings) {
        Figures f = new Figures(exp, stats, tables, width, height, boundC);
        List<Figure> out = new ArrayList<>();
        for (String path : f.numericPaths()) {
            if (f.distinct(path).size() >= 2) {
                for (boolean clean : new boolean[] {false, true}) {
                    Figure fig = f.versus(path, clean);
                    if (fig != null) {
                        out.add(fig);
                    }
                }
            }
        }
        for (String metric : CURVES) {
            Figure fig = f.curves(metric, false);
            if (fig != null) {
                out.add(fig);
            }
        }
        out.addAll(f.heatmaps());
        for (String metric : DIAGNOSTICS) {
            Figure fig = f.curves(metric, true);
            if (fig != null) {
                out.add(fig);
            }
        }
        Set<String> unknown = new TreeSet<>();
        for (MetricsTable t : tables.values()) {
            for (String m : t.metrics()) {
                if (!MetricNames.ALL.contains(m) && !DIAGNOSTICS.contains(m)) {
                    unknown.add(m);
                }
            }
        }
        if (!unknown.isEmpty()) {
            f.warnings.add("metrics.csv files record metrics this report does not draw: " + String.join(", ", unknown));
        }
        warnings.addAll(f.warnings);
        return out;
    }

    /** Swept paths whose value is a number in every configuration. */
    List<String> numericPaths() {
        List<String> out = new ArrayList<>();
        for (String path : exp.sweepPaths()) {
            boolean numeric = true;
            for (ConfigStats s : stats) {
                SweptValue v = s.config().swept().get(path);
                numeric &= v != null && v.numeric();
            }
            if (numeric) {
                out.add(path);
            }
        }
        return out;
    }

    private TreeSet<Double> distinct(String path) {
        TreeSet<Double> out = new TreeSet<>();
        for (ConfigStats s : stats) {
            out.add(s.config().swept().get(path).number());
        }
        return out;
    }

    /**
     * A log axis when the values span at least two decades, or for n and p when the range holds at least
     * two powers of ten (XChart labels only the powers of ten of a log axis, so a narrower log axis would
     * carry no numbers).
     */
    private static boolean logAxis(String path, TreeSet<Double> values) {
        double lo = values.first();
        double hi = values.last();
        if (lo <= 0) {
            return false;
        }
        return hi / lo >= 100 || (LOG_PATHS.contains(path) && decades(lo, hi) >= 2);
    }

    /** How many powers of ten lie in [lo, hi]. */
    private static int decades(double lo, double hi) {
        return (int) (Math.floor(Math.log10(hi) + 1e-12) - Math.ceil(Math.log10(lo) - 1e-12) + 1);
    }

    private static double x(ConfigStats s, String path) {
        return s.config().swept().get(path).number();
    }

    /** Configurations grouped by the values of the swept paths other than {@code path}, by first appearance. */
    private Map<String, List<ConfigStats>> groupByOthers(List<String> others) {
        Map<String, List<ConfigStats>> groups = new LinkedHashMap<>();
        for (ConfigStats s : stats) {
            groups.computeIfAbsent(s.config().sweptLabel(others), k -> new ArrayList<>()).add(s);
        }
        return groups;
    }

    /** A reference curve before de-duplication: the same points drawn for two groups are drawn once. */
    private record Reference(String kind, int group, String groupLabel, double[] x, double[] y) {
        /** Equal for curves that look the same: y to 1e-6 (error rates; Φ(−10) and Φ(−30) are both 0). */
        String key() {
            StringBuilder sb = new StringBuilder(kind).append(Arrays.toString(x));
            for (double v : y) {
                sb.append(';').append(Double.isFinite(v) ? Long.toString(Math.round(v * 1e6)) : "NaN");
            }
            return sb.toString();
        }
    }

    /** Figure 1: final test error (noisy or clean labels) against one swept numeric path; null without data. */
    private Figure versus(String path, boolean clean) {
        String metric = clean ? MetricNames.TEST_ERROR_CLEAN : MetricNames.TEST_ERROR;
        List<String> others = new ArrayList<>(exp.sweepPaths());
        others.remove(path);
        Map<String, List<ConfigStats>> groups = groupByOthers(others);
        TreeSet<Double> values = distinct(path);
        boolean logX = logAxis(path, values);
        String what = clean ? "Test error on clean labels" : "Test error on noisy labels";
        String title = what + " vs " + Labels.axis(path);
        ChartKit.Chart ch = ChartKit.chart(title, Labels.axis(path) + (logX ? " (log scale)" : ""),
                clean ? "test error (clean labels)" : "test error (noisy labels)", width, height);
        ch.getStyler().setXAxisLogarithmic(logX);
        ch.getStyler().setYAxisDecimalPattern("0.00");
        if (!logX) {
            ch.getStyler().setXAxisDecimalPattern(ChartKit.decimalPattern(values.first(), values.last()));
        }

        boolean oneMean = exp.configurations().stream().allMatch(c -> c.declared().oneMean());
        double top = 0;
        int g = 0;
        List<Reference> refs = new ArrayList<>();
        int series = 0;
        for (Map.Entry<String, List<ConfigStats>> e : groups.entrySet()) {
            List<ConfigStats> group = new ArrayList<>(e.getValue());
            group.sort(Comparator.comparingDouble(s -> x(s, path)));
            Color colour = ChartKit.colour(g);
            List<double[]> pts = new ArrayList<>();
            for (ConfigStats s : group) {
                ConfigStats.MetricStat st = s.metrics().get(metric);
                if (st.mean() != null) {
                    pts.add(new double[] {x(s, path), st.mean(), st.low() == null ? Double.NaN : st.low(),
                        st.high() == null ? Double.NaN : st.high()});
                }
            }
            if (!pts.isEmpty()) {
                double[] xs = pts.stream().mapToDouble(p -> p[0]).toArray();
                double[] ys = pts.stream().mapToDouble(p -> p[1]).toArray();
                String label = groups.size() == 1 ? (clean ? "clean test error" : "test error") : e.getKey();
                ChartKit.line(ch, "s" + series++, label, xs, ys, colour, ChartKit.SOLID, true);
                for (double[] p : pts) {
                    top = Math.max(top, p[1]);
                    if (!Double.isNaN(p[2])) {
                        XYSeries bar = ChartKit.line(ch, "s" + series++, "", new double[] {p[0], p[0]},
                                new double[] {p[2], p[3]}, colour, ChartKit.ERROR_BAR, false);
                        bar.setShowInLegend(false);
                        top = Math.max(top, p[3]);
                    }
                }
            }
            // reference curves at every configuration of the group (also those without a completed run)
            double[] gx = group.stream().mapToDouble(s -> x(s, path)).toArray();
            if (!clean) {
                double[] eta = group.stream().mapToDouble(s -> value(s.config().eta())).toArray();
                refs.add(new Reference("eta", g, e.getKey(), gx, eta));
                double[] bayes = group.stream().mapToDouble(s -> bayesExact(s.config()) && known(s.config().eta(),
                        s.config().mu()) ? Theory.bayesError(s.config())
                        : Double.NaN).toArray();
                refs.add(new Reference("bayes", g, e.getKey(), gx, bayes));
                double[] bound = group.stream().mapToDouble(s -> bound(s.config())).toArray();
                refs.add(new Reference("bound", g, e.getKey(), gx, bound));
            } else {
                double[] bayes = group.stream().mapToDouble(s -> bayesExact(s.config()) && known(s.config().mu())
                        ? Theory.bayesErrorClean(s.config()) : Double.NaN).toArray();
                refs.add(new Reference("bayes_clean", g, e.getKey(), gx, bayes));
            }
            g++;
        }
        if (series == 0) {
            return null; // no configuration completed: reference curves alone say nothing about the runs
        }
        // draw each distinct reference curve once; name the groups only when a kind has several curves
        Map<String, Reference> unique = new LinkedHashMap<>();
        Map<String, List<String>> sharedBy = new LinkedHashMap<>();
        for (Reference r : refs) {
            if (Arrays.stream(r.y()).anyMatch(Double::isFinite)) {
                unique.putIfAbsent(r.key(), r);
                sharedBy.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.groupLabel());
            }
        }
        Map<String, Integer> perKind = new LinkedHashMap<>();
        for (Reference r : unique.values()) {
            perKind.merge(r.kind(), 1, Integer::sum);
        }
        Set<String> drawnKinds = new LinkedHashSet<>();
        for (Map.Entry<String, Reference> u : unique.entrySet()) {
            Reference r = u.getValue();
            List<String> shared = sharedBy.get(u.getKey());
            boolean several = perKind.get(r.kind()) > 1;
            String suffix = several ? " (" + String.join("; ", shared) + ")" : "";
            // black when the curve serves every line (or several), else the colour of its line
            Color colour = shared.size() > 1 || groups.size() == 1 ? ChartKit.REFERENCE : ChartKit.colour(r.group());
            BasicStroke stroke;
            String label;
            switch (r.kind()) {
                case "eta":
                    stroke = ChartKit.DASHED;
                    label = "noise rate η" + suffix;
                    break;
                case "bayes":
                    stroke = ChartKit.DOTTED;
                    label = (oneMean ? "Bayes error η+(1−2η)Φ(−‖μ‖/σ)" : "Bayes error (declared)") + suffix;
                    break;
                case "bayes_clean":
                    stroke = ChartKit.DOTTED;
                    label = (oneMean ? "Bayes error Φ(−‖μ‖/σ)" : "Bayes error (declared)") + suffix;
                    break;
                default:
                    stroke = ChartKit.DASH_DOT;
                    label = "bound η+2exp(−n‖μ‖⁴/(Cp))" + suffix;
                    break;
            }
            if (!r.kind().equals("bound")) {
                for (double y : r.y()) {
                    if (Double.isFinite(y)) {
                        top = Math.max(top, y);
                    }
                }
            }
            double[][] xy = finite(r.x(), r.y());
            ChartKit.line(ch, "s" + series++, label, xy[0], xy[1], colour, stroke, false);
            drawnKinds.add(r.kind());
        }
        double yMax = Math.min(1.0, Math.max(0.55, Math.ceil((top + 0.03) * 20) / 20));
        ch.getStyler().setYAxisMin(0.0);
        ch.getStyler().setYAxisMax(yMax);
        fitLegend(ch);

        StringBuilder cap = new StringBuilder();
        cap.append(clean ? "Final test error against the clean labels ỹ" : "Final test error against noisy test labels")
                .append(" (mean over the completed repetitions) as a function of ").append(Labels.axis(path));
        if (groups.size() > 1) {
            cap.append(", one line per value of ").append(symbols(others));
        }
        cap.append(". Vertical bars: 95% interval over the repetitions (Student t of the per-repetition errors on the "
                + "logit scale); for a configuration with one repetition, or whose repetitions all gave the same error, "
                + "the Wilson interval of its test points, which covers the finite test sample only (summary.csv, column "
                + "<metric>_ci95_method, says which).");
        if (groups.size() > 1) {
            cap.append(" Reference curves shared by several lines are black; the others take their line's colour.");
        }
        if (drawnKinds.contains("eta")) {
            cap.append(" Dashed: the noise rate η.");
        }
        if (drawnKinds.contains("bayes")) {
            cap.append(" Dotted: the Bayes error η + (1 − 2η)Φ(−‖μ‖/σ), exact for isotropic Gaussian clusters N(0, σ²I) "
                    + "with no noise or independent random flips (σ² the clusters' declared coordinate variance).");
        }
        if (drawnKinds.contains("bayes_clean")) {
            cap.append(" Dotted: the Bayes error on clean labels Φ(−‖μ‖/σ) for isotropic Gaussian clusters N(0, σ²I).");
        }
        if (!oneMean && (drawnKinds.contains("bayes") || drawnKinds.contains("bayes_clean"))) {
            cap.append(" For a signal model other than one mean the dotted curve is the clean Bayes error the model "
                    + "declares for N(0, I) clusters (xor: 2Φ(‖μ‖/√2)Φ(−‖μ‖/√2)), mixed with η as above.");
        }
        if (drawnKinds.contains("bound")) {
            cap.append(" Dash-dot: the Theorem 3.1 bound η + 2exp(−n‖μ‖⁴/(C σ⁴ p)) with C = ")
                    .append(Formats.human(boundC)).append(", evaluated at each configuration's n, p, ‖μ‖, η and the ")
                    .append("clusters' declared coordinate variance σ² (cut off at the top of the plot).");
        }
        Set<String> missing = new LinkedHashSet<>();
        for (List<ConfigStats> group : groups.values()) {
            for (ConfigStats s : group) {
                String note = Theory.bayesNote(s.config());
                if (!note.isEmpty()) {
                    missing.add(note);
                }
            }
        }
        if (!drawnKinds.contains(clean ? "bayes_clean" : "bayes") && !missing.isEmpty()) {
            cap.append(" No Bayes error is drawn: ").append(String.join("; ", missing))
                    .append(" (η + (1 − 2η)Φ(−‖μ‖/σ) is the Bayes error only for isotropic Gaussian clusters with no "
                            + "noise or independent random flips).");
        }
        Set<String> noBound = new LinkedHashSet<>();
        for (List<ConfigStats> group : groups.values()) {
            for (ConfigStats s : group) {
                String note = Theory.boundNote(s.config());
                if (!note.isEmpty()) {
                    noBound.add(note);
                }
            }
        }
        if (!clean && !noBound.isEmpty()) {
            cap.append(" The Theorem 3.1 bound is n/a").append(drawnKinds.contains("bound") ? " for some configurations"
                    : "").append(": ").append(String.join("; ", noBound)).append(".");
        }
        if (logX) {
            cap.append(" Logarithmic x axis.");
        }
        String name = (clean ? "clean_test_error_vs_" : "test_error_vs_") + Labels.slug(path);
        return new Figure(name, title, cap.toString(), ch);
    }

    /** Whether η + (1 − 2η)Φ(−‖μ‖/σ) is the Bayes error of the configuration ({@link Theory#bayesNote}). */
    private static boolean bayesExact(Configuration c) {
        return Theory.bayesNote(c).isEmpty();
    }

    /** The clusters' declared coordinate variance σ², or NaN. */
    private static double variance(Configuration c) {
        Double v = c.declared().coordinateVariance();
        return v == null ? Double.NaN : v;
    }

    private static boolean known(Double... vs) {
        for (Double v : vs) {
            if (v == null || !Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double value(Double v) {
        return v == null ? Double.NaN : v;
    }

    private double bound(Configuration c) {
        if (!known(c.eta(), c.n(), c.p(), c.mu()) || !Theory.boundNote(c).isEmpty()) {
            return Double.NaN;
        }
        return Theory.bound(c.eta(), c.n(), c.p(), c.mu(), boundC, variance(c));
    }

    /** The points whose y is finite. */
    private static double[][] finite(double[] x, double[] y) {
        int k = 0;
        for (double v : y) {
            if (Double.isFinite(v)) {
                k++;
            }
        }
        double[][] out = new double[2][k];
        int j = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i])) {
                out[0][j] = x[i];
                out[1][j++] = y[i];
            }
        }
        return out;
    }

    private static String symbols(List<String> paths) {
        List<String> out = new ArrayList<>();
        for (String p : paths) {
            out.add(Labels.symbol(p));
        }
        return String.join(", ", out);
    }

    /** Grows the chart so that the legend fits. */
    private void fitLegend(ChartKit.Chart ch) {
        int entries = 0;
        for (XYSeries s : ch.getSeriesMap().values()) {
            if (s.isShowInLegend()) {
                entries++;
            }
        }
        ch.growTo(150 + 27 * entries);
    }

    /**
     * A metric's mean over repetitions at each recorded step, with a 95% interval over the repetitions (NaN where
     * fewer than two repetitions recorded the step, or where their values are all equal).
     */
    private record Curve(double[] x, double[] mean, double[] low, double[] high, int repetitions) {
    }

    /**
     * @param positiveOnly keep positive values only, and take the interval on the log scale (a metric drawn on a
     *                     log axis: exp of the t interval of the logs, which stays positive)
     */
    private Curve curve(ConfigStats s, String metric, boolean positiveOnly) {
        TreeMap<Long, List<Double>> byStep = new TreeMap<>();
        int reps = 0;
        Long trials = null;
        boolean rate = ConfigStats.RATES.contains(metric);
        for (RunRecord r : s.config().completedRuns()) {
            MetricsTable t = tables.get(r.key());
            if (t == null || t.series(metric).isEmpty()) {
                continue;
            }
            reps++;
            if (rate) {
                Double n = ConfigStats.trials(r, metric);
                if (n != null && n >= 1 && n == Math.rint(n)) {
                    trials = trials == null ? n.longValue() : Math.min(trials, n.longValue());
                }
            }
            for (MetricsTable.Point p : t.series(metric)) {
                if (Double.isFinite(p.value()) && (!positiveOnly || p.value() > 0) && p.step() >= 0) {
                    byStep.computeIfAbsent(p.step(), k -> new ArrayList<>()).add(p.value());
                }
            }
        }
        if (byStep.isEmpty()) {
            return null;
        }
        int k = byStep.size();
        double[] x = new double[k];
        double[] mean = new double[k];
        double[] low = new double[k];
        double[] high = new double[k];
        int i = 0;
        for (Map.Entry<Long, List<Double>> e : byStep.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            x[i] = e.getKey() + 1.0;
            mean[i] = finiteOrNaN(Stats.mean(v)); // finite values near the largest double (a loss ratio) may sum to ∞
            Stats.Interval ci = interval(v, rate, trials, positiveOnly);
            low[i] = ci == null ? Double.NaN : finiteOrNaN(ci.low());
            high[i] = ci == null ? Double.NaN : finiteOrNaN(ci.high());
            i++;
        }
        return new Curve(x, mean, low, high, reps);
    }

    private static double finiteOrNaN(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    /** The 95% interval over repetitions of one step's values, on the logit scale for rates, log for a log axis. */
    private static Stats.Interval interval(double[] v, boolean rate, Long trials, boolean logScale) {
        if (v.length < 2 || Stats.sampleSd(v) == 0.0) {
            return null;
        }
        if (rate) {
            return trials == null ? null : Stats.logitTInterval(v, trials);
        }
        if (logScale) {
            double[] logs = Arrays.stream(v).map(Math::log).toArray();
            Stats.Interval t = Stats.tInterval(logs);
            return new Stats.Interval(Math.exp(t.low()), Math.exp(t.high()));
        }
        return Stats.tInterval(v);
    }

    /** Figures 2 and 4: a metric against the step, one line per configuration. */
    private Figure curves(String metric, boolean diagnostic) {
        boolean anyNonPositive = false;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (ConfigStats s : stats) {
            Curve c = curve(s, metric, false);
            if (c == null) {
                continue;
            }
            for (int i = 0; i < c.x().length; i++) {
                double lo = Double.isNaN(c.low()[i]) ? c.mean()[i] : Math.min(c.low()[i], c.mean()[i]);
                double hi = Double.isNaN(c.high()[i]) ? c.mean()[i] : Math.max(c.high()[i], c.mean()[i]);
                anyNonPositive |= lo <= 0;
                min = Math.min(min, lo);
                max = Math.max(max, hi);
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return null;
        }
        boolean rate = ConfigStats.RATES.contains(metric);
        // a log axis only over two decades or more: XChart labels only powers of ten on a log axis
        boolean logY = !rate && !anyNonPositive && max / min >= 100;
        String title = (diagnostic ? "Diagnostic: " : "Training curve: ") + Labels.metric(metric);
        ChartKit.Chart ch = ChartKit.chart(title, "step t + 1 (log scale)", Labels.metric(metric) + (logY ? " (log scale)" : ""),
                width, height);
        ch.getStyler().setXAxisLogarithmic(true);
        ch.getStyler().setYAxisLogarithmic(logY);
        if (rate) {
            ch.getStyler().setYAxisDecimalPattern("0.00");
            ch.getStyler().setYAxisMin(0.0);
        } else if (!logY) {
            ch.getStyler().setYAxisDecimalPattern(ChartKit.decimalPattern(min, max));
        }
        int series = 0;
        boolean bands = false;
        int drawn = 0;
        int maxReps = 0;
        for (ConfigStats s : stats) {
            Curve c = curve(s, metric, logY);
            if (c == null) {
                continue;
            }
            Configuration cfg = s.config();
            Color colour = ChartKit.colour(cfg.index());
            maxReps = Math.max(maxReps, c.repetitions());
            if (c.repetitions() >= 2) {
                int k = c.x().length;
                double[] px = new double[2 * k];
                double[] py = new double[2 * k];
                for (int i = 0; i < k; i++) { // where there is no interval the band closes onto the mean
                    px[i] = c.x()[i];
                    py[i] = Double.isNaN(c.high()[i]) ? c.mean()[i] : c.high()[i];
                    px[2 * k - 1 - i] = c.x()[i];
                    py[2 * k - 1 - i] = Double.isNaN(c.low()[i]) ? c.mean()[i] : c.low()[i];
                }
                ChartKit.polygon(ch, "s" + series++, null, px, py, ChartKit.transparent(colour, 48),
                        ChartKit.transparent(colour, 0));
                bands = true;
            }
            String label = cfg.id() + (exp.sweepPaths().isEmpty() ? "" : " " + cfg.sweptLabel(exp.sweepPaths()));
            ChartKit.line(ch, "s" + series++, label, c.x(), c.mean(), colour, ChartKit.stroke(cfg.index()),
                    c.x().length <= 3);
            drawn++;
        }
        if (drawn == 1) {
            ch.getStyler().setLegendVisible(false);
        }
        fitLegend(ch);
        StringBuilder cap = new StringBuilder();
        cap.append(Labels.metric(metric)).append(" at the recorded steps, ");
        cap.append(maxReps > 1 ? "mean over the completed repetitions of each configuration (line)"
                : "one line per configuration");
        if (bands) {
            cap.append(", shaded over the 95% interval of the repetitions at each step (Student t; on the logit scale "
                    + "for error rates, on the log scale on a log axis; closed onto the mean where the repetitions agree)");
        }
        cap.append(". The x axis is step t + 1 on a log scale, so that the initial state (t = 0) is drawn at 1.");
        if (logY) {
            cap.append(" Logarithmic y axis.");
        }
        if (drawn > 1) {
            cap.append(" Colours identify configurations, the same in every training-curve and diagnostic figure.");
        }
        String name = (diagnostic ? "diagnostic_" : "curve_") + Labels.slug(metric);
        return new Figure(name, title, cap.toString(), ch);
    }

    /** Colour bins of the heat map: [0, 0.05), [0.05, 0.10), ..., [0.45, 0.5), [0.5, 1]. */
    private static final int BINS = 11;

    private static int bin(double error) {
        return Math.max(0, Math.min(BINS - 1, (int) Math.floor(error / 0.05 + 1e-9)));
    }

    private static String binLabel(int b) {
        if (b == BINS - 1) {
            return "test error ≥ 0.50";
        }
        return String.format(Locale.ROOT, "test error %.2f–%.2f", b * 0.05, (b + 1) * 0.05);
    }

    /**
     * One colour per bin, green (low error) through yellow to red (error ≥ 1/2): ColorBrewer's RdYlGn
     * scale reversed and blended 30% towards white so that black numbers stay readable on every cell.
     */
    private static final int[] RAMP = {0x006837, 0x1A9850, 0x66BD63, 0xA6D96A, 0xD9EF8B, 0xFFFFBF, 0xFEE08B, 0xFDAE61,
        0xF46D43, 0xD73027, 0xA50026};

    private static Color binColour(int b) {
        Color c = new Color(RAMP[Math.min(b, RAMP.length - 1)]);
        return new Color(lighten(c.getRed()), lighten(c.getGreen()), lighten(c.getBlue()));
    }

    private static int lighten(int channel) {
        return (int) Math.round(channel + 0.3 * (255 - channel));
    }

    /** Cell edges around sorted grid values: midpoints (geometric on a log axis), half a gap beyond the ends. */
    private static double[] edges(double[] v, boolean log) {
        int k = v.length;
        double[] t = new double[k];
        for (int i = 0; i < k; i++) {
            t[i] = log ? Math.log10(v[i]) : v[i];
        }
        double[] e = new double[k + 1];
        for (int i = 1; i < k; i++) {
            e[i] = (t[i - 1] + t[i]) / 2;
        }
        e[0] = t[0] - (t[1] - t[0]) / 2;
        if (!log && t[0] >= 0 && e[0] < 0) {
            e[0] = 0; // a non-negative parameter keeps a non-negative axis
        }
        e[k] = t[k - 1] + (t[k - 1] - t[k - 2]) / 2;
        if (log) {
            for (int i = 0; i <= k; i++) {
                e[i] = Math.pow(10, e[i]);
            }
        }
        return e;
    }

    /** Figure 3: one heat map per combination of the non-numeric swept values, when two numeric paths are swept. */
    private List<Figure> heatmaps() {
        List<String> numeric = numericPaths();
        List<Figure> out = new ArrayList<>();
        if (numeric.size() != 2) {
            return out;
        }
        String px = numeric.get(0);
        String py = numeric.get(1);
        if (distinct(px).size() < 2 || distinct(py).size() < 2) {
            return out;
        }
        List<String> others = new ArrayList<>(exp.sweepPaths());
        others.removeAll(numeric);
        Map<String, List<ConfigStats>> groups = groupByOthers(others);
        int g = 0;
        for (Map.Entry<String, List<ConfigStats>> e : groups.entrySet()) {
            String name = groups.size() == 1 ? "heatmap_test_error" : "heatmap_test_error_" + (g + 1);
            out.add(heatmap(name, px, py, e.getValue(), others.isEmpty() ? "" : e.getKey()));
            g++;
        }
        return out;
    }

    private Figure heatmap(String name, String px, String py, List<ConfigStats> group, String groupLabel) {
        TreeSet<Double> xv = new TreeSet<>();
        TreeSet<Double> yv = new TreeSet<>();
        for (ConfigStats s : group) {
            xv.add(x(s, px));
            yv.add(x(s, py));
        }
        boolean logX = xv.size() >= 2 && logAxis(px, xv);
        boolean logY = yv.size() >= 2 && logAxis(py, yv);
        double[] xs = xv.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ys = yv.stream().mapToDouble(Double::doubleValue).toArray();
        double[] xe = xs.length >= 2 ? edges(xs, logX) : new double[] {xs[0] * 0.9, xs[0] * 1.1};
        double[] ye = ys.length >= 2 ? edges(ys, logY) : new double[] {ys[0] * 0.9, ys[0] * 1.1};
        String title = "Mean test error over " + Labels.symbol(px) + " and " + Labels.symbol(py)
                + (groupLabel.isEmpty() ? "" : " (" + groupLabel + ")");
        ChartKit.Chart ch = ChartKit.chart(title, Labels.axis(px) + (logX ? " (log scale)" : ""),
                Labels.axis(py) + (logY ? " (log scale)" : ""), width, height);
        ch.getStyler().setXAxisLogarithmic(logX);
        ch.getStyler().setYAxisLogarithmic(logY);
        ch.getStyler().setXAxisMin(xe[0]);
        ch.getStyler().setXAxisMax(xe[xe.length - 1]);
        ch.getStyler().setYAxisMin(ye[0]);
        ch.getStyler().setYAxisMax(ye[ye.length - 1]);
        ch.getStyler().setPlotGridLinesVisible(false);
        ch.getStyler().setPlotContentSize(1.0);
        if (!logX) {
            ch.getStyler().setXAxisDecimalPattern(ChartKit.decimalPattern(xe[0], xe[xe.length - 1]));
        }
        if (!logY) {
            ch.getStyler().setYAxisDecimalPattern(ChartKit.decimalPattern(ye[0], ye[ye.length - 1]));
        }

        // cells sorted by colour bin so that the legend lists the bins in order
        List<ConfigStats> cells = new ArrayList<>(group);
        cells.sort(Comparator.comparingInt((ConfigStats s) -> {
            Double m = s.metrics().get(MetricNames.TEST_ERROR).mean();
            return m == null ? BINS : bin(m);
        }).thenComparingInt(s -> s.config().index()));
        Set<Integer> labelled = new LinkedHashSet<>();
        int series = 0;
        for (ConfigStats s : cells) {
            int i = Arrays.binarySearch(xs, x(s, px));
            int j = Arrays.binarySearch(ys, x(s, py));
            double[] cx = {xe[i], xe[i + 1], xe[i + 1], xe[i]};
            double[] cy = {ye[j], ye[j], ye[j + 1], ye[j + 1]};
            Double m = s.metrics().get(MetricNames.TEST_ERROR).mean();
            int b = m == null ? BINS : bin(m);
            Color fill = m == null ? new Color(0xCCCCCC) : binColour(b);
            String label = labelled.add(b) ? (m == null ? "no completed run" : binLabel(b)) : null;
            ChartKit.polygon(ch, "s" + series++, label, cx, cy, fill, Color.WHITE);
            double tx = logX ? Math.sqrt(xe[i] * xe[i + 1]) : (xe[i] + xe[i + 1]) / 2;
            double ty = logY ? Math.sqrt(ye[j] * ye[j + 1]) : (ye[j] + ye[j + 1]) / 2;
            ch.addAnnotation(new AnnotationText(m == null ? "–" : Formats.rate(m), tx, ty, false));
        }

        String overlay = thresholdCurve(ch, px, py, group, xe, ye, logX, series);
        fitLegend(ch);
        StringBuilder cap = new StringBuilder();
        cap.append("Mean test error (noisy labels) of the completed repetitions for each pair (")
                .append(Labels.symbol(px)).append(", ").append(Labels.symbol(py)).append(")")
                .append(groupLabel.isEmpty() ? "" : " at " + groupLabel)
                .append(", printed in each cell; the colour is the value in bins of 0.05. Drawn as filled ")
                .append("rectangles on an XY chart (not XChart's categorical heat map) so that the axes keep their ")
                .append("scale and a curve can be drawn on top; cells extend halfway to the neighbouring values")
                .append(logX || logY ? " (geometric midpoints on log axes)" : "").append(".");
        cap.append(' ').append(overlay);
        return new Figure(name, title, cap.toString(), ch);
    }

    /**
     * Draws n‖μ‖⁴ = C p over a heat map whose axes are two of data.n, data.p, data.mu (the third fixed)
     * and returns a sentence for the caption.
     */
    private String thresholdCurve(ChartKit.Chart ch, String px, String py, List<ConfigStats> group, double[] xe, double[] ye,
            boolean logX, int series) {
        Set<String> theory = Set.of("data.n", "data.p", "data.mu");
        if (!theory.contains(px) || !theory.contains(py)) {
            return "No n‖μ‖⁴ = C p curve: the axes are not two of n, p, ‖μ‖.";
        }
        Set<String> rest = new LinkedHashSet<>(theory);
        rest.remove(px);
        rest.remove(py);
        String third = rest.iterator().next();
        Double fixed = null;
        for (ConfigStats s : group) {
            Configuration c = s.config();
            Double v = third.equals("data.n") ? c.n() : third.equals("data.p") ? c.p() : c.mu();
            if (v == null || (fixed != null && !fixed.equals(v))) {
                return "No n‖μ‖⁴ = C p curve: " + Labels.symbol(third) + " is not the same in every cell.";
            }
            fixed = v;
        }
        Double sigma2 = null;
        for (ConfigStats s : group) {
            Double v = s.config().declared().coordinateVariance();
            if (v == null || (sigma2 != null && !sigma2.equals(v)) || !Theory.boundNote(s.config()).isEmpty()) {
                String why = Theory.boundNote(s.config());
                return "No n‖μ‖⁴ = C σ⁴ p curve: " + (why.isEmpty() ? "the clusters' coordinate variance σ² differs "
                        + "between cells" : why) + ".";
            }
            sigma2 = v;
        }
        double c4 = boundC * sigma2 * sigma2; // n‖μ‖⁴ = (C σ⁴) p
        String sigmaText = sigma2 == 1.0 ? "" : ", σ² = " + Formats.human(sigma2);
        int k = 400;
        List<Double> cx = new ArrayList<>();
        List<Double> cy = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double t = i / (double) (k - 1);
            double xv = logX ? Math.pow(10, Math.log10(xe[0]) + t * (Math.log10(xe[xe.length - 1]) - Math.log10(xe[0])))
                    : xe[0] + t * (xe[xe.length - 1] - xe[0]);
            Map<String, Double> vars = new LinkedHashMap<>();
            vars.put(px, xv);
            vars.put(third, fixed);
            double yv = solve(py, vars, c4);
            if (Double.isFinite(yv) && yv >= ye[0] && yv <= ye[ye.length - 1]) {
                cx.add(xv);
                cy.add(yv);
            }
        }
        String fixedText = Labels.symbol(third) + " = " + Formats.human(fixed);
        String eq = sigma2 == 1.0 ? "n‖μ‖⁴ = C p" : "n‖μ‖⁴ = C σ⁴ p";
        if (cx.size() < 2) {
            return "The curve " + eq + " (C = " + Formats.human(boundC) + sigmaText + ", " + fixedText
                    + ") does not cross the plotted range.";
        }
        ChartKit.line(ch, "s" + series, eq + " (C = " + Formats.human(boundC) + sigmaText + ")",
                cx.stream().mapToDouble(Double::doubleValue).toArray(),
                cy.stream().mapToDouble(Double::doubleValue).toArray(), Color.BLACK, new BasicStroke(3.5f), false);
        return "Black line: " + eq + " with C = " + Formats.human(boundC) + sigmaText + " and " + fixedText
                + " (σ² the clusters' declared coordinate variance), where the Theorem 3.1 bound equals η + 2/e; it "
                + "tends to η where n‖μ‖⁴ ≫ C σ⁴ p.";
    }

    /** Solves n‖μ‖⁴ = C p for the variable {@code target} given the other two. */
    private static double solve(String target, Map<String, Double> v, double c) {
        switch (target) {
            case "data.p":
                return v.get("data.n") * Math.pow(v.get("data.mu"), 4) / c;
            case "data.n":
                return c * v.get("data.p") / Math.pow(v.get("data.mu"), 4);
            default:
                return Math.pow(c * v.get("data.p") / v.get("data.n"), 0.25);
        }
    }
}
