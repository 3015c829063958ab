package org.benignlab.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.benignlab.api.MetricNames;

/**
 * Figure family 1: a final metric (by default the test error on noisy and on clean labels) against one axis (a
 * swept path, a var, or a derived quantity of the theory, {@link FigureAxis}), one line per value of the other
 * swept paths, with 95% intervals over repetitions and, for the test errors, the noise rate η, the Bayes error and
 * the Theorem 3.1 bound evaluated densely between the swept points ({@link TheoryCurves}).
 */
final class ErrorFigures {
    private ErrorFigures() {
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

    /** The figure, or null when no configuration has a value to plot. */
    static Figure versus(Experiment exp, List<ConfigStats> stats, FigureAxis axis, String metric, int width, int height,
            double boundC) {
        boolean noisy = metric.equals(MetricNames.TEST_ERROR);
        boolean clean = metric.equals(MetricNames.TEST_ERROR_CLEAN);
        boolean rate = ConfigStats.RATES.contains(metric);
        List<String> others = new ArrayList<>();
        for (String p : exp.sweepPaths()) {
            boolean numeric = stats.stream().allMatch(s -> {
                SweptValue v = s.config().swept().get(p);
                return v != null && v.numeric();
            });
            if (!p.equals(axis.path()) && (axis.path() != null || !numeric)) {
                others.add(p);
            }
        }
        Map<String, List<ConfigStats>> groups = new LinkedHashMap<>();
        for (ConfigStats s : stats) {
            if (Double.isFinite(axis.value(s.config()))) {
                groups.computeIfAbsent(s.config().sweptLabel(others), k -> new ArrayList<>()).add(s);
            }
        }
        TreeSet<Double> values = axis.distinct(stats);
        if (values.size() < 2) {
            return null;
        }
        boolean logX = FigureAxis.logScale(values);
        String what = noisy ? "Test error on noisy labels" : clean ? "Test error on clean labels" : Labels.metric(metric);
        String title = what + " vs " + axis.label();
        List<Series> series = new ArrayList<>();
        List<Reference> refs = new ArrayList<>();
        boolean oneMean = stats.stream().allMatch(s -> s.config().declared().oneMean());
        double top = 0;
        double lo = Double.POSITIVE_INFINITY;
        int g = 0;
        int density = TheoryCurves.density(stats.size());
        for (Map.Entry<String, List<ConfigStats>> e : groups.entrySet()) {
            List<ConfigStats> group = new ArrayList<>(e.getValue());
            group.sort(Comparator.comparingDouble(s -> axis.value(s.config())));
            List<double[]> pts = new ArrayList<>();
            for (ConfigStats s : group) {
                ConfigStats.MetricStat st = s.metrics().get(metric);
                if (st != null && st.mean() != null && Double.isFinite(st.mean())) {
                    pts.add(new double[] {axis.value(s.config()), st.mean(), st.low() == null ? Double.NaN : st.low(),
                        st.high() == null ? Double.NaN : st.high()});
                }
            }
            if (!pts.isEmpty()) {
                String label = groups.size() == 1 ? (noisy ? "test error" : clean ? "clean test error" : Labels.metric(metric))
                        : e.getKey();
                String name = metric + (groups.size() == 1 ? "" : " (" + e.getKey() + ")");
                series.add(new Series(name, label, g, column(pts, 0), column(pts, 1), column(pts, 2), column(pts, 3)));
                for (double[] p : pts) {
                    top = Math.max(top, Double.isNaN(p[3]) ? p[1] : Math.max(p[1], p[3]));
                    lo = Math.min(lo, Double.isNaN(p[2]) ? p[1] : Math.min(p[1], p[2]));
                }
            }
            // reference curves through every configuration of the group (also those without a completed run)
            double[] gx = group.stream().mapToDouble(s -> axis.value(s.config())).toArray();
            List<TheoryCurves.Point> gp = group.stream().map(s -> TheoryCurves.Point.of(s.config())).toList();
            if (noisy) {
                refs.add(ref("eta", g, e.getKey(), TheoryCurves.dense(gx, gp, logX, density, TheoryCurves::eta)));
                refs.add(ref("bayes", g, e.getKey(), TheoryCurves.dense(gx, gp, logX, density, q -> TheoryCurves.bayes(q, false))));
                refs.add(ref("bound", g, e.getKey(), TheoryCurves.dense(gx, gp, logX, density, q -> TheoryCurves.bound(q, boundC))));
            } else if (clean) {
                refs.add(ref("bayes_clean", g, e.getKey(), TheoryCurves.dense(gx, gp, logX, density, q -> TheoryCurves.bayes(q, true))));
            }
            g++;
        }
        if (series.isEmpty()) {
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
            if (!r.kind().equals("bound")) {
                for (double y : r.y()) {
                    if (Double.isFinite(y)) {
                        top = Math.max(top, y);
                    }
                }
            }
        }
        Plot.Axis yAxis;
        String yLabel = noisy ? "test error (noisy labels)" : clean ? "test error (clean labels)" : Labels.metric(metric);
        boolean logY = false;
        if (rate) {
            yAxis = Plot.Axis.linear(yLabel, 0.0, Math.min(1.0, Math.max(0.55, Math.ceil((top + 0.03) * 20) / 20)));
        } else {
            logY = lo > 0 && top / lo > 10;
            double pad = (top - lo) * 0.05 + (top == lo ? Math.abs(top) * 0.1 + 1e-12 : 0);
            yAxis = logY ? Plot.Axis.log(yLabel + " (log scale)", lo / 1.2, top * 1.2)
                    : Plot.Axis.linear(yLabel, lo - pad, top + pad);
        }
        double x0 = values.first();
        double x1 = values.last();
        double xpad = logX ? 1.08 : (x1 - x0) * 0.04;
        Plot.Axis xAxis = logX ? Plot.Axis.log(axis.label() + " (log scale)", x0 / xpad, x1 * xpad)
                : Plot.Axis.linear(axis.label(), x0 - xpad, x1 + xpad);
        Plot plot = new Plot(name(metric, axis), title, xAxis, yAxis);
        for (Series s : series) {
            // points of a derived axis are not a path through the sweep: markers only
            plot.interval(s.name(), s.label(), s.x(), s.y(), s.low(), s.high(), ColourMap.colour(s.group()),
                    axis.path() == null ? null : ColourMap.SOLID, true, Plot.Line.Interval.BARS);
        }
        Set<String> drawnKinds = new LinkedHashSet<>();
        for (Map.Entry<String, Reference> u : unique.entrySet()) {
            Reference r = u.getValue();
            List<String> shared = sharedBy.get(u.getKey());
            boolean several = perKind.get(r.kind()) > 1;
            String suffix = several ? " (" + String.join("; ", shared) + ")" : "";
            Color colour = shared.size() > 1 || groups.size() == 1 ? ColourMap.REFERENCE : ColourMap.colour(r.group());
            BasicStroke stroke;
            String label;
            String name;
            switch (r.kind()) {
                case "eta" -> {
                    stroke = ColourMap.DASHED;
                    label = "noise rate η";
                    name = "noise_rate";
                }
                case "bayes" -> {
                    stroke = ColourMap.DOTTED;
                    label = oneMean ? "Bayes error η+(1−2η)Φ(−‖μ‖/σ)" : "Bayes error (declared)";
                    name = "bayes_error";
                }
                case "bayes_clean" -> {
                    stroke = ColourMap.DOTTED;
                    label = oneMean ? "Bayes error Φ(−‖μ‖/σ)" : "Bayes error (declared)";
                    name = "bayes_error_clean";
                }
                default -> {
                    stroke = ColourMap.DASH_DOT;
                    label = "bound η+2exp(−n‖μ‖⁴/(Cp))";
                    name = "bound";
                }
            }
            plot.line(name + suffix, label + suffix, r.x(), r.y(), colour, stroke, false);
            drawnKinds.add(r.kind());
        }
        capLegend(plot);
        return Figure.single(name(metric, axis), title, caption(stats.size(), axis, metric, groups, others, drawnKinds,
                logX, logY, boundC), plot, width, height);
    }

    /** figure file name: test_error_vs_data_p, clean_test_error_vs_n_mu_4_p, weight_norm_fro_vs_vars_ratio. */
    static String name(String metric, FigureAxis axis) {
        String m = metric.equals(MetricNames.TEST_ERROR) ? "test_error" : metric.equals(MetricNames.TEST_ERROR_CLEAN)
                ? "clean_test_error" : Labels.slug(metric);
        return m + "_vs_" + Labels.slug(axis.spec());
    }

    /** Keeps the legend readable: at most {@link PlotLayout#MAX_LEGEND} entries, the rest counted in one line. */
    static void capLegend(Plot plot) {
        List<Plot.Layer> labelled = new ArrayList<>();
        for (Plot.Layer l : plot.layers) {
            if (l instanceof Plot.Line line && line.label() != null) {
                labelled.add(l);
            }
        }
        if (labelled.size() <= PlotLayout.MAX_LEGEND) {
            return;
        }
        for (int i = PlotLayout.MAX_LEGEND - 1; i < labelled.size(); i++) {
            Plot.Line l = (Plot.Line) labelled.get(i);
            plot.layers.set(plot.layers.indexOf(l), new Plot.Line(l.series(), null, l.x(), l.y(), l.low(), l.high(),
                    l.colour(), l.stroke(), l.markers(), l.interval()));
        }
        plot.notes.add(new Plot.Note("… and " + (labelled.size() - PlotLayout.MAX_LEGEND + 1) + " more (see the CSV)"));
    }

    private record Series(String name, String label, int group, double[] x, double[] y, double[] low, double[] high) {
    }

    private static Reference ref(String kind, int group, String label, double[][] xy) {
        return new Reference(kind, group, label, xy[0], xy[1]);
    }

    private static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(r -> r[i]).toArray();
    }

    private static String caption(int configurations, FigureAxis axis, String metric,
            Map<String, List<ConfigStats>> groups, List<String> others, Set<String> drawnKinds, boolean logX,
            boolean logY, double boundC) {
        boolean noisy = metric.equals(MetricNames.TEST_ERROR);
        boolean clean = metric.equals(MetricNames.TEST_ERROR_CLEAN);
        boolean oneMean = groups.values().stream().flatMap(List::stream).allMatch(s -> s.config().declared().oneMean());
        StringBuilder cap = new StringBuilder();
        cap.append(noisy ? "Final test error against noisy test labels" : clean
                ? "Final test error against the clean labels ỹ" : "Final " + Labels.metric(metric))
                .append(" (mean over the completed repetitions) as a function of ").append(axis.label());
        if (axis.path() == null) {
            cap.append(" (computed from each configuration's parameters)");
        }
        if (groups.size() > 1) {
            List<String> symbols = new ArrayList<>();
            for (String p : others) {
                symbols.add(Labels.symbol(p));
            }
            cap.append(", one line per value of ").append(String.join(", ", symbols));
        }
        cap.append(". Vertical bars: 95% interval over the repetitions (Student t of the per-repetition values");
        if (ConfigStats.RATES.contains(metric)) {
            cap.append(" on the logit scale); for a configuration with one repetition, or whose repetitions all gave the "
                    + "same error, the Wilson interval of its test points, which covers the finite test sample only "
                    + "(summary.csv, column <metric>_ci95_method, says which).");
        } else {
            cap.append(").");
        }
        if (groups.size() > 1 && !drawnKinds.isEmpty()) {
            cap.append(" Reference curves shared by several lines are black; the others take their line's colour.");
        }
        if (!drawnKinds.isEmpty()) {
            cap.append(" Reference curves are evaluated at ").append(TheoryCurves.density(configurations))
                    .append(" points between neighbouring swept values, the parameters interpolated in the axis's scale.");
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
                    + "declares for N(0, I) clusters at each configuration (xor: 2Φ(‖μ‖/√2)Φ(−‖μ‖/√2)), mixed with η "
                    + "as above, joined by straight lines between configurations.");
        }
        if (drawnKinds.contains("bound")) {
            cap.append(" Dash-dot: the Theorem 3.1 bound η + 2exp(−n‖μ‖⁴/(C σ⁴ p)) with C = ")
                    .append(Formats.human(boundC)).append(", from each configuration's n, p, ‖μ‖, η and the ")
                    .append("clusters' declared coordinate variance σ² (cut off at the top of the plot).");
        }
        if (noisy || clean) {
            Set<String> missing = new LinkedHashSet<>();
            Set<String> noBound = new LinkedHashSet<>();
            for (List<ConfigStats> group : groups.values()) {
                for (ConfigStats s : group) {
                    String note = Theory.bayesNote(s.config());
                    if (!note.isEmpty()) {
                        missing.add(note);
                    }
                    String b = Theory.boundNote(s.config());
                    if (!b.isEmpty()) {
                        noBound.add(b);
                    }
                }
            }
            if (!drawnKinds.contains(clean ? "bayes_clean" : "bayes") && !missing.isEmpty()) {
                cap.append(" No Bayes error is drawn: ").append(String.join("; ", missing))
                        .append(" (η + (1 − 2η)Φ(−‖μ‖/σ) is the Bayes error only for isotropic Gaussian clusters with no "
                                + "noise or independent random flips).");
            }
            if (noisy && !noBound.isEmpty()) {
                cap.append(" The Theorem 3.1 bound is n/a").append(drawnKinds.contains("bound") ? " for some configurations"
                        : "").append(": ").append(String.join("; ", noBound)).append(".");
            }
        }
        if (logX) {
            cap.append(" Logarithmic x axis.");
        }
        if (logY) {
            cap.append(" Logarithmic y axis.");
        }
        cap.append(" The plotted numbers: figures/").append(name(metric, axis)).append(".csv.");
        return cap.toString();
    }
}
