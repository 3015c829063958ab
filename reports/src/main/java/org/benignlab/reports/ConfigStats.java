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
 * <p>The repetitions are the independent units: every interval is computed from the per-repetition values
 * (each already carries its own test-sample noise), never from test points pooled over repetitions. See
 * {@link IntervalKind} for the interval of each case.
 *
 * @param config       the configuration
 * @param runs         finished runs (completed + diverged + failed)
 * @param completed    completed runs
 * @param diverged     diverged runs
 * @param failed       failed runs
 * @param unfinished   runs of the manifest without summary.json
 * @param interpolated fraction of completed runs with train error exactly 0 (null without completed runs)
 * @param metrics      per metric of {@link MetricNames#ALL}, in that order, then each of
 *                     {@link MetricNames#DIAGNOSTICS} that some completed repetition recorded
 * @param margin       the verdict's fixed equivalence margin around η
 * @param minRepetitions the fewest completed repetitions with a test error that a verdict against η needs
 * @param verdict      the verdict
 * @param tostP        p-value of the equivalence test |test error − η| &lt; margin on the logit scale (the larger
 *                     of its two one-sided t tests), null when there is no verdict against η
 * @param notes        why an interval is missing, for the warnings (may be empty)
 */
record ConfigStats(Configuration config, int runs, int completed, int diverged, int failed, int unfinished,
        Double interpolated, Map<String, MetricStat> metrics, double margin, int minRepetitions, Verdict verdict,
        Double tostP, List<String> notes) {

    /** The error-rate metrics: intervals on the logit scale. */
    static final Set<String> RATES = Set.of(MetricNames.TRAIN_ERROR, MetricNames.TRAIN_ERROR_CLEAN,
            MetricNames.TRAIN_ERROR_NOISY, MetricNames.TEST_ERROR, MetricNames.TEST_ERROR_CLEAN);

    /** Which 95% interval a metric's {@code ci95} columns hold; the key is written in summary.csv. */
    enum IntervalKind {
        /** Student t interval of the per-repetition values (two or more repetitions). */
        T("t-repetitions", "Student t interval of the per-repetition values"),
        /**
         * Student t interval of the per-repetition logits log(r / (1 − r)), mapped back (error rates, two or more
         * repetitions that differ).
         */
        LOGIT_T("logit-t-repetitions", "Student t interval of the per-repetition rates on the logit scale"),
        /**
         * Error rate whose repetitions all gave the same value: no spread between repetitions to estimate, so the
         * Wilson interval of the errors pooled over their points (it covers the finite samples only).
         */
        WILSON_POOLED("wilson-pooled-identical-repetitions", "every repetition gave the same value: Wilson interval "
                + "of the pooled points (the finite samples only; no spread between repetitions to estimate)"),
        /** One repetition: the Wilson interval of its own count, which covers its finite sample only. */
        WILSON_ONE_RUN("wilson-one-repetition-sample-only", "one repetition: Wilson interval on that run's points, "
                + "covering the finite sample only, not the variation between repetitions"),
        /** No interval. */
        NONE("", "none");

        private final String key;
        private final String description;

        IntervalKind(String key, String description) {
            this.key = key;
            this.description = description;
        }

        /** The value of the {@code <metric>_ci95_method} column (empty for none). */
        String key() {
            return key;
        }

        /** A sentence for the report. */
        String description() {
            return description;
        }
    }

    /**
     * Statistics of one final metric over the completed repetitions that recorded a finite value.
     *
     * @param count  how many values
     * @param mean   their mean (null for none)
     * @param sd     sample standard deviation (null for fewer than two)
     * @param low    95% interval, low end (null when there is none)
     * @param high   95% interval, high end
     * @param kind   which interval
     * @param errors pooled error count (rates with known counts only, else null)
     * @param trials pooled trials (rates with known counts only, else null)
     */
    record MetricStat(int count, Double mean, Double sd, Double low, Double high, IntervalKind kind, Long errors,
            Long trials) {
        /** No value recorded. */
        static final MetricStat NONE = new MetricStat(0, null, null, null, null, IntervalKind.NONE, null, null);

        Double halfWidth() {
            return low == null ? null : (high - low) / 2;
        }
    }

    /** The statistics and verdict of a configuration with the default of three repetitions for a verdict. */
    static ConfigStats of(Configuration c, double margin) {
        return of(c, margin, 3);
    }

    /**
     * @param margin         the equivalence margin of the verdict (fixed: it does not depend on the repetitions)
     * @param minRepetitions the fewest completed repetitions with a test error for a verdict against η (≥ 2)
     */
    static ConfigStats of(Configuration c, double margin, int minRepetitions) {
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
        for (String metric : MetricNames.DIAGNOSTICS) {
            if (done.stream().anyMatch(r -> r.summary().metrics().containsKey(metric))) {
                metrics.put(metric, stat(c, done, metric, notes));
            }
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
        Verdict verdict;
        Double tostP = null;
        if (c.runs().size() == unfinished) {
            verdict = Verdict.UNFINISHED;
        } else if (done.isEmpty()) {
            verdict = diverged > 0 ? Verdict.DIVERGED : Verdict.FAILED;
        } else if (!allZero) {
            verdict = Verdict.NOT_INTERPOLATING;
        } else if (test.mean() == null || c.eta() == null) {
            verdict = Verdict.UNDETERMINED;
        } else if (test.count() < minRepetitions) {
            verdict = Verdict.TOO_FEW_REPETITIONS;
        } else if (test.low() == null) {
            verdict = Verdict.UNDETERMINED; // no interval: the number of test points is not recorded
        } else {
            double eta = c.eta();
            if (test.low() - eta >= -margin && test.high() - eta <= margin) {
                verdict = Verdict.BENIGN;
            } else if (test.low() - eta > margin) {
                verdict = test.low() >= 0.5 - margin ? Verdict.CATASTROPHIC : Verdict.TEMPERED;
            } else {
                verdict = Verdict.UNDETERMINED;
            }
            tostP = tostP(values(done, MetricNames.TEST_ERROR), minTrials(done, MetricNames.TEST_ERROR), eta, margin);
        }
        return new ConfigStats(c, completed + diverged + failed, completed, diverged, failed, unfinished, interpolated,
                Collections.unmodifiableMap(metrics), margin, minRepetitions, verdict, tostP, List.copyOf(notes));
    }

    /** "benign", ..., or "undetermined (2 repetitions)" below the repetitions a verdict needs. */
    String verdictText() {
        if (verdict == Verdict.TOO_FEW_REPETITIONS) {
            int k = metrics.get(MetricNames.TEST_ERROR).count();
            return "undetermined (" + k + (k == 1 ? " repetition)" : " repetitions)");
        }
        return verdict.key();
    }

    /**
     * The p-value of the two one-sided tests (TOST) of equivalence |E[test error] − η| &lt; margin on the logit
     * scale: H0− logit(mean) ≤ logit(η − margin) and H0+ logit(mean) ≥ logit(η + margin), each a one-sided t test
     * of the per-repetition logits (clamped as in {@link Stats#logitTInterval}); the larger of the two p-values.
     * A side whose bound lies outside (0, 1) has p = 0. Null for fewer than two values or unknown trials.
     */
    static Double tostP(double[] rates, Long trials, double eta, double margin) {
        if (rates.length < 2 || trials == null || trials < 1) {
            return null;
        }
        double c = 1.0 / (2.0 * trials);
        double[] logits = new double[rates.length];
        double[] negated = new double[rates.length];
        for (int i = 0; i < rates.length; i++) {
            double r = Math.min(1 - c, Math.max(c, rates[i]));
            logits[i] = Math.log(r / (1 - r));
            negated[i] = -logits[i];
        }
        double lowBound = eta - margin;
        double highBound = eta + margin;
        double pLow = lowBound <= 0 ? 0.0 : Stats.tTestGreater(logits, Math.log(lowBound / (1 - lowBound)));
        double pHigh = highBound >= 1 ? 0.0 : Stats.tTestGreater(negated, -Math.log(highBound / (1 - highBound)));
        return Math.max(pLow, pHigh);
    }

    private static double[] values(List<RunRecord> done, String metric) {
        List<Double> values = new ArrayList<>();
        for (RunRecord r : done) {
            Double v = r.summary().metric(metric);
            if (v != null && Double.isFinite(v)) {
                values.add(v);
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The fewest trials behind one repetition's rate (null when any is unknown). */
    private static Long minTrials(List<RunRecord> done, String metric) {
        Long min = null;
        for (RunRecord r : done) {
            Double v = r.summary().metric(metric);
            if (v == null || !Double.isFinite(v)) {
                continue;
            }
            Double t = trials(r, metric);
            if (t == null || !(t >= 1) || t != Math.rint(t)) {
                return null;
            }
            min = min == null ? t.longValue() : Math.min(min, t.longValue());
        }
        return min;
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
            return new MetricStat(0, null, null, null, null, IntervalKind.NONE, null, null);
        }
        double[] xs = values.stream().mapToDouble(Double::doubleValue).toArray();
        Double mean = Stats.mean(xs);
        Double sd = Stats.sampleSd(xs);
        Stats.Interval ci = null;
        IntervalKind kind = IntervalKind.NONE;
        Long e = countsKnown && RATES.contains(metric) ? errors : null;
        Long n = countsKnown && RATES.contains(metric) ? trials : null;
        if (!RATES.contains(metric)) {
            ci = Stats.tInterval(xs);
            kind = ci == null ? IntervalKind.NONE : IntervalKind.T;
        } else if (!countsKnown || trials == 0) {
            notes.add(c.id() + ": no 95% interval for " + metric + " (the number of "
                    + (metric.startsWith("test") ? "test points n_test" : "training points") + " is not recorded)");
        } else if (xs.length == 1) {
            ci = Stats.wilson(errors, trials);
            kind = IntervalKind.WILSON_ONE_RUN;
        } else if (sd == 0.0) {
            ci = Stats.wilson(errors, trials);
            kind = IntervalKind.WILSON_POOLED;
        } else {
            Long least = minTrials(done, metric);
            ci = least == null ? null : Stats.logitTInterval(xs, least);
            kind = ci == null ? IntervalKind.NONE : IntervalKind.LOGIT_T;
        }
        return new MetricStat(xs.length, mean, sd, ci == null ? null : ci.low(), ci == null ? null : ci.high(), kind,
                e, n);
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
        Double n = ClaimRuns.n(r);
        Double noisy = r.summary().noisyCount();
        if (n == null || noisy == null || metric.equals(MetricNames.TRAIN_ERROR)) {
            return n;
        }
        return metric.equals(MetricNames.TRAIN_ERROR_CLEAN) ? n - noisy : noisy;
    }
}
