package org.benignlab.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.benignlab.api.results.RunSchema;

/**
 * What the claims read from one run: its parameters (a missing one is null, and the claim says "n/a"
 * with the reason, never guesses), configured values, trajectories, and the largest C of A1-A5.
 */
final class ClaimRuns {
    private ClaimRuns() {
    }

    /** The run's parameter, from summary.json {@code parameters}, else its resolved configuration; null if neither. */
    /** A named parameter ({@link RunSchema#PARAMETER_PATHS}): the recorded value, else the configuration's. */
    static Double param(RunRecord r, String name) {
        return ResultsReader.runParameter(r, name, RunSchema.PARAMETER_PATHS.get(name));
    }

    static Double n(RunRecord r) {
        return param(r, RunSchema.N);
    }

    static Double p(RunRecord r) {
        return param(r, RunSchema.P);
    }

    static Double mu(RunRecord r) {
        return param(r, RunSchema.MU);
    }

    static Double eta(RunRecord r) {
        return param(r, RunSchema.ETA);
    }

    /**
     * The activation's leaky slope γ as the activation declared it (summary.json {@code declared.activation.gamma});
     * for result files without declarations, the recorded γ parameter.
     */
    static Double gamma(RunRecord r) {
        Double declared = r.finished() ? r.summary().declared().gamma() : null;
        return declared != null ? declared : param(r, RunSchema.GAMMA);
    }

    /** The activation's smoothness H as declared ({@code declared.activation.H}), else the recorded H parameter. */
    static Double smoothness(RunRecord r) {
        Double declared = r.finished() ? r.summary().declared().h() : null;
        return declared != null ? declared : param(r, RunSchema.H);
    }

    static Double step(RunRecord r) {
        return param(r, RunSchema.STEP);
    }

    /** A number of the resolved configuration at a dotted path, or null. */
    static Double config(RunRecord r, String path) {
        JsonNode v = ResultsReader.at(r.config(), path);
        return v != null && v.isNumber() ? v.asDouble() : null;
    }

    /** Test points behind the run's test errors: summary.json {@code n_test}, else {@code data.test}; null if neither. */
    static Double testPoints(RunRecord r) {
        Double t = r.summary().nTest();
        return t != null ? t : config(r, "data.test");
    }

    /** The run's trajectory of a metric (empty when it has no metrics file or did not record it). */
    static List<MetricsTable.Point> series(RunRecord r, String metric) throws IOException {
        return r.metricsFile() == null ? List.of() : MetricsTable.read(r.metricsFile()).series(metric);
    }

    /** A final metric of the run, or null (absent or NaN). */
    static Double metric(RunRecord r, String metric) {
        Double v = r.summary().metric(metric);
        return v == null || v.isNaN() ? null : v;
    }

    /**
     * The largest C for which A1-A5 all hold (δ = {@link ClaimStats#DELTA}) and the assumption that sets it.
     *
     * @param c  the largest C (NaN when a value the assumptions need is unknown)
     * @param by the assumption that sets it (A6 has no C), or the reason it is unknown
     * @param withoutA5 the largest C for which A1-A4 hold (A5, the step size, is the one experiments
     *                  usually break, by a factor of order p, without harm)
     */
    record LargestC(double c, String by, double withoutA5) {
        /** "1e-8 (set by A5)", said beside a C_min, with a flag when C_min is above it. */
        String against(double cMin) {
            return Double.isNaN(c) ? "largest C of A1-A5: n/a (" + by + ")"
                    : "largest C of A1-A5 over these runs: " + Formats.human(c) + " (set by " + by + "; of A1-A4: "
                    + Formats.human(withoutA5) + ")"
                    + (cMin > c ? "; C_min is above it: flagged (the theorem uses one C for both)" : "");
        }
    }

    static LargestC largestC(RunRecord r) {
        Double n = n(r);
        Double p = p(r);
        Double m = param(r, RunSchema.M);
        Double mu = mu(r);
        Double eta = eta(r);
        Double alpha = step(r);
        Double h = smoothness(r);
        Double omega = config(r, "network.init");
        if (n == null || p == null || m == null || mu == null || eta == null) {
            return new LargestC(Double.NaN, "n, p, m, ‖μ‖ or η unknown", Double.NaN);
        }
        List<Assumptions.Check> checks = Assumptions.check(new Assumptions.Inputs(n, p, m, mu, eta,
                alpha == null ? Double.NaN : alpha, h == null ? Double.NaN : h, omega == null ? Double.NaN : omega),
                1, ClaimStats.DELTA);
        double c = Double.POSITIVE_INFINITY;
        String by = "none";
        double withoutA5 = Double.POSITIVE_INFINITY;
        for (Assumptions.Check k : checks) {
            if (!k.id().equals("A6")) {
                if (Double.isNaN(k.largestC())) {
                    return new LargestC(Double.NaN, k.id() + ": " + (k.note().isEmpty() ? "unknown" : k.note()),
                            Double.NaN);
                }
                if (k.largestC() < c) {
                    c = k.largestC();
                    by = k.id();
                }
                if (!k.id().equals("A5")) {
                    withoutA5 = Math.min(withoutA5, k.largestC());
                }
            }
        }
        return new LargestC(c, by, withoutA5);
    }

    /** The smallest largest-C over the runs (the C every run allows). */
    static LargestC largestC(List<RunRecord> runs) {
        LargestC out = new LargestC(Double.NaN, "no run", Double.NaN);
        for (RunRecord r : runs) {
            LargestC c = largestC(r);
            if (Double.isNaN(c.c())) {
                return c;
            }
            if (Double.isNaN(out.c()) || c.c() < out.c()) {
                out = new LargestC(c.c(), c.by(), Double.isNaN(out.withoutA5()) ? c.withoutA5()
                        : Math.min(out.withoutA5(), c.withoutA5()));
            } else {
                out = new LargestC(out.c(), out.by(), Math.min(out.withoutA5(), c.withoutA5()));
            }
        }
        return out;
    }

    /** Every completed run of an experiment, in manifest order. */
    static List<RunRecord> completed(Experiment e) {
        return e.runs().stream().filter(RunRecord::completed).toList();
    }
}
