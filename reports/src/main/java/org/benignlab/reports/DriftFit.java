package org.benignlab.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * "There is a constant C" made falsifiable: each run gives the smallest C its measurement allows; within
 * each repetition, log C is regressed on the logarithms of the swept axes, and across repetitions each
 * slope must lie within a stated tolerance of 0 (no drift; two one-sided t tests, Holm over the axes).
 * C_min is the largest, over configurations, of the 95% upper confidence bound of C across repetitions.
 */
final class DriftFit {
    private DriftFit() {
    }

    /**
     * One run's constant.
     *
     * @param run the run
     * @param x   the logarithms of its values on the axes
     * @param c   the smallest constant its measurement allows (+∞ when none does)
     */
    record Point(RunRecord run, double[] x, double c) {
    }

    /**
     * The fit.
     *
     * @param band        the per-repetition slopes of log C on the axes and their band tests
     * @param repetitions the repetitions behind the band, in its order
     * @param cMin        the largest upper confidence bound of C over configurations (+∞ when some run has none)
     * @param where       the configuration that sets C_min, as "n=.., p=.., ‖μ‖=.."
     * @param skipped     repetitions without enough finite points for a fit
     * @param covariates  the slopes of the axes not tested for drift (shown, not tested)
     */
    record Result(ClaimStats.Band band, List<Integer> repetitions, double cMin, String where, int skipped,
                  ClaimStats.Band covariates) {
        /** Whether repetition index {@code i} of the band (not the repetition number) lies inside. */
        boolean inside(int i) {
            return band.repetitionInside(i);
        }
    }

    /** Fits with every axis tested for drift. */
    static Result fit(List<Point> points, List<String> axes, double tau) {
        return fit(points, axes, axes.size(), tau);
    }

    /**
     * Fits log C on all axes within each repetition; only the first {@code tested} axes are tested for
     * drift, the others are covariates whose slopes are reported ({@link Result#covariates}).
     */
    static Result fit(List<Point> points, List<String> axes, int tested, double tau) {
        Map<Integer, List<Point>> byRep = new TreeMap<>();
        Map<String, List<Point>> byConfig = new LinkedHashMap<>();
        for (Point p : points) {
            byRep.computeIfAbsent(p.run().repetition(), k -> new ArrayList<>()).add(p);
            byConfig.computeIfAbsent(p.run().configKey(), k -> new ArrayList<>()).add(p);
        }
        List<double[]> slopes = new ArrayList<>();
        List<Integer> reps = new ArrayList<>();
        int skipped = 0;
        for (Map.Entry<Integer, List<Point>> e : byRep.entrySet()) {
            List<Point> finite = e.getValue().stream().filter(p -> Double.isFinite(p.c()) && p.c() > 0).toList();
            double[][] x = new double[finite.size()][];
            double[] y = new double[finite.size()];
            for (int i = 0; i < finite.size(); i++) {
                x[i] = finite.get(i).x();
                y[i] = Math.log(finite.get(i).c());
            }
            double[] s = finite.isEmpty() ? null : ClaimStats.slopes(x, y);
            if (s == null) {
                skipped++;
            } else {
                slopes.add(s);
                reps.add(e.getKey());
            }
        }
        double cMin = 0;
        String where = "";
        for (List<Point> c : byConfig.values()) {
            double[] values = c.stream().mapToDouble(Point::c).toArray();
            double ub = ClaimStats.upperBound(values);
            if (Double.isNaN(ub)) {
                ub = java.util.Arrays.stream(values).max().orElse(Double.NaN);
            }
            if (ub > cMin) {
                cMin = ub;
                RunRecord r = c.get(0).run();
                where = "n=" + Formats.human(ClaimRuns.n(r)) + ", p=" + Formats.human(ClaimRuns.p(r)) + ", ‖μ‖="
                        + Formats.human(ClaimRuns.mu(r));
            }
        }
        List<double[]> head = slopes.stream().map(s -> java.util.Arrays.copyOf(s, tested)).toList();
        List<double[]> tail = slopes.stream().map(s -> java.util.Arrays.copyOfRange(s, tested, s.length)).toList();
        List<String> rest = axes.subList(tested, axes.size());
        return new Result(ClaimStats.Band.of(axes.subList(0, tested), new double[tested], head, tau), reps, cMin, where,
                skipped, ClaimStats.Band.of(rest, new double[rest.size()], tail, 0));
    }
}
