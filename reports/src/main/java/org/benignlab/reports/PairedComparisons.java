package org.benignlab.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.benignlab.api.MetricNames;
import org.benignlab.api.results.RunSchema;
import org.benignlab.reports.Doc.Span;

/**
 * Paired comparisons of configurations that share their random draws (common random numbers). Two runs share
 * their draws when their provenance.json records the same {@code stream_seeds} for every stream: the runner
 * seeds each stream from the configuration entries that determine its draws, so configurations that differ only
 * in how they train (optimiser, step, loss, activation, steps, stop rules, engine within a draw family, ...) get
 * the same seeds repetition by repetition.
 *
 * <p>For each configuration whose runs share the draws of the reference configuration (the first of the
 * manifest) at every repetition both completed, the per-repetition differences d_r = err(c, r) - err(ref, r) of the
 * final test error on noisy and on clean labels give the mean paired difference and its 95% Student t interval
 * ({@link Stats#tInterval} on the d_r: paired, so the sampling noise the two share cancels). Configurations that do
 * not share the reference's draws are named with the streams that differ. Runs on engines of different draw
 * families (provenance {@code draw_family}: {@code explicit} for dense and span, {@code sketch}) never share draws;
 * {@link #warnings()} says so when one experiment has both.
 */
final class PairedComparisons {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One configuration against the reference.
     *
     * @param config the configuration
     * @param pairs  repetitions completed by both, with the same draws
     * @param noisy  mean paired difference of the test error on noisy labels, and its interval (null below 2 pairs)
     * @param clean  the same on clean labels
     */
    record Row(Configuration config, int pairs, Double noisyMean, Stats.Interval noisy, Double cleanMean,
               Stats.Interval clean) {
    }

    private final Configuration reference;
    private final List<Row> rows;
    private final Map<String, String> unpaired;
    private final List<String> warnings;

    private PairedComparisons(Configuration reference, List<Row> rows, Map<String, String> unpaired,
                              List<String> warnings) {
        this.reference = reference;
        this.rows = List.copyOf(rows);
        this.unpaired = unpaired;
        this.warnings = List.copyOf(warnings);
    }

    /** The seeds and draw family a run's provenance.json records (null when absent or unreadable). */
    private record Draws(Map<String, String> seeds, String family) {
    }

    /**
     * Reads the provenance of every completed run of {@code exp} under {@code resultsDir} and pairs the
     * configurations with the first one.
     */
    static PairedComparisons of(Path resultsDir, Experiment exp) {
        Map<String, Draws> draws = new LinkedHashMap<>();
        Map<String, TreeSet<String>> families = new TreeMap<>();
        for (RunRecord r : exp.runs()) {
            if (!r.completed()) {
                continue;
            }
            Draws d = read(resultsDir.resolve(r.key()).resolve(RunSchema.PROVENANCE));
            draws.put(r.key(), d);
            if (d != null && d.family() != null) {
                families.computeIfAbsent(d.family(), f -> new TreeSet<>())
                        .add(configurationOf(exp, r.configKey()).id());
            }
        }
        List<String> warnings = new ArrayList<>();
        if (families.size() > 1) {
            StringBuilder sb = new StringBuilder("the configurations ran on engines that draw differently (");
            String sep = "";
            for (var e : families.entrySet()) {
                sb.append(sep).append(e.getKey()).append(": ").append(String.join(", ", e.getValue()));
                sep = "; ";
            }
            warnings.add(sb.append("): runs of different draw families do not share their random draws, so comparisons "
                    + "across them are not paired; set training.engine to one engine (or dense and span) to pair them")
                    .toString());
        }
        List<Configuration> configs = exp.configurations();
        if (configs.size() < 2) {
            return new PairedComparisons(null, List.of(), Map.of(), warnings);
        }
        Configuration ref = configs.get(0);
        Map<Integer, RunRecord> refRuns = byRepetition(ref);
        List<Row> rows = new ArrayList<>();
        Map<String, String> unpaired = new LinkedHashMap<>();
        for (Configuration c : configs.subList(1, configs.size())) {
            List<Double> noisy = new ArrayList<>();
            List<Double> clean = new ArrayList<>();
            TreeSet<String> differ = new TreeSet<>();
            boolean unknown = false;
            for (RunRecord r : c.completedRuns()) {
                RunRecord base = refRuns.get(r.repetition());
                if (base == null) {
                    continue;
                }
                Draws a = draws.get(base.key());
                Draws b = draws.get(r.key());
                if (a == null || b == null) {
                    unknown = true;
                    continue;
                }
                if (!a.seeds().equals(b.seeds())) {
                    for (String stream : new TreeSet<>(a.seeds().keySet())) {
                        if (!a.seeds().get(stream).equals(b.seeds().get(stream))) {
                            differ.add(stream);
                        }
                    }
                    continue;
                }
                add(noisy, r, base, MetricNames.TEST_ERROR);
                add(clean, r, base, MetricNames.TEST_ERROR_CLEAN);
            }
            if (!differ.isEmpty()) {
                unpaired.put(c.id(), "its draws differ from " + ref.id() + "'s in the stream" + (differ.size() > 1 ? "s " : " ")
                        + String.join(", ", differ));
            } else if (noisy.isEmpty() && clean.isEmpty()) {
                unpaired.put(c.id(), unknown ? "provenance.json records no stream seeds"
                        : "no repetition completed by both it and " + ref.id());
            } else {
                double[] dn = Stats.values(noisy);
                double[] dc = Stats.values(clean);
                rows.add(new Row(c, Math.max(dn.length, dc.length), dn.length == 0 ? null : Stats.mean(dn),
                        Stats.tInterval(dn), dc.length == 0 ? null : Stats.mean(dc), Stats.tInterval(dc)));
            }
        }
        return new PairedComparisons(ref, rows, unpaired, warnings);
    }

    private static Configuration configurationOf(Experiment exp, String configKey) {
        for (Configuration c : exp.configurations()) {
            if (c.configKey().equals(configKey)) {
                return c;
            }
        }
        throw new IllegalStateException("no configuration " + configKey);
    }

    private static Map<Integer, RunRecord> byRepetition(Configuration c) {
        Map<Integer, RunRecord> out = new LinkedHashMap<>();
        for (RunRecord r : c.completedRuns()) {
            out.putIfAbsent(r.repetition(), r);
        }
        return out;
    }

    private static void add(List<Double> out, RunRecord r, RunRecord base, String metric) {
        Double a = r.summary().metric(metric);
        Double b = base.summary().metric(metric);
        if (a != null && b != null && Double.isFinite(a) && Double.isFinite(b)) {
            out.add(a - b);
        }
    }

    private static Draws read(Path provenance) {
        if (!Files.isRegularFile(provenance)) {
            return null;
        }
        JsonNode p;
        try {
            p = JSON.readTree(provenance.toFile());
        } catch (IOException e) {
            return null;
        }
        JsonNode s = p == null ? null : p.get("stream_seeds");
        if (s == null || !s.isObject() || s.isEmpty()) {
            return null;
        }
        Map<String, String> seeds = new TreeMap<>();
        s.fields().forEachRemaining(e -> seeds.put(e.getKey(), e.getValue().asText()));
        JsonNode f = p.get("draw_family");
        return new Draws(seeds, f == null || !f.isTextual() ? null : f.asText());
    }

    /** The paired rows, in manifest order. */
    List<Row> rows() {
        return rows;
    }

    /** Configuration id to why it is not paired with the reference. */
    Map<String, String> unpaired() {
        return unpaired;
    }

    /** Notes for the report's warnings (draw families mixed in one experiment). */
    List<String> warnings() {
        return warnings;
    }

    /**
     * Adds the "Paired comparisons" section when at least one configuration shares the reference's draws; nothing
     * otherwise.
     */
    void addTo(Doc doc, List<String> sweepPaths) {
        if (rows.isEmpty()) {
            return;
        }
        doc.heading(2, "Paired comparisons");
        doc.paragraph(Span.text("These configurations share their random draws with the reference " + reference.id()
                + (sweepPaths.isEmpty() ? "" : " (" + reference.sweptLabel(sweepPaths) + ")") + " repetition by "
                + "repetition (the same stream seeds in provenance.json: the same data, label-noise uniforms, "
                + "initialisation, signs and test points before scaling, or their extension where n, the test size "
                + "or the width is larger; common random numbers), so the comparison is paired: each cell is the "
                + "mean over "
                + "repetitions of the difference of the final test error, configuration minus reference, with the "
                + "95% Student t interval of the per-repetition differences in parentheses. An interval that excludes "
                + "0 says the configuration changes the test error on these draws."));
        List<String> header = new ArrayList<>(List.of("#"));
        for (String path : sweepPaths) {
            header.add(Labels.symbol(path));
        }
        header.addAll(List.of("pairs", "Δ test error (95% CI)", "Δ clean test error (95% CI)"));
        boolean[] right = new boolean[header.size()];
        for (int i = 1 + sweepPaths.size(); i < right.length; i++) {
            right[i] = true;
        }
        List<List<String>> table = new ArrayList<>();
        for (Row r : rows) {
            List<String> row = new ArrayList<>(List.of(r.config().id()));
            for (String path : sweepPaths) {
                SweptValue v = r.config().swept().get(path);
                row.add(v == null ? "–" : v.display());
            }
            row.add(Integer.toString(r.pairs()));
            row.add(difference(r.noisyMean(), r.noisy()));
            row.add(difference(r.cleanMean(), r.clean()));
            table.add(row);
        }
        doc.add(new Doc.Table(header, right, table));
        if (!unpaired.isEmpty()) {
            List<String> notes = new ArrayList<>();
            unpaired.forEach((id, why) -> notes.add(id + ": " + why));
            doc.paragraph("Not paired with " + reference.id() + " (left out above): " + String.join("; ", notes) + ".");
        }
    }

    /** "+0.0120 (−0.0030 to +0.0270)"; "–" without a value; no interval below two pairs. */
    static String difference(Double mean, Stats.Interval ci) {
        if (mean == null) {
            return "–";
        }
        String s = String.format(Locale.ROOT, "%+.4f", mean);
        if (ci != null) {
            s += String.format(Locale.ROOT, " (%+.4f to %+.4f)", ci.low(), ci.high());
        }
        return s;
    }
}
