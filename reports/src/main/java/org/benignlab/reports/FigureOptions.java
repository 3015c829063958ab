package org.benignlab.reports;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.benignlab.api.MetricNames;

/**
 * Which figures the report draws and over which axes. Empty means "chosen from the sweep": every family, but the
 * diagnostics only up to {@link Figures#DIAGNOSTICS_LIMIT} configurations; x axes are the numeric swept paths (and
 * n‖μ‖⁴/p when two or more of n, p, ‖μ‖ vary); the heat map is over the two numeric swept paths; the metrics are
 * the clean and the noisy test error.
 *
 * @param families which figure families to draw; empty: chosen from the sweep
 * @param x        x axes of the final-metric figures: paths ({@code data.n}, {@code vars.ratio}) or expressions
 *                 ({@code n*mu^4/p}); empty: from the sweep
 * @param heatmaps heat-map axis pairs, each two axes; empty: from the sweep
 * @param metrics  final metrics of the final-metric figures and heat maps; empty: test_error_clean and test_error
 * @param origin   how the options are named in messages: "" for command-line flags ({@code --x}), else the
 *                 configuration file ({@code report.yaml: x})
 */
public record FigureOptions(Set<Family> families, List<String> x, List<List<String>> heatmaps, List<String> metrics,
        String origin) {

    /** The figure families. */
    public enum Family {
        /** A final metric against each x axis (test error vs p, ...). */
        VERSUS,
        /** Training curves (one figure, a panel per metric). */
        CURVES,
        /** Heat maps of final metrics over two axes. */
        HEATMAPS,
        /** The recorded diagnostics (one figure, a panel per metric). */
        DIAGNOSTICS;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FigureOptions {
        families = families.isEmpty() ? EnumSet.noneOf(Family.class) : EnumSet.copyOf(families);
        x = List.copyOf(x);
        heatmaps = heatmaps.stream().map(List::copyOf).toList();
        metrics = List.copyOf(metrics);
    }

    /** Families, axes and metrics chosen from the sweep. */
    public static FigureOptions defaults() {
        return new FigureOptions(Set.of(), List.of(), List.of(), List.of(), "");
    }

    /** How option {@code key} is named in a message: {@code --x} or {@code report.yaml: x}. */
    String where(String key) {
        return origin.isEmpty() ? "--" + key : origin + ": " + key;
    }

    /** The metrics a figure may show: every final metric and diagnostic of summary.json. */
    public static List<String> allowedMetrics() {
        List<String> out = new ArrayList<>(MetricNames.ALL);
        out.addAll(MetricNames.DIAGNOSTICS);
        return out;
    }

    /**
     * Options from their text form (command-line flags or a configuration file's entries); null or empty entries
     * keep the default.
     *
     * @param figures  comma-separated families (versus, curves, heatmaps, diagnostics) or "all"
     * @param x        x axes
     * @param heatmaps each "A,B"
     * @param metrics  metric keys (each may be comma-separated)
     * @param origin   see {@link #origin()}
     * @throws IllegalArgumentException one line naming the option, the value and what is allowed
     */
    public static FigureOptions parse(List<String> figures, List<String> x, List<String> heatmaps, List<String> metrics,
            String origin) {
        FigureOptions where = new FigureOptions(Set.of(), List.of(), List.of(), List.of(), origin);
        Set<Family> fam = EnumSet.noneOf(Family.class);
        List<String> allowedFamilies = new ArrayList<>();
        for (Family f : Family.values()) {
            allowedFamilies.add(f.key());
        }
        for (String item : split(figures)) {
            if (item.equals("all")) {
                fam.addAll(EnumSet.allOf(Family.class));
                continue;
            }
            Family f = null;
            for (Family c : Family.values()) {
                if (c.key().equals(item)) {
                    f = c;
                }
            }
            if (f == null) {
                throw new IllegalArgumentException(where.where("figures") + ": unknown figure family '" + item
                        + "'; allowed: " + String.join(", ", allowedFamilies) + " or all (comma-separated)");
            }
            fam.add(f);
        }
        List<String> xs = new ArrayList<>();
        for (String a : x == null ? List.<String>of() : x) {
            if (a == null || a.isBlank()) {
                throw new IllegalArgumentException(where.where("x") + ": empty axis; allowed: a path such as data.n or "
                        + "vars.ratio, or an expression such as " + FigureAxis.SIGNAL);
            }
            xs.add(a.trim());
        }
        List<List<String>> pairs = new ArrayList<>();
        for (String h : heatmaps == null ? List.<String>of() : heatmaps) {
            String[] parts = h == null ? new String[0] : h.split(",", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException(where.where("heatmap") + ": '" + h + "' is not two axes; allowed: "
                        + "X,Y with each a path (data.n, vars.ratio) or an expression (p/n)");
            }
            pairs.add(List.of(parts[0].trim(), parts[1].trim()));
        }
        Set<String> ms = new LinkedHashSet<>();
        List<String> allowed = allowedMetrics();
        for (String m : split(metrics)) {
            if (!allowed.contains(m)) {
                throw new IllegalArgumentException(where.where("metric") + ": unknown metric '" + m + "'; allowed: "
                        + String.join(", ", allowed));
            }
            ms.add(m);
        }
        return new FigureOptions(fam, xs, pairs, new ArrayList<>(ms), origin);
    }

    private static List<String> split(List<String> items) {
        List<String> out = new ArrayList<>();
        for (String s : items == null ? List.<String>of() : items) {
            if (s == null) {
                continue;
            }
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}
