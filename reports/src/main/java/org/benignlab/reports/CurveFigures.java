package org.benignlab.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.benignlab.api.MetricNames;

/**
 * Figure families 2 and 4: metrics against the step from the runs' metrics.csv files, one line per configuration
 * (mean over repetitions, shaded over their 95% interval), in one grid of panels each: the training curves (train
 * loss, train error on clean and on noisy points, test error) and the diagnostics the runs recorded. Configuration
 * i has {@link ColourMap#colour(int)} in every panel; the legend is on the first panel.
 */
final class CurveFigures {
    private CurveFigures() {
    }

    /** The metrics of the training-curve figure, in order. */
    static final List<String> CURVES = List.of(MetricNames.TRAIN_LOSS, MetricNames.TRAIN_ERROR_CLEAN,
            MetricNames.TRAIN_ERROR_NOISY, MetricNames.TEST_ERROR);

    /** The diagnostics drawn when present, in order: every diagnostic of {@link MetricNames}, then the weight norms. */
    static final List<String> DIAGNOSTICS = java.util.stream.Stream.concat(MetricNames.DIAGNOSTICS.stream(),
            java.util.stream.Stream.of(MetricNames.WEIGHT_NORM, MetricNames.WEIGHT_NORM_SPECTRAL, MetricNames.STABLE_RANK))
            .toList();

    /**
     * The figure of {@code metrics} (those with data) as a grid of panels, or null when none has data.
     *
     * @param diagnostic the diagnostics figure (else the training curves)
     */
    static Figure grid(Experiment exp, List<ConfigStats> stats, Map<String, MetricsTable> tables, List<String> metrics,
            boolean diagnostic, int width, int height) {
        List<Plot> panels = new ArrayList<>();
        List<String> drawnMetrics = new ArrayList<>();
        int maxReps = 0;
        boolean bands = false;
        boolean logY = false;
        int drawn = 0;
        for (String metric : metrics) {
            Panel p = panel(exp, stats, tables, metric);
            if (p != null) {
                panels.add(p.plot());
                drawnMetrics.add(metric);
                maxReps = Math.max(maxReps, p.maxReps());
                bands |= p.bands();
                logY |= p.logY();
                drawn = Math.max(drawn, p.lines());
            }
        }
        if (panels.isEmpty()) {
            return null;
        }
        for (int i = 1; i < panels.size(); i++) {
            panels.get(i).legend = false;
        }
        if (drawn <= 1) {
            panels.get(0).legend = false;
        }
        ErrorFigures.capLegend(panels.get(0));
        int columns = panels.size() == 1 ? 1 : 2;
        String name = diagnostic ? "diagnostics" : "training_curves";
        String title = diagnostic ? "Diagnostics" : "Training curves";
        List<String> names = drawnMetrics.stream().map(Labels::metric).toList();
        StringBuilder cap = new StringBuilder();
        cap.append(diagnostic ? "Diagnostics the runs recorded, one panel each: " : "Training curves, one panel each: ")
                .append(String.join("; ", names)).append(", at the recorded steps, ");
        cap.append(maxReps > 1 ? "mean over the completed repetitions of each configuration (line)"
                : "one line per configuration");
        if (bands) {
            cap.append(", shaded over the 95% interval of the repetitions at each step (Student t; on the logit scale "
                    + "for error rates, on the log scale on a log axis; closed onto the mean where the repetitions agree)");
        }
        cap.append(". The x axis is step t + 1 on a log scale, so that the initial state (t = 0) is drawn at 1.");
        if (logY) {
            cap.append(" Panels whose values span more than a decade have a logarithmic y axis.");
        }
        if (drawn > 1) {
            cap.append(" Colours identify configurations (legend in the first panel), the same in every panel and in "
                    + "both the training-curve and the diagnostics figure.");
        }
        cap.append(" The plotted numbers: figures/").append(name).append(".csv.");
        return new Figure(name, title, cap.toString(), panels, columns, columns == 1 ? width : width * 7 / 10,
                columns == 1 ? height : height * 7 / 10);
    }

    private record Panel(Plot plot, int maxReps, boolean bands, boolean logY, int lines) {
    }

    private static Panel panel(Experiment exp, List<ConfigStats> stats, Map<String, MetricsTable> tables, String metric) {
        boolean anyNonPositive = false;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double xmax = 1;
        List<Curve> curves = new ArrayList<>();
        for (ConfigStats s : stats) {
            Curve c = curve(s, tables, metric, false);
            curves.add(c);
            if (c == null) {
                continue;
            }
            for (int i = 0; i < c.x().length; i++) {
                double lo = Double.isNaN(c.low()[i]) ? c.mean()[i] : Math.min(c.low()[i], c.mean()[i]);
                double hi = Double.isNaN(c.high()[i]) ? c.mean()[i] : Math.max(c.high()[i], c.mean()[i]);
                anyNonPositive |= lo <= 0;
                min = Math.min(min, lo);
                max = Math.max(max, hi);
                xmax = Math.max(xmax, c.x()[i]);
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return null;
        }
        boolean rate = ConfigStats.RATES.contains(metric);
        boolean logY = !rate && !anyNonPositive && max / min > 10;
        Plot.Axis y;
        String yLabel = Labels.metric(metric) + (logY ? " (log scale)" : "");
        if (rate) {
            y = Plot.Axis.linear(yLabel, 0.0, Math.min(1.0, Math.max(0.1, Math.ceil(max * 20 + 0.5) / 20)));
        } else if (logY) {
            y = Plot.Axis.log(yLabel, min / 1.3, max * 1.3);
        } else {
            double pad = max > min ? (max - min) * 0.05 : Math.abs(max) * 0.1 + 1e-12;
            y = Plot.Axis.linear(yLabel, min - pad, max + pad);
        }
        Plot.Axis x = Plot.Axis.log("step t + 1 (log scale)", 1, Math.max(10, xmax * 1.1));
        Plot plot = new Plot(metric, Labels.metric(metric), x, y);
        int maxReps = 0;
        boolean bands = false;
        int lines = 0;
        for (int k = 0; k < stats.size(); k++) {
            Curve c = logY ? curve(stats.get(k), tables, metric, true) : curves.get(k);
            if (c == null) {
                continue;
            }
            Configuration cfg = stats.get(k).config();
            maxReps = Math.max(maxReps, c.repetitions());
            boolean band = c.repetitions() >= 2;
            bands |= band;
            String label = cfg.id() + (exp.sweepPaths().isEmpty() ? "" : " " + cfg.sweptLabel(exp.sweepPaths()));
            plot.interval(label, label, c.x(), c.mean(), c.low(), c.high(), ColourMap.colour(cfg.index()),
                    ColourMap.stroke(cfg.index()), c.x().length <= 3, band ? Plot.Line.Interval.BAND : Plot.Line.Interval.NONE);
            lines++;
        }
        return new Panel(plot, maxReps, bands, logY, lines);
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
    private static Curve curve(ConfigStats s, Map<String, MetricsTable> tables, String metric, boolean positiveOnly) {
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
            mean[i] = Stats.mean(v);
            Stats.Interval ci = interval(v, rate, trials, positiveOnly);
            low[i] = ci == null ? Double.NaN : ci.low();
            high[i] = ci == null ? Double.NaN : ci.high();
            i++;
        }
        return new Curve(x, mean, low, high, reps);
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
}
