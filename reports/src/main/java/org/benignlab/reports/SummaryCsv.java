package org.benignlab.reports;

import java.util.ArrayList;
import java.util.List;
import org.benignlab.api.MetricNames;
import org.benignlab.api.results.RunSchema;

/**
 * summary.csv: one row per configuration in manifest order (RFC 4180 quoting, "\n" line ends, empty
 * cell for a missing value). Columns: config_key, each swept path, n, p, m, mu, eta, runs, completed,
 * diverged, failed, interpolated, then for each metric of {@link MetricNames#ALL} and each diagnostic of
 * {@link MetricNames#DIAGNOSTICS} that some configuration recorded
 * {@code <metric>_mean, <metric>_sd, <metric>_ci95_low, <metric>_ci95_high, <metric>_ci95_method} (which
 * interval: {@link ConfigStats.IntervalKind#key()}, empty for none), then verdict ("undetermined (k repetitions)"
 * below the repetitions a verdict needs), verdict_margin, verdict_min_repetitions and verdict_tost_p (the
 * equivalence test's p-value, empty when there is no verdict against η), then the theory columns from the plugins'
 * declarations: signal (n‖μ‖⁴/(σ⁴p), σ² the clusters' declared coordinate variance), bound (Theorem 3.1's
 * η + 2exp(−signal/C)), bayes_error (η + (1 − 2η)Φ(−‖μ‖/σ), only where exact) and theory_note (why a theory cell
 * is empty).
 */
final class SummaryCsv {
    private SummaryCsv() {
    }

    /** {@link MetricNames#ALL}, then the diagnostics that some configuration recorded, in their order. */
    static List<String> metrics(List<ConfigStats> stats) {
        List<String> out = new ArrayList<>(MetricNames.ALL);
        for (String m : MetricNames.DIAGNOSTICS) {
            if (stats.stream().anyMatch(s -> s.metrics().containsKey(m))) {
                out.add(m);
            }
        }
        return out;
    }

    static List<String> header(Experiment exp, List<ConfigStats> stats) {
        List<String> h = new ArrayList<>();
        h.add("config_key");
        h.addAll(exp.sweepPaths());
        h.addAll(List.of(RunSchema.N, RunSchema.P, RunSchema.M, RunSchema.MU, RunSchema.ETA));
        h.addAll(List.of("runs", "completed", "diverged", "failed", "interpolated"));
        for (String m : metrics(stats)) {
            h.addAll(List.of(m + "_mean", m + "_sd", m + "_ci95_low", m + "_ci95_high", m + "_ci95_method"));
        }
        h.addAll(List.of("verdict", "verdict_margin", "verdict_min_repetitions", "verdict_tost_p"));
        h.addAll(List.of("signal", "bound", "bayes_error", "theory_note"));
        return h;
    }

    static String render(Experiment exp, List<ConfigStats> stats) {
        return render(exp, stats, 1.0);
    }

    /** @param boundC the constant C of Theorem 3.1's bound */
    static String render(Experiment exp, List<ConfigStats> stats, double boundC) {
        StringBuilder sb = new StringBuilder();
        row(sb, header(exp, stats));
        for (ConfigStats s : stats) {
            Configuration c = s.config();
            List<String> r = new ArrayList<>();
            r.add(c.configKey());
            for (String path : exp.sweepPaths()) {
                SweptValue v = c.swept().get(path);
                r.add(v == null ? "" : v.csv());
            }
            r.add(Formats.csv(c.n()));
            r.add(Formats.csv(c.p()));
            r.add(Formats.csv(c.m()));
            r.add(Formats.csv(c.mu()));
            r.add(Formats.csv(c.eta()));
            r.add(Integer.toString(s.runs()));
            r.add(Integer.toString(s.completed()));
            r.add(Integer.toString(s.diverged()));
            r.add(Integer.toString(s.failed()));
            r.add(Formats.csv(s.interpolated()));
            for (String m : metrics(stats)) {
                ConfigStats.MetricStat st = s.metrics().getOrDefault(m, ConfigStats.MetricStat.NONE);
                r.add(Formats.csv(st.mean()));
                r.add(Formats.csv(st.sd()));
                r.add(Formats.csv(st.low()));
                r.add(Formats.csv(st.high()));
                r.add(st.kind().key());
            }
            r.add(s.verdictText());
            r.add(Formats.csv(s.margin()));
            r.add(Integer.toString(s.minRepetitions()));
            r.add(Formats.csv(s.tostP()));
            theory(r, c, boundC);
            row(sb, r);
        }
        return sb.toString();
    }

    /** signal, bound, bayes_error, theory_note of one configuration. */
    private static void theory(List<String> r, Configuration c, double boundC) {
        List<String> notes = new ArrayList<>();
        boolean known = c.n() != null && c.p() != null && c.mu() != null && c.eta() != null;
        String boundNote = known ? Theory.boundNote(c) : "n, p, ‖μ‖ or η not recorded";
        Double variance = c.declared().coordinateVariance();
        if (known && variance != null) {
            r.add(Formats.csv(Theory.signal(c.n(), c.p(), c.mu(), variance)));
        } else {
            r.add("");
        }
        if (boundNote.isEmpty()) {
            r.add(Formats.csv(Theory.bound(c.eta(), c.n(), c.p(), c.mu(), boundC, variance)));
        } else {
            r.add("");
            notes.add("bound n/a: " + boundNote);
        }
        String bayesNote = known ? Theory.bayesNote(c) : "‖μ‖ or η not recorded";
        if (bayesNote.isEmpty()) {
            r.add(Formats.csv(Theory.bayesError(c)));
        } else {
            r.add("");
            notes.add("Bayes error n/a: " + bayesNote);
        }
        r.add(String.join("; ", notes));
    }

    private static void row(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(org.benignlab.api.CsvCells.cell(cells.get(i)));
        }
        sb.append('\n');
    }
}
