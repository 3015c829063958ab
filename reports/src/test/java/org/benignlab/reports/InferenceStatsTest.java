package org.benignlab.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Over-repetition inference (logit t interval, Holm, one-sided t test, Clopper-Pearson) from definitions. */
class InferenceStatsTest {
    @Test
    void logitIntervalCoversTheSpreadBetweenRepetitions() {
        // five repetitions with a between-run sd of about 0.05 around 0.084: the interval must be wider than
        // a pooled Wilson interval on 5 x 5000 test points, which sees only the test-sample noise
        double[] reps = {0.03, 0.05, 0.08, 0.11, 0.16};
        Stats.Interval logit = Stats.logitTInterval(reps, 5000);
        long errors = 0;
        for (double r : reps) {
            errors += Math.round(r * 5000);
        }
        Stats.Interval pooled = Stats.wilson(errors, 5 * 5000);
        assertTrue(logit.halfWidth() > 3 * pooled.halfWidth(), logit + " vs " + pooled);
        assertTrue(logit.low() > 0 && logit.high() < 1);
        // the interval is the t interval of the logits mapped back: its ends' logits are mean ± t sd/√k
        double[] l = new double[reps.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = Math.log(reps[i] / (1 - reps[i]));
        }
        Stats.Interval t = Stats.tInterval(l);
        assertEquals(t.low(), Math.log(logit.low() / (1 - logit.low())), 1e-9);
        assertEquals(t.high(), Math.log(logit.high() / (1 - logit.high())), 1e-9);
        assertNull(Stats.logitTInterval(new double[] {0.1}, 100));
    }

    @Test
    void logitIntervalIsFiniteAtRatesZeroAndOne() {
        Stats.Interval zeros = Stats.logitTInterval(new double[] {0, 0, 0}, 1000);
        // all clamped to 1/(2·1000): a zero-width interval at that value
        assertEquals(1.0 / 2000, zeros.low(), 1e-15);
        assertEquals(1.0 / 2000, zeros.high(), 1e-15);
        Stats.Interval mixed = Stats.logitTInterval(new double[] {0, 1, 0.5}, 10);
        assertTrue(mixed.low() > 0 && mixed.high() < 1);
    }

    @Test
    void holmMatchesItsDefinition() {
        // sorted 0.01, 0.02, 0.03, 0.5 with k = 4: 0.04, max(0.04, 0.06), max(0.06, 0.06), max(0.06, 0.5)
        double[] adj = Stats.holm(new double[] {0.03, 0.5, 0.01, 0.02});
        assertArrayEquals(new double[] {0.06, 0.5, 0.04, 0.06}, adj, 1e-15);
        // never below the raw p-value, never above 1, and no smaller than Bonferroni's for the smallest
        double[] p = {0.2, 0.9, 0.001, 0.04, 0.04};
        double[] h = Stats.holm(p);
        for (int i = 0; i < p.length; i++) {
            assertTrue(h[i] >= p[i] && h[i] <= 1);
        }
        assertEquals(0.005, h[2], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Stats.holm(new double[] {Double.NaN}));
    }

    @Test
    void oneSidedTTest() {
        // mean 2, sd √(5/3), k = 4; with mu0 = 2 - sd the statistic is t = sd / (sd / 2) = 2 on 3 degrees of
        // freedom, and P(T_3 > 2) = 0.0697 (tables)
        double[] xs = {0.5, 1.5, 2.5, 3.5};
        double sd = Math.sqrt(5.0 / 3);
        assertEquals(0.0697, Stats.tTestGreater(xs, 2 - sd), 5e-4);
        assertEquals(0.5, Stats.tTestGreater(xs, 2), 1e-12);
        assertEquals(0.0, Stats.tTestGreater(new double[] {3, 3}, 2));
        assertEquals(1.0, Stats.tTestGreater(new double[] {1, 1}, 2));
        assertNull(Stats.tTestGreater(new double[] {1}, 0));
    }

    @Test
    void clopperPearsonIsExact() {
        // 0 of n: upper end 1 - 0.025^(1/n); n of n: lower end 0.025^(1/n)
        Stats.Interval zero = Stats.clopperPearson(0, 10);
        assertEquals(0.0, zero.low());
        assertEquals(1 - Math.pow(0.025, 0.1), zero.high(), 1e-9);
        Stats.Interval all = Stats.clopperPearson(10, 10);
        assertEquals(Math.pow(0.025, 0.1), all.low(), 1e-9);
        assertEquals(1.0, all.high());
        // wider than Wilson's (it is conservative) and contains the estimate
        Stats.Interval cp = Stats.clopperPearson(7, 20);
        assertTrue(cp.low() < 0.35 && 0.35 < cp.high());
        assertTrue(cp.halfWidth() > Stats.wilson(7, 20).halfWidth());
        assertNull(Stats.clopperPearson(0, 0));
    }
}
