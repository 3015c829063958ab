package org.benignlab.reports;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.benignlab.api.MetricNames;

/**
 * Chooses the report's figures from the sweep and the {@link FigureOptions}, in this order:
 * <ol>
 * <li>{@link ErrorFigures}: each final metric (default: test error on noisy, then clean labels) against each x axis
 * (default: every numeric swept path with two or more values, then n‖μ‖⁴/p when two or more of n, p, ‖μ‖ vary);
 * <li>{@link CurveFigures}: the training curves, one figure of four panels;
 * <li>{@link HeatmapFigures}: each metric (default: clean, then noisy test error) over each axis pair (default: the
 * two numeric swept paths, when exactly two are swept);
 * <li>{@link CurveFigures}: the diagnostics the runs recorded, one figure of panels (by default only up to
 * {@link #DIAGNOSTICS_LIMIT} configurations).
 * </ol>
 * A new figure family is a class beside these with a static method returning {@link Figure}s, called here; the
 * renderer ({@link Plot}, {@link PlotLayout}), colours ({@link ColourMap}), theory curves ({@link TheoryCurves}) and
 * files ({@link FigureFiles}) are shared.
 */
final class Figures {
    private Figures() {
    }

    /** Above this many configurations the diagnostics figure is drawn only when asked for (its size and its lines). */
    static final int DIAGNOSTICS_LIMIT = 30;

    /**
     * Every figure; warnings about what could not be drawn are added to {@code warnings}.
     *
     * @throws ReportInputException     when an axis or metric of the options does not fit these results (one line
     *                                  naming the option, the value and what is allowed)
     */
    static List<Figure> build(Experiment exp, List<ConfigStats> stats, Map<String, MetricsTable> tables,
            ReportWriter.Options options, List<String> warnings) {
        FigureOptions fo = options.figures();
        int w = options.figureWidth();
        int h = options.figureHeight();
        List<Figure> out = new ArrayList<>();
        Set<FigureOptions.Family> families = EnumSet.allOf(FigureOptions.Family.class);
        if (!fo.families().isEmpty()) {
            families = fo.families();
        } else if (stats.size() > DIAGNOSTICS_LIMIT) {
            families.remove(FigureOptions.Family.DIAGNOSTICS);
            if (tables.values().stream().anyMatch(t -> t.metrics().stream().anyMatch(CurveFigures.DIAGNOSTICS::contains))) {
                warnings.add("the diagnostics figure is drawn by default up to " + DIAGNOSTICS_LIMIT + " configurations, "
                        + "here " + stats.size() + ": draw it with 'benign report DIR --figures all'");
            }
        }
        List<FigureAxis> xAxes = new ArrayList<>();
        for (String a : fo.x().isEmpty() ? defaultAxes(exp, stats) : fo.x()) {
            xAxes.add(FigureAxis.of(a, fo.where("x"), exp));
        }
        List<FigureAxis[]> pairs = new ArrayList<>();
        if (fo.heatmaps().isEmpty()) {
            List<String> numeric = numericPaths(exp, stats);
            if (numeric.size() == 2) {
                pairs.add(new FigureAxis[] {FigureAxis.of(numeric.get(0), fo.where("heatmap"), exp),
                    FigureAxis.of(numeric.get(1), fo.where("heatmap"), exp)});
            }
        } else {
            for (List<String> pair : fo.heatmaps()) {
                pairs.add(new FigureAxis[] {FigureAxis.of(pair.get(0), fo.where("heatmap"), exp),
                    FigureAxis.of(pair.get(1), fo.where("heatmap"), exp)});
            }
        }
        if (families.contains(FigureOptions.Family.VERSUS)) {
            List<String> metrics = fo.metrics().isEmpty() ? List.of(MetricNames.TEST_ERROR, MetricNames.TEST_ERROR_CLEAN)
                    : fo.metrics();
            for (FigureAxis axis : xAxes) {
                for (String metric : metrics) {
                    Figure f = ErrorFigures.versus(exp, stats, axis, metric, w, h, options.boundC());
                    if (f != null) {
                        out.add(f);
                    } else if (!fo.x().isEmpty()) {
                        warnings.add("no figure of " + metric + " against " + axis.spec() + ": it takes fewer than two "
                                + "values, or no configuration has a value");
                    }
                }
            }
        }
        if (families.contains(FigureOptions.Family.CURVES)) {
            Figure f = CurveFigures.grid(exp, stats, tables, CurveFigures.CURVES, false, w, h);
            if (f != null) {
                out.add(f);
            }
        }
        if (families.contains(FigureOptions.Family.HEATMAPS)) {
            List<String> metrics = fo.metrics().isEmpty() ? HeatmapFigures.DEFAULT_METRICS : fo.metrics();
            for (FigureAxis[] pair : pairs) {
                for (String metric : metrics) {
                    out.addAll(HeatmapFigures.heatmaps(exp, stats, pair[0], pair[1], metric, w, h, options.boundC()));
                }
            }
        }
        if (families.contains(FigureOptions.Family.DIAGNOSTICS)) {
            Figure f = CurveFigures.grid(exp, stats, tables, CurveFigures.DIAGNOSTICS, true, w, h);
            if (f != null) {
                out.add(f);
            }
        }
        Set<String> unknown = new TreeSet<>();
        for (MetricsTable t : tables.values()) {
            for (String m : t.metrics()) {
                if (!MetricNames.ALL.contains(m) && !CurveFigures.DIAGNOSTICS.contains(m)) {
                    unknown.add(m);
                }
            }
        }
        if (!unknown.isEmpty()) {
            warnings.add("metrics.csv files record metrics this report does not draw: " + String.join(", ", unknown));
        }
        Set<String> names = new LinkedHashSet<>();
        List<Figure> unique = new ArrayList<>();
        for (Figure f : out) {
            if (names.add(f.name())) { // the same axis given twice draws one figure
                unique.add(f);
            }
        }
        return unique;
    }

    /** Swept paths whose value is a number in every configuration and takes two or more values. */
    static List<String> numericPaths(Experiment exp, List<ConfigStats> stats) {
        List<String> out = new ArrayList<>();
        for (String path : exp.sweepPaths()) {
            boolean numeric = true;
            Set<Double> values = new TreeSet<>();
            for (ConfigStats s : stats) {
                SweptValue v = s.config().swept().get(path);
                numeric &= v != null && v.numeric();
                if (v != null && v.numeric()) {
                    values.add(v.number());
                }
            }
            if (numeric && values.size() >= 2) {
                out.add(path);
            }
        }
        return out;
    }

    /** The numeric swept paths, then n‖μ‖⁴/p when two or more of n, p, ‖μ‖ take several values. */
    private static List<String> defaultAxes(Experiment exp, List<ConfigStats> stats) {
        List<String> out = new ArrayList<>(numericPaths(exp, stats));
        int varying = 0;
        for (String q : List.of("n", "p", "mu")) {
            Set<Double> v = new TreeSet<>();
            for (ConfigStats s : stats) {
                Configuration c = s.config();
                Double x = q.equals("n") ? c.n() : q.equals("p") ? c.p() : c.mu();
                if (x != null) {
                    v.add(x);
                }
            }
            varying += v.size() >= 2 ? 1 : 0;
        }
        if (varying >= 2) {
            out.add(FigureAxis.SIGNAL);
        }
        return out;
    }
}
