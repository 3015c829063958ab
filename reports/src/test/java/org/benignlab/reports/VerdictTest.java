package org.benignlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.benignlab.api.MetricNames;
import org.benignlab.api.RunStatus;
import org.junit.jupiter.api.Test;

/** The verdict rule on crafted configurations (η = 0.1, tolerance 0.02). */
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
        return ConfigStats.of(c, 0.02);
    }

    static RunRecord done(int rep, double trainError, double testError, int nTest) {
        return run(rep, RunStatus.COMPLETED, trainError, testError, nTest);
    }

    @Test
    void benignTemperedCatastrophic() {
        // 100 000 test points: the Wilson half-width (< 0.003) is below 0.02, so tol = 0.02
        assertEquals(Verdict.BENIGN, verdict(done(0, 0, 0.11, 100000), done(1, 0, 0.13, 100000)));
        assertEquals(0.02, stats(done(0, 0, 0.11, 100000)).tolerance());
        assertEquals(Verdict.BENIGN, verdict(done(0, 0, 0.119, 100000)));
        assertEquals(Verdict.TEMPERED, verdict(done(0, 0, 0.125, 100000)));
        assertEquals(Verdict.TEMPERED, verdict(done(0, 0, 0.47, 100000)));
        assertEquals(Verdict.CATASTROPHIC, verdict(done(0, 0, 0.49, 100000)));
        assertEquals(Verdict.CATASTROPHIC, verdict(done(0, 0, 0.7, 100000)));
    }

    @Test
    void fewTestPointsWidenTheTolerance() {
        // 15 errors in 100 test points: Wilson half-width ≈ 0.0714 > 0.02, so 0.15 <= 0.1 + 0.0714
        ConfigStats s = stats(done(0, 0, 0.15, 100));
        double[] w = ReportWriterTest.wilson(15, 100);
        assertEquals((w[1] - w[0]) / 2, s.tolerance(), 1e-12);
        assertEquals(Verdict.BENIGN, s.verdict());
        assertEquals(Verdict.TEMPERED, verdict(done(0, 0, 0.15, 100000)));
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
        // a diverged repetition is counted, not averaged: the verdict rests on the completed one
        ConfigStats s = stats(done(0, 0, 0.1, 1000), diverged, failed, unfinished);
        assertEquals(Verdict.BENIGN, s.verdict());
        assertEquals(List.of(3, 1, 1, 1, 1), List.of(s.runs(), s.completed(), s.diverged(), s.failed(), s.unfinished()));
        assertEquals(0.1, s.metrics().get(MetricNames.TEST_ERROR).mean());
        assertEquals(Verdict.DIVERGED, verdict(diverged, failed));
        assertEquals(Verdict.FAILED, verdict(failed));
        assertEquals(Verdict.UNFINISHED, verdict(unfinished));
        assertEquals(Verdict.UNDETERMINED, verdict(run(0, RunStatus.COMPLETED, 0.0, null, 1000)));
    }
}
