package org.benignlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.benignlab.api.MetricNames;
import org.junit.jupiter.api.Test;

/**
 * The 95% interval of an error rate is over the repetitions (the independent units), not over test points pooled
 * across them: a configuration whose repetitions differ by much more than their test-sample noise gets an interval
 * that covers that spread.
 */
class IntervalsOverRepetitionsTest {
    private static ConfigStats stats(double[] rates, int nTest) {
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            runs.add(VerdictTest.done(i, 0, rates[i], nTest));
        }
        return ConfigStats.of(new Configuration(0, "c", runs, Map.of(), 50.0, 1000.0, 20.0, 10.0, 0.1, 100.0,
                "gaussian"), 0.02, 3);
    }

    @Test
    void aLargeSpreadBetweenRepetitionsWidensTheInterval() {
        // the case: mean 0.084, sd 0.050 over five repetitions of 5000 test points
        double[] reps = {0.03, 0.05, 0.08, 0.11, 0.17};
        ConfigStats.MetricStat st = stats(reps, 5000).metrics().get(MetricNames.TEST_ERROR);
        assertEquals(ConfigStats.IntervalKind.LOGIT_T, st.kind());
        assertEquals(0.0540, st.sd(), 0.001);
        long errors = 0;
        for (double r : reps) {
            errors += Math.round(r * 5000);
        }
        Stats.Interval pooled = Stats.wilson(errors, 5 * 5000);
        // the pooled interval (≈ 0.084 to 0.092) excludes three of the five repetitions' own rates ...
        int outsidePooled = 0;
        for (double r : reps) {
            outsidePooled += r < pooled.low() || r > pooled.high() ? 1 : 0;
        }
        assertTrue(outsidePooled >= 4, "pooled " + pooled);
        // ... the interval over repetitions is several times wider and contains the mean and the median
        assertTrue(st.halfWidth() > 3 * pooled.halfWidth(), st + " vs " + pooled);
        assertTrue(st.low() < 0.08 && st.high() > st.mean(), st.toString());
    }

    @Test
    void theIntervalCoversAtItsNominalRateWhenRepetitionsVaryAndThePooledOneDoesNot() {
        // each repetition's true error r has logit(r) ~ N(logit(0.084), 0.6²) (sd of r about 0.05); its test error is
        // Binomial(5000, r) / 5000; five repetitions per configuration. Target: logistic(E logit r) = 0.084, what the
        // logit-scale interval estimates. 2000 configurations, pinned seed: the interval over repetitions covers in
        // about 95% (tolerance: at least 92%, 7 binomial sd below); the pooled Wilson interval covers rarely.
        Well19937c rng = new Well19937c(20261206L);
        double centre = Math.log(0.084 / (1 - 0.084));
        int trials = 2000;
        int covered = 0;
        int coveredPooled = 0;
        for (int k = 0; k < trials; k++) {
            double[] reps = new double[5];
            long errors = 0;
            for (int i = 0; i < reps.length; i++) {
                double r = Stats.logistic(centre + 0.6 * rng.nextGaussian());
                int e = new BinomialDistribution(rng, 5000, r).sample();
                reps[i] = e / 5000.0;
                errors += e;
            }
            ConfigStats.MetricStat st = stats(reps, 5000).metrics().get(MetricNames.TEST_ERROR);
            covered += st.low() <= 0.084 && 0.084 <= st.high() ? 1 : 0;
            Stats.Interval pooled = Stats.wilson(errors, 5 * 5000);
            coveredPooled += pooled.low() <= 0.084 && 0.084 <= pooled.high() ? 1 : 0;
        }
        double coverage = covered / (double) trials;
        double pooledCoverage = coveredPooled / (double) trials;
        assertTrue(coverage >= 0.92, "coverage over repetitions " + coverage);
        assertTrue(pooledCoverage < 0.5, "pooled coverage " + pooledCoverage);
    }

    @Test
    void oneRepetitionGetsTheWilsonIntervalOfItsTestSampleAndSaysSo() {
        ConfigStats.MetricStat st = stats(new double[] {0.105}, 1000).metrics().get(MetricNames.TEST_ERROR);
        assertEquals(ConfigStats.IntervalKind.WILSON_ONE_RUN, st.kind());
        Stats.Interval w = Stats.wilson(105, 1000);
        assertEquals(w.low(), st.low(), 1e-15);
        assertTrue(st.kind().key().contains("sample-only"), st.kind().key());
        // identical repetitions: no spread to estimate, the pooled count's interval, labelled as such
        ConfigStats.MetricStat same = stats(new double[] {0.0, 0.0, 0.0}, 1000).metrics().get(MetricNames.TEST_ERROR);
        assertEquals(ConfigStats.IntervalKind.WILSON_POOLED, same.kind());
        assertEquals(0.0, same.low(), 0.0);
        assertEquals(Stats.wilson(0, 3000).high(), same.high(), 1e-15);
    }
}
