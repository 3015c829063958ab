package org.benignlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.benignlab.api.MetricNames;
import org.benignlab.api.RunStatus;
import org.junit.jupiter.api.Test;

/** The verdict rule (an equivalence test with a fixed margin) on crafted configurations (η = 0.1, margin 0.02). */
class VerdictTest {
    static RunRecord run(int rep, RunStatus status, Double trainError, Double testError, int nTest) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String m : MetricNames.ALL) {
            metrics.put(m, null);
        }
        metrics.put(MetricNames.TRAIN_ERROR, trainError);
        metrics.put(MetricNames.TEST_ERROR, testError);
        RunSummary s = new RunSummary(status, null, 100.0, null, metrics, 0.1, 5.0, (double) nTest, "gaussian", "dense",
                null, 1.0, null, Map.of("n", 50.0, "eta", 0.1));
        return new RunRecord("r" + rep, "c", rep, Map.of(), JsonNodeFactory.instance.objectNode(), s, null);
    }

    static Verdict verdict(RunRecord... runs) {
        return stats(runs).verdict();
    }

    static ConfigStats stats(RunRecord... runs) {
        Configuration c = new Configuration(0, "c", List.of(runs), Map.of(), 50.0, 1000.0, 20.0, 10.0, 0.1, 100.0,
                "gaussian");
        return ConfigStats.of(c, 0.02, 3);
    }

    static RunRecord done(int rep, double trainError, double testError, int nTest) {
        return run(rep, RunStatus.COMPLETED, trainError, testError, nTest);
    }

    /** Three completed, interpolating repetitions with these test errors on 100 000 test points each. */
    static Verdict three(double a, double b, double c) {
        return verdict(done(0, 0, a, 100000), done(1, 0, b, 100000), done(2, 0, c, 100000));
    }

    @Test
    void benignTemperedCatastrophicUndetermined() {
        assertEquals(Verdict.BENIGN, three(0.100, 0.102, 0.098), "interval within 0.1 ± 0.02");
        assertEquals(Verdict.BENIGN, three(0.085, 0.087, 0.086), "below η but within the margin");
        assertEquals(Verdict.TEMPERED, three(0.150, 0.160, 0.155), "interval above η + 0.02");
        assertEquals(Verdict.CATASTROPHIC, three(0.500, 0.505, 0.510), "interval at or above 1/2 − 0.02");
        assertEquals(Verdict.UNDETERMINED, three(0.10, 0.13, 0.16), "interval straddles η + 0.02");
        assertEquals(Verdict.UNDETERMINED, three(0.05, 0.052, 0.051), "interval below η − 0.02: not equivalent");
    }

    @Test
    void theVerdictIsTheIntervalAgainstTheFixedMargin() {
        ConfigStats s = stats(done(0, 0, 0.100, 100000), done(1, 0, 0.102, 100000), done(2, 0, 0.098, 100000));
        ConfigStats.MetricStat t = s.metrics().get(MetricNames.TEST_ERROR);
        assertEquals(ConfigStats.IntervalKind.LOGIT_T, t.kind());
        assertTrue(t.low() - 0.1 >= -0.02 && t.high() - 0.1 <= 0.02);
        assertEquals(0.02, s.margin());
        // TOST: inside the margin at 95% means both one-sided p-values <= 0.025
        assertTrue(s.tostP() <= 0.025, "TOST p " + s.tostP());
        ConfigStats straddle = stats(done(0, 0, 0.10, 100000), done(1, 0, 0.13, 100000), done(2, 0, 0.16, 100000));
        assertTrue(straddle.tostP() > 0.025, "TOST p " + straddle.tostP());
    }

    @Test
    void theMarginDoesNotWidenWithFewTestPointsOrRepetitions() {
        // 100 test points per repetition: the old rule took tol = max(0.02, Wilson half-width ≈ 0.07) and called
        // a test error of 0.15 benign at η = 0.1; the spread between repetitions puts it above η + 0.02
        assertEquals(Verdict.TEMPERED, verdict(done(0, 0, 0.15, 100), done(1, 0, 0.14, 100), done(2, 0, 0.16, 100)));
        // one or two repetitions: no verdict against η, and the report says how many there were
        ConfigStats one = stats(done(0, 0, 0.1, 100000));
        assertEquals(Verdict.TOO_FEW_REPETITIONS, one.verdict());
        assertEquals("undetermined (1 repetition)", one.verdictText());
        assertNull(one.tostP());
        ConfigStats two = stats(done(0, 0, 0.1, 100000), done(1, 0, 0.1001, 100000));
        assertEquals("undetermined (2 repetitions)", two.verdictText());
        Configuration c = new Configuration(0, "c", List.of(done(0, 0, 0.1, 100000), done(1, 0, 0.1001, 100000)),
                Map.of(), 50.0, 1000.0, 20.0, 10.0, 0.1, 100.0, "gaussian");
        assertEquals(Verdict.BENIGN, ConfigStats.of(c, 0.02, 2).verdict(), "two repetitions are enough when asked");
    }

    @Test
    void notInterpolatingWhenAnyCompletedRepetitionMissesATrainingPoint() {
        assertEquals(Verdict.NOT_INTERPOLATING, verdict(done(0, 0, 0.1, 1000), done(1, 0.02, 0.1, 1000)));
        assertEquals(Verdict.NOT_INTERPOLATING, verdict(run(0, RunStatus.COMPLETED, null, 0.1, 1000)));
        assertEquals(0.5, stats(done(0, 0, 0.1, 1000), done(1, 0.02, 0.1, 1000)).interpolated());
    }

    @Test
    void divergedFailedAndUnfinishedRepetitions() {
        RunRecord diverged = run(1, RunStatus.DIVERGED, null, Double.NaN, 1000);
        RunRecord failed = run(2, RunStatus.FAILED, null, null, 1000);
        RunRecord unfinished = new RunRecord("u", "c", 3, Map.of(), JsonNodeFactory.instance.objectNode(), null, null);
        // a diverged repetition is counted, not averaged: one completed repetition is too few for a verdict
        ConfigStats s = stats(done(0, 0, 0.1, 1000), diverged, failed, unfinished);
        assertEquals(Verdict.TOO_FEW_REPETITIONS, s.verdict());
        assertEquals(List.of(3, 1, 1, 1, 1), List.of(s.runs(), s.completed(), s.diverged(), s.failed(), s.unfinished()));
        assertEquals(0.1, s.metrics().get(MetricNames.TEST_ERROR).mean());
        assertEquals(Verdict.DIVERGED, verdict(diverged, failed));
        assertEquals(Verdict.FAILED, verdict(failed));
        assertEquals(Verdict.UNFINISHED, verdict(unfinished));
        assertEquals(Verdict.UNDETERMINED, verdict(run(0, RunStatus.COMPLETED, 0.0, null, 1000)));
    }
}
