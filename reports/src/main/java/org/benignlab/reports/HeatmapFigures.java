package org.benignlab.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.benignlab.api.MetricNames;

/**
 * Figure family 3: a heat map of a final metric over two axes as swept (one cell per distinct pair of values, equal
 * cells, so a grid sweep gives a full grid whatever its spacing: p = ratio·n over (n, ratio) is 5 x 3 cells, not a
 * scatter over (n, p)), in a continuous colour-blind-safe map with a colour bar, and the boundary
 * n‖μ‖⁴ = C σ⁴ p where the theory applies to every cell.
 */
final class HeatmapFigures {
    private HeatmapFigures() {
    }

    /**
     * One figure per combination of the other swept values: every other swept path when both axes are swept paths,
     * else the text paths (an axis that is derived, or a path that is not swept such as p = ratio·n, may give a cell
     * several configurations: averaged, and counted in the caption).
     */
    static List<Figure> heatmaps(Experiment exp, List<ConfigStats> stats, FigureAxis ax, FigureAxis ay, String metric,
            int width, int height, double boundC) {
        boolean paths = exp.sweepPaths().contains(ax.path()) && exp.sweepPaths().contains(ay.path());
        List<String> others = new ArrayList<>();
        for (String p : exp.sweepPaths()) {
            boolean numeric = stats.stream().allMatch(s -> {
                SweptValue v = s.config().swept().get(p);
                return v != null && v.numeric();
            });
            if (paths ? !p.equals(ax.path()) && !p.equals(ay.path()) : !numeric) {
                others.add(p);
            }
        }
        Map<String, List<ConfigStats>> groups = new LinkedHashMap<>();
        for (ConfigStats s : stats) {
            groups.computeIfAbsent(s.config().sweptLabel(others), k -> new ArrayList<>()).add(s);
        }
        List<Figure> out = new ArrayList<>();
        int g = 0;
        for (Map.Entry<String, List<ConfigStats>> e : groups.entrySet()) {
            String base = "heatmap_" + Labels.slug(metric) + (isDefaultPair(exp, ax, ay) ? ""
                    : "_" + Labels.slug(ax.spec()) + "_" + Labels.slug(ay.spec()));
            String name = groups.size() == 1 ? base : base + "_" + (g + 1);
            Figure f = heatmap(name, e.getValue(), ax, ay, metric, others.isEmpty() ? "" : e.getKey(), width, height,
                    boundC);
            if (f != null) {
                out.add(f);
            }
            g++;
        }
        return out;
    }

    /** The default pair is the two numeric swept paths; other pairs get their axes in the file name. */
    private static boolean isDefaultPair(Experiment exp, FigureAxis ax, FigureAxis ay) {
        return exp.sweepPaths().contains(ax.spec()) && exp.sweepPaths().contains(ay.spec());
    }

    private static Figure heatmap(String name, List<ConfigStats> group, FigureAxis ax, FigureAxis ay, String metric,
            String groupLabel, int width, int height, double boundC) {
        TreeSet<Double> xv = ax.distinct(group);
        TreeSet<Double> yv = ay.distinct(group);
        if (xv.size() < 2 || yv.size() < 2) {
            return null;
        }
        double[] xs = xv.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ys = yv.stream().mapToDouble(Double::doubleValue).toArray();
        // one cell per pair; two configurations on one pair (not a grid) average their means
        double[][] sum = new double[xs.length][ys.length];
        int[][] count = new int[xs.length][ys.length];
        boolean[][] present = new boolean[xs.length][ys.length];
        double[][] signal = new double[xs.length][ys.length];
        for (double[] row : signal) {
            Arrays.fill(row, Double.NaN);
        }
        Double sigma2 = null;
        boolean theory = true;
        Set<String> why = new LinkedHashSet<>();
        for (ConfigStats s : group) {
            double x = ax.value(s.config());
            double y = ay.value(s.config());
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                continue;
            }
            int i = Arrays.binarySearch(xs, x);
            int j = Arrays.binarySearch(ys, y);
            present[i][j] = true;
            ConfigStats.MetricStat st = s.metrics().get(metric);
            if (st != null && st.mean() != null && Double.isFinite(st.mean())) {
                sum[i][j] += st.mean();
                count[i][j]++;
            }
            Configuration c = s.config();
            String note = Theory.boundNote(c);
            if (!note.isEmpty()) {
                theory = false;
                why.add(note);
            } else if (c.n() != null && c.p() != null && c.mu() != null) {
                double v = c.declared().coordinateVariance();
                if (sigma2 != null && sigma2 != v) {
                    theory = false;
                    why.add("the clusters' coordinate variance σ² differs between cells");
                }
                sigma2 = v;
                signal[i][j] = Theory.signal(c.n(), c.p(), c.mu(), 1.0);
            } else {
                theory = false;
                why.add("n, p or ‖μ‖ is not recorded");
            }
        }
        List<Double> cx = new ArrayList<>();
        List<Double> cy = new ArrayList<>();
        List<Double> cv = new ArrayList<>();
        List<String> ct = new ArrayList<>();
        int filled = 0;
        double vmin = Double.POSITIVE_INFINITY;
        double vmax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                if (!present[i][j]) {
                    continue;
                }
                double m = count[i][j] == 0 ? Double.NaN : sum[i][j] / count[i][j];
                cx.add(xs[i]);
                cy.add(ys[j]);
                cv.add(m);
                ct.add(Double.isNaN(m) ? "–" : ConfigStats.RATES.contains(metric) ? Formats.rate(m) : Formats.human(m));
                if (!Double.isNaN(m)) {
                    filled++;
                    vmin = Math.min(vmin, m);
                    vmax = Math.max(vmax, m);
                }
            }
        }
        if (filled == 0) {
            return null;
        }
        boolean rate = ConfigStats.RATES.contains(metric);
        double lo = rate ? 0 : vmin;
        double hi = rate ? Math.max(0.5, Math.ceil(vmax * 10) / 10) : vmax > vmin ? vmax : vmin + 1;
        String what = Labels.metric(metric);
        String title = "Mean " + what + " over " + ax.symbol() + " and " + ay.symbol()
                + (groupLabel.isEmpty() ? "" : " (" + groupLabel + ")");
        Plot plot = new Plot(name, title, Plot.Axis.categorical(ax.label(), xs), Plot.Axis.categorical(ay.label(), ys));
        ColourMap map = ColourMap.VIRIDIS_MAP;
        plot.layers.add(new Plot.Cells(metric, toArray(cx), toArray(cy), toArray(cv), ct.toArray(new String[0]), map, lo,
                hi));
        plot.colourBar = new Plot.ColourBar(what, map, lo, hi);
        String overlay;
        if (!theory || sigma2 == null) {
            overlay = "No n‖μ‖⁴ = C σ⁴ p curve: " + (why.isEmpty() ? "no cell records n, p and ‖μ‖" : String.join("; ", why))
                    + ".";
        } else {
            double level = boundC * sigma2 * sigma2;
            // one ring of cells beyond the grid, so that the line reaches the edges of the outer cells
            double[][] seg = TheoryCurves.contour(TheoryCurves.extendLogLinear(signal), level);
            double[] bx = new double[seg[0].length];
            double[] by = new double[seg[0].length];
            for (int k = 0; k < bx.length; k++) {
                bx[k] = TheoryCurves.valueAt(xs, seg[0][k] - 1);
                by[k] = TheoryCurves.valueAt(ys, seg[1][k] - 1);
            }
            String eq = sigma2 == 1.0 ? "n‖μ‖⁴ = C p" : "n‖μ‖⁴ = C σ⁴ p";
            String sigmaText = sigma2 == 1.0 ? "" : ", σ² = " + Formats.human(sigma2);
            if (bx.length == 0) {
                overlay = "The curve " + eq + " (C = " + Formats.human(boundC) + sigmaText
                        + ") does not cross the grid: n‖μ‖⁴/(σ⁴p) is on one side of C in every cell.";
            } else {
                plot.line("boundary " + eq, null, bx, by, java.awt.Color.WHITE, ColourMap.BOUNDARY, false);
                overlay = "White line: " + eq + " with C = " + Formats.human(boundC) + sigmaText + " (σ² the clusters' "
                        + "declared coordinate variance), where the Theorem 3.1 bound equals η + 2/e; the bound tends to "
                        + "η on the side where n‖μ‖⁴ is much larger than C σ⁴ p. It is traced between the cell centres by "
                        + "interpolating log(n‖μ‖⁴/p) (extrapolating it into the outer half cells), exact when that is a "
                        + "power law of the axis values.";
            }
        }
        StringBuilder cap = new StringBuilder();
        cap.append("Mean ").append(what).append(" of the completed repetitions for each pair (").append(ax.symbol())
                .append(", ").append(ay.symbol()).append(")").append(groupLabel.isEmpty() ? "" : " at " + groupLabel)
                .append(" as swept: one cell per pair of values, equal cells in value order, the mean printed in each ")
                .append("cell and its colour on the colour-blind-safe viridis scale of the bar (")
                .append(Formats.human(lo)).append(" to ").append(Formats.human(hi)).append("); grey: no completed run.");
        int shared = 0;
        for (int[] row : count) {
            for (int k : row) {
                shared += k > 1 ? 1 : 0;
            }
        }
        if (shared > 0) {
            cap.append(" ").append(shared).append(" cells hold several configurations (the axes do not tell them apart): "
                    + "the mean of their means.");
        }
        if (filled < xs.length * ys.length) {
            cap.append(" ").append(xs.length * ys.length - filled).append(" of ").append(xs.length * ys.length)
                    .append(" cells have no value: the configurations do not fill the grid of these axes.");
        }
        cap.append(' ').append(overlay);
        cap.append(" The plotted numbers: figures/").append(name).append(".csv.");
        return Figure.single(name, title, cap.toString(), plot, width, height);
    }

    private static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The metrics drawn by default: the clean and the noisy test error. */
    static final List<String> DEFAULT_METRICS = List.of(MetricNames.TEST_ERROR_CLEAN, MetricNames.TEST_ERROR);
}
