package org.benignlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The claims' statistics against their definitions. */
class ClaimStatsTest {
    @Test
    void leastSquaresRecoversAnExactLinearLawAndRefusesTooFewRows() {
        double[][] x = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {2, 3}};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 1 + 2 * x[i][0] - 3 * x[i][1];
        }
        double[] s = ClaimStats.slopes(x, y);
        assertEquals(2, s[0], 1e-12);
        assertEquals(-3, s[1], 1e-12);
        assertNull(ClaimStats.slopes(new double[][] {{0, 0}, {1, 0}, {0, 1}}, new double[] {1, 2, 3}),
                "3 rows cannot estimate an intercept, 2 slopes and an error");
        assertNull(ClaimStats.slopes(new double[][] {{1, 2}, {2, 4}, {3, 6}, {4, 8}}, new double[] {1, 2, 3, 4}),
                "collinear columns have no unique fit");
    }

    private static List<double[]> reps(double centre, double... wobble) {
        List<double[]> out = new ArrayList<>();
        for (double w : wobble) {
            out.add(new double[] {centre + w});
        }
        return out;
    }

    @Test
    void theBandTestSeparatesInsideOutsideAndUndecided() {
        ClaimStats.Band inside = ClaimStats.Band.of(List.of("n"), new double[] {0.25}, reps(0.26, -0.01, 0, 0.01), 0.1);
        assertTrue(inside.inside() && !inside.outside());
        ClaimStats.Band outside = ClaimStats.Band.of(List.of("n"), new double[] {0.25}, reps(0.5, -0.01, 0, 0.01), 0.1);
        assertTrue(outside.outside() && !outside.inside());
        // an estimate straddling the tolerance is neither shown inside nor outside
        ClaimStats.Band edge = ClaimStats.Band.of(List.of("n"), new double[] {0}, reps(0.1, -0.05, 0, 0.05), 0.1);
        assertFalse(edge.inside() || edge.outside());
        // one repetition decides nothing
        ClaimStats.Band one = ClaimStats.Band.of(List.of("n"), new double[] {0}, reps(0, 0), 0.1);
        assertFalse(one.inside() || one.outside());
        assertTrue(one.repetitionInside(0));
    }

    @Test
    void holmMakesEveryAxisCount() {
        // two axes, each barely inside on its own: Holm needs both p-values small
        List<double[]> perRep = List.of(new double[] {0.0, 0.0}, new double[] {0.02, 0.3}, new double[] {-0.02, -0.3});
        ClaimStats.Band b = ClaimStats.Band.of(List.of("n", "p"), new double[] {0, 0}, perRep, 0.1);
        assertFalse(b.inside(), "the p axis is all over the place");
        assertTrue(b.axes().get(0).pInside() <= ClaimStats.ALPHA);
    }

    @Test
    void theUpperBoundOfAConstantIsExactForEqualValuesAndInfiniteWhenOneIs() {
        assertEquals(3, ClaimStats.upperBound(new double[] {3, 3, 3}), 1e-12);
        assertTrue(ClaimStats.upperBound(new double[] {1, 2, 4}) > 4 * 0.99);
        assertEquals(Double.POSITIVE_INFINITY, ClaimStats.upperBound(new double[] {1, Double.POSITIVE_INFINITY}));
        assertTrue(Double.isNaN(ClaimStats.upperBound(new double[] {2})));
    }

    @Test
    void c1IsAtLeastOneAndTendsToOneAsTheDimensionGrows() {
        double previous = Double.POSITIVE_INFINITY;
        for (double p : new double[] {1e2, 1e4, 1e6, 1e8}) {
            double c1 = ClaimStats.c1(50, p, 5, 0.25);
            assertTrue(c1 >= 1 && c1 < previous, p + ": " + c1);
            previous = c1;
        }
        assertTrue(previous < 1.01, "p = 1e8: ‖x‖²/p concentrates at 1");
        assertTrue(ClaimStats.c1(50, 1e6, 1000, 0.25) >= 2, "‖μ‖² = p adds 1 to ‖x‖²/p");
    }

    @Test
    void theFractionComparesItsClopperPearsonIntervalWithOneHalf() {
        assertEquals(Claims.Verdict.SUPPORTED, ClaimStats.Fraction.of(6, 6).verdict());
        assertEquals(Claims.Verdict.INCONCLUSIVE, ClaimStats.Fraction.of(5, 5).verdict(), "5/5: low end 0.478");
        assertEquals(Claims.Verdict.NOT_SUPPORTED, ClaimStats.Fraction.of(0, 6).verdict());
        assertEquals(Claims.Verdict.INCONCLUSIVE, ClaimStats.Fraction.of(3, 6).verdict());
        assertEquals(Claims.Verdict.INCONCLUSIVE, ClaimStats.Fraction.of(0, 0).verdict());
    }
}
