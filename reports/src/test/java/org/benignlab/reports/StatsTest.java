package org.benignlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Properties of the intervals and reference curves, from their definitions. */
class StatsTest {
    @Test
    void wilsonIntervalProperties() {
        for (int n : new int[] {1, 10, 100, 5000}) {
            for (int k = 0; k <= n; k += Math.max(1, n / 7)) {
                Stats.Interval w = Stats.wilson(k, n);
                double p = k / (double) n;
                assertTrue(w.low() >= 0 && w.high() <= 1, "inside [0, 1]");
                assertTrue(w.low() <= p && p <= w.high(), "contains the estimate " + k + "/" + n);
                // mirror: errors and successes swap ends
                Stats.Interval m = Stats.wilson(n - k, n);
                assertEquals(1 - w.high(), m.low(), 1e-12);
                assertEquals(1 - w.low(), m.high(), 1e-12);
            }
        }
        // more trials at the same rate: a narrower interval
        assertTrue(Stats.wilson(10, 100).halfWidth() > Stats.wilson(100, 1000).halfWidth());
        assertEquals(0.0, Stats.wilson(0, 50).low(), 1e-15);
        assertNull(Stats.wilson(0, 0));
        // 0 of n: the upper end is z²/(n + z²)
        double z2 = ReportWriterTest.Z * ReportWriterTest.Z;
        assertEquals(z2 / (50 + z2), Stats.wilson(0, 50).high(), 1e-12);
    }

    @Test
    void tIntervalUsesStudentQuantiles() {
        assertNull(Stats.tInterval(new double[] {1.0}));
        Stats.Interval two = Stats.tInterval(new double[] {1.0, 3.0});
        // mean 2, sd √2, half-width t(0.975, 1) · √2 / √2
        assertEquals(2 - ReportWriterTest.T1, two.low(), 1e-9);
        assertEquals(2 + ReportWriterTest.T1, two.high(), 1e-9);
        // many values: t tends to z
        double[] xs = new double[10000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i % 2;
        }
        double sd = Stats.sampleSd(xs);
        assertEquals(ReportWriterTest.Z * sd / 100, Stats.tInterval(xs).halfWidth(), 1e-4 * sd);
        assertEquals(ReportWriterTest.Z, Stats.Z95, 1e-12);
    }

    @Test
    void referenceCurves() {
        // Bayes error: η at ‖μ‖ → ∞, 1/2 at ‖μ‖ = 0, η + (1 − 2η)Φ(−1) with Φ(−1) = 0.158655... at ‖μ‖ = 1
        assertEquals(0.1, Theory.bayesError(0.1, 40), 1e-15);
        assertEquals(0.5, Theory.bayesError(0.1, 0), 1e-15);
        assertEquals(0.1 + 0.8 * 0.15865525393145707, Theory.bayesError(0.1, 1), 1e-12);
        assertEquals(0.15865525393145707, Theory.bayesErrorClean(1), 1e-12);
        // bound: η + 2/e on n‖μ‖⁴ = C p
        assertEquals(0.1 + 2 / Math.E, Theory.bound(0.1, 100, 1e6, 10, 1), 1e-12);
        assertEquals(0.1 + 2 * Math.exp(-0.5), Theory.bound(0.1, 100, 1e6, 10, 2), 1e-12);
    }

    @Test
    void numberFormatsIgnoreTheDefaultLocale() {
        assertEquals("10000", Formats.csv(1e4));
        assertEquals("0.1", Formats.csv(0.1));
        assertEquals("5.0E-6", Formats.csv(5e-6));
        assertEquals("", Formats.csv(null));
        assertEquals("NaN", Formats.csv(Double.NaN));
        assertEquals("31.62", Formats.human(31.6227766));
        assertEquals("1e9", Formats.human(1e9));
        assertEquals("1.235e4", Formats.human(12345.6));
        assertEquals("5e-6", Formats.human(5e-6));
        assertEquals("2e5", Formats.human(200000.0));
        assertEquals("123456", Formats.human(123456.0));
        assertEquals("99999", Formats.human(99999.0));
        assertEquals("1e6", Formats.human(1e6));
        assertEquals("–", Formats.human(null));
        assertEquals("0.100", Formats.rate(0.1));
    }
}
