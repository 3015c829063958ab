package org.benignlab.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.benignlab.api.MetricNames;
import org.benignlab.api.RunStatus;

/**
 * One row of summary.csv: a configuration's run counts, the statistics of each final metric over its
 * completed repetitions, and its {@link Verdict}.
 *
 * @param config       the configuration
 * @param runs         finished runs (completed + diverged + failed)
 * @param completed    completed runs
 * @param diverged     diverged runs
 * @param failed       failed runs
 * @param unfinished   runs of the manifest without summary.json
 * @param interpolated fraction of completed runs with train error exactly 0 (null without completed runs)
 * @param metrics      per metric of {@link MetricNames#ALL}, in that order
 * @param tolerance    tol of the verdict rule
 * @param verdict      the verdict
 * @param notes        why an interval is missing, for the warnings (may be empty)
 */
record ConfigStats(Configuration config, int runs, int completed, int diverged, int failed, int unfinished,
        Double interpolated, Map<String, MetricStat> metrics, double tolerance, Verdict verdict, List<String> notes) {

    /** The error-rate metrics: intervals are Wilson score intervals of pooled counts. */
    static final Set<String> RATES = Set.of(MetricNames.TRAIN_ERROR, MetricNames.TRAIN_ERROR_CLEAN,
            MetricNames.TRAIN_ERROR_NOISY, MetricNames.TEST_ERROR, MetricNames.TEST_ERROR_CLEAN);

    /**
     * Statistics of one final metric over the completed repetitions that recorded a finite value.
     *
     * @param count  how many values
     * @param mean   their mean (null for none)
     * @param sd     sample standard deviation (null for fewer than two)
     * @param low    95% interval, low end (null when there is none)
     * @param high   95% interval, high end
     * @param errors pooled error count (rates only, else null)
     * @param trials pooled trials (rates only, else null)
     */
    record MetricStat(int count, Double mean, Double sd, Double low, Double high, Long errors, Long trials) {
        Double halfWidth() {
            return low == null ? null : (high - low) / 2;
        }
    }

    static ConfigStats of(Configuration c, double tolerance) {
        int completed = 0;
        int diverged = 0;
        int failed = 0;
        int unfinished = 0;
        for (RunRecord r : c.runs()) {
            if (!r.finished()) {
                unfinished++;
            } else if (r.summary().status() == RunStatus.COMPLETED) {
                completed++;
            } else if (r.summary().status() == RunStatus.DIVERGED) {
                diverged++;
            } else {
                failed++;
            }
        }
        List<RunRecord> done = c.completedRuns();
        List<String> notes = new ArrayList<>();
        Map<String, MetricStat> metrics = new LinkedHashMap<>();
        for (String metric : MetricNames.ALL) {
            metrics.put(metric, stat(c, done, metric, notes));
        }
        Double interpolated = null;
        boolean allZero = !done.isEmpty();
        if (!done.isEmpty()) {
            int zero = 0;
            for (RunRecord r : done) {
                Double e = r.summary().metric(MetricNames.TRAIN_ERROR);
                if (e != null && e == 0.0) {
                    zero++;
                } else {
                    allZero = false;
                }
            }
            interpolated = zero / (double) done.size();
        }
        MetricStat test = metrics.get(MetricNames.TEST_ERROR);
        double tol = tolerance;
        if (test.halfWidth() != null) {
            tol = Math.max(tol, test.halfWidth());
        }
        Verdict verdict;
        if (c.runs().size() == unfinished) {
            verdict = Verdict.UNFINISHED;
        } else if (done.isEmpty()) {
            verdict = diverged > 0 ? Verdict.DIVERGED : Verdict.FAILED;
        } else if (!allZero) {
            verdict = Verdict.NOT_INTERPOLATING;
        } else if (test.mean() == null || c.eta() == null) {
            verdict = Verdict.UNDETERMINED;
        } else if (test.mean() <= c.eta() + tol) {
            verdict = Verdict.BENIGN;
        } else if (test.mean() >= 0.5 - tol) {
            verdict = Verdict.CATASTROPHIC;
        } else {
            verdict = Verdict.TEMPERED;
        }
        return new ConfigStats(c, completed + diverged + failed, completed, diverged, failed, unfinished, interpolated,
                Collections.unmodifiableMap(metrics), tol, verdict, List.copyOf(notes));
    }

    private static MetricStat stat(Configuration c, List<RunRecord> done, String metric, List<String> notes) {
        List<Double> values = new ArrayList<>();
        long errors = 0;
        long trials = 0;
        boolean countsKnown = true;
        for (RunRecord r : done) {
            Double v = r.summary().metric(metric);
            if (v == null || !Double.isFinite(v)) {
                continue;
            }
            values.add(v);
            if (RATES.contains(metric)) {
                Double t = trials(r, metric);
                if (t == null || t < 0 || t != Math.rint(t)) {
                    countsKnown = false;
                } else {
                    long k = Math.round(v * t);
                    errors += Math.max(0, Math.min(k, t.longValue()));
                    trials += t.longValue();
                }
            }
        }
        if (values.isEmpty()) {
            return new MetricStat(0, null, null, null, null, null, null);
        }
        double[] xs = values.stream().mapToDouble(Double::doubleValue).toArray();
        Double mean = Stats.mean(xs);
        Double sd = Stats.sampleSd(xs);
        Stats.Interval ci;
        Long e = null;
        Long n = null;
        if (RATES.contains(metric)) {
            if (countsKnown) {
                e = errors;
                n = trials;
                ci = Stats.wilson(errors, trials);
            } else {
                ci = null;
                notes.add(c.id() + ": no 95% interval for " + metric + " (the number of "
                        + (metric.startsWith("test") ? "test points n_test" : "training points") + " is not recorded)");
            }
        } else {
            ci = Stats.tInterval(xs);
        }
        return new MetricStat(xs.length, mean, sd, ci == null ? null : ci.low(), ci == null ? null : ci.high(), e, n);
    }

    /**
     * The number of trials behind one run's error rate: n_test for test errors; for train errors n,
     * n − noisy_count (clean points) or noisy_count (noisy points), with n when noisy_count is absent.
     */
    static Double trials(RunRecord r, String metric) {
        if (metric.equals(MetricNames.TEST_ERROR) || metric.equals(MetricNames.TEST_ERROR_CLEAN)) {
            Double t = r.summary().nTest();
            return t != null ? t : ResultsReader.runParameter(r, "n_test", "data.test");
        }
        Double n = ResultsReader.runParameter(r, "n", "data.n");
        Double noisy = r.summary().noisyCount();
        if (n == null || noisy == null || metric.equals(MetricNames.TRAIN_ERROR)) {
            return n;
        }
        return metric.equals(MetricNames.TRAIN_ERROR_CLEAN) ? n - noisy : noisy;
    }
}
