package org.benignlab.experiments.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterProperties;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.results.RunSchema;
import org.benignlab.experiments.run.RunPlan;
import org.benignlab.experiments.run.SweepPlanner;
import org.benignlab.experiments.spec.ExperimentSpec;
import org.benignlab.reports.Assumptions;
import org.benignlab.reports.Theory;

/**
 * The paper's assumptions A1-A6 for each configuration of an experiment, with the quantities that
 * say where a configuration sits relative to Theorem 3.1: its bound, the Bayes error (where it is exact),
 * n‖μ‖⁴/(σ⁴p) and ‖μ‖/(σ p^(1/4)) (Jin's threshold). Every cluster quantity comes from the plugin's declared
 * {@link ClusterProperties}, not from its YAML name: A1-A6 use the sub-Gaussian norm K, the signal-to-noise
 * columns and the bound the coordinate variance σ², the bound needs λ &gt; 0.
 */
final class AssumptionTable {
    private AssumptionTable() {
    }

    /** One configuration's numbers and checks. */
    record Row(RunPlan plan, Assumptions.Inputs inputs, List<Assumptions.Check> checks, String bayesNote) {
        /** The assumptions that fail (not those that cannot be evaluated, e.g. without ‖μ‖). */
        List<String> failing() {
            return checks.stream().filter(c -> !c.holds() && c.note().isEmpty()).map(Assumptions.Check::id).toList();
        }
    }

    static List<Row> rows(SweepPlanner.Planned planned, double c, double delta) {
        Map<String, RunPlan> configs = new LinkedHashMap<>();
        for (RunPlan r : planned.runs()) {
            configs.putIfAbsent(r.configKey(), r);
        }
        List<Row> rows = new ArrayList<>();
        for (RunPlan r : configs.values()) {
            Assumptions.Inputs in = inputs(r);
            rows.add(new Row(r, in, Assumptions.check(in, c, delta), bayesNote(r)));
        }
        return rows;
    }

    static Assumptions.Inputs inputs(RunPlan r) {
        ExperimentSpec s = r.spec();
        org.benignlab.api.RunContext context = org.benignlab.experiments.run.ExperimentModule.contextOf(s, r.parameters());
        double eta = s.data().noise().create(LabelNoise.class, context).rate();
        Double mu = s.data().mu();
        java.util.OptionalDouble h = s.network().activation().create(org.benignlab.api.Activation.class, context)
                .smoothness();
        ClusterProperties cp = s.data().cluster().create(ClusterDistribution.class, context).properties();
        return new Assumptions.Inputs(s.data().n(), s.data().p(), s.network().width(), mu == null ? Double.NaN : mu, eta,
                r.parameters().getOrDefault(RunSchema.STEP, Double.NaN), h.isPresent() ? h.getAsDouble() : Double.NaN,
                s.network().init(), cp.subGaussianNorm(), cp.coordinateVariance(), cp.strongLogConcavity());
    }

    /**
     * Why the Bayes error η + (1 − 2η)Φ(−‖μ‖/σ) is not the Bayes error of this configuration, or the empty string
     * when it is: clusters declared isotropic Gaussian (N(0, I_p)) and no label noise or independent random flips.
     */
    static String bayesNote(RunPlan r) {
        ExperimentSpec s = r.spec();
        ClusterProperties cp = s.data().cluster().create(ClusterDistribution.class).properties();
        if (!cp.isotropicGaussian()) {
            return "the cluster is not declared isotropic Gaussian";
        }
        String noise = s.data().noise().type();
        if (!BAYES_NOISE.contains(noise)) {
            return "label noise '" + noise + "' is not independent random flips";
        }
        return Double.isNaN(s.data().mu() == null ? Double.NaN : s.data().mu()) ? "‖μ‖ unknown" : "";
    }

    /** Label-noise models under which η + (1 − 2η)Φ(−‖μ‖/σ) is the Bayes error: none, independent flips. */
    static final java.util.Set<String> BAYES_NOISE = java.util.Set.of("none", "random-flip");

    /** One line for {@code benign run}, or null when every assumption holds everywhere. */
    static String warning(SweepPlanner.Planned planned, String file, double c, double delta) {
        List<Row> rows = rows(planned, c, delta);
        Map<String, Integer> failing = new LinkedHashMap<>();
        for (Row row : rows) {
            for (String id : row.failing()) {
                failing.merge(id, 1, Integer::sum);
            }
        }
        if (failing.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        failing.forEach((id, k) -> parts.add(rows.size() == 1 ? id : id + " in " + k + "/" + rows.size()));
        return String.format(Locale.ROOT, "note: outside the paper's assumptions at C = %s, δ = %s: %s fail%s "
                        + "(an experiment, not an error; details: ./benign check %s)", Assumptions.show(c),
                Assumptions.show(delta), String.join(", ", parts), failing.size() == 1 ? "s" : "", file);
    }

    static void print(PrintWriter w, SweepPlanner.Planned planned, double c, double delta, double boundC) {
        List<Row> rows = rows(planned, c, delta);
        List<String> paths = planned.sweep().paths();
        List<String> header = new ArrayList<>(List.of("#"));
        header.addAll(paths);
        header.addAll(List.of("A1", "A2", "A3", "A4", "A5", "A6", "bound", "Bayes", "n‖μ‖⁴/(σ⁴p)", "‖μ‖/(σp^¼)"));
        List<List<String>> cells = new ArrayList<>();
        int i = 0;
        for (Row row : rows) {
            List<String> line = new ArrayList<>(List.of(String.valueOf(++i)));
            for (String p : paths) {
                Object v = row.plan().swept().get(p);
                line.add(v instanceof Double d ? Assumptions.show(d) : String.valueOf(v));
            }
            for (Assumptions.Check ch : row.checks()) {
                String mark = !ch.note().isEmpty() ? "n/a" : ch.holds() ? "ok" : "NO";
                line.add(ch.id().equals("A6") || Double.isNaN(ch.largestC()) ? mark : mark + " " + Assumptions.show(ch.largestC()));
            }
            Assumptions.Inputs in = row.inputs();
            line.add(Assumptions.show(Math.min(1, Assumptions.bound(in, boundC))));
            line.add(row.bayesNote().isEmpty()
                    ? Assumptions.show(Theory.bayesError(in.eta(), in.mu(), in.coordinateVariance())) : "n/a");
            line.add(Assumptions.show(Assumptions.signal(in)));
            line.add(Assumptions.show(Assumptions.jinRatio(in)));
            cells.add(line);
        }
        int[] width = new int[header.size()];
        for (int k = 0; k < header.size(); k++) {
            width[k] = header.get(k).length();
            for (List<String> line : cells) {
                width[k] = Math.max(width[k], line.get(k).length());
            }
        }
        w.printf(Locale.ROOT, "Assumptions of Theorem 3.1 (Frei, Chatterji, Bartlett 2022) at C = %s, δ = %s for "
                + "experiment %s (%d configuration%s)%n", Assumptions.show(c), Assumptions.show(delta), planned.name(),
                rows.size(), rows.size() == 1 ? "" : "s");
        w.println(line(header, width));
        for (List<String> line : cells) {
            w.println(line(line, width));
        }
        w.println();
        List<Assumptions.Check> first = rows.get(0).checks();
        for (Assumptions.Check ch : first) {
            w.printf(Locale.ROOT, "  %s  %s%n", ch.id(), ch.statement());
        }
        w.printf(Locale.ROOT, "  ok/NO: holds at C = %s and δ = %s; the number after it is the largest C for which it "
                + "holds (A4: a supremum; A6 has no C)%n", Assumptions.show(c), Assumptions.show(delta));
        w.printf(Locale.ROOT, "  A1-A6 in units of the cluster's sub-Gaussian norm K (the data divided by K: ‖μ‖/K, α K², "
                + "ω K; K = 1 is the paper's case); the last two columns and the bound use its coordinate variance σ² "
                + "(K and σ² differ: uniform coordinates of variance 1 have K = 1, Laplace ones no K)%n");
        w.printf(Locale.ROOT, "  bound: η + 2 exp(-n‖μ‖⁴/(C σ⁴ p)) with C = %s (capped at 1); Bayes: η + (1-2η)Φ(-‖μ‖/σ), "
                + "exact for isotropic Gaussian clusters with no noise or random flips only; n‖μ‖⁴/(σ⁴p) large: the "
                + "bound is near η; ‖μ‖/(σp^¼) -> 0: no classifier learns (Jin's threshold)%n", Assumptions.show(boundC));
        java.util.Set<String> notes = new java.util.LinkedHashSet<>();
        for (Row row : rows) {
            for (Assumptions.Check ch : row.checks()) {
                if (!ch.note().isEmpty()) {
                    notes.add(ch.id() + " n/a: " + ch.note());
                }
            }
            String b = Assumptions.boundNote(row.inputs());
            if (!b.isEmpty()) {
                notes.add("bound n/a: " + b);
            }
            if (Double.isNaN(row.inputs().coordinateVariance())) {
                notes.add("n‖μ‖⁴/(σ⁴p), ‖μ‖/(σp^¼) n/a: the cluster declares no coordinate variance σ²");
            }
            if (!row.bayesNote().isEmpty()) {
                notes.add("Bayes n/a: " + row.bayesNote());
            }
        }
        for (String note : notes) {
            w.printf(Locale.ROOT, "  %s%n", note);
        }
        w.flush();
    }

    private static String line(List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < cells.size(); k++) {
            sb.append(k == 0 ? "" : "  ").append(cells.get(k)).append(" ".repeat(width[k] - cells.get(k).length()));
        }
        return sb.toString().stripTrailing();
    }
}
