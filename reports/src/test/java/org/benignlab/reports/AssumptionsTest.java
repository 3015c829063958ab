package org.benignlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A1-A6 evaluated from their definitions in MODEL.md on hand-computed numbers. */
class AssumptionsTest {
    // n = 100, p = 10^6, m = 100, ||mu|| = 10, eta = 0.1, alpha = 1e-13, H = 1, omega = 1e-20
    private static final Assumptions.Inputs IN = new Assumptions.Inputs(100, 1e6, 100, 10, 0.1, 1e-13, 1, 1e-20);

    private static Assumptions.Check get(List<Assumptions.Check> cs, String id) {
        return cs.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void eachAssumptionHasBothSidesAndTheLargestConstant() {
        double delta = 0.01;
        List<Assumptions.Check> cs = Assumptions.check(IN, 1, delta);
        assertEquals(List.of("A1", "A2", "A3", "A4", "A5", "A6"), cs.stream().map(Assumptions.Check::id).toList());
        // A1: 100 >= C log(100) -> largest C = 100 / 4.605
        assertEquals(100 / Math.log(100), get(cs, "A1").largestC(), 1e-12);
        // A2: max{n mu^2, n^2 log(n/delta)} = max{10^4, 10^4 * log(10^4)} = 92103.4; 10^6 / that
        double a2 = 1e4 * Math.log(1e4);
        assertEquals(1e6 / a2, get(cs, "A2").largestC(), 1e-9);
        assertTrue(get(cs, "A2").holds());
        // A3: mu^2 = 100 >= C log(n/delta) = 9.21 C
        assertEquals(100 / Math.log(1e4), get(cs, "A3").largestC(), 1e-12);
        // A4: eta < 1/C, supremum 10
        assertEquals(10, get(cs, "A4").largestC(), 1e-12);
        // A5: alpha <= 1/(C max{1, H/sqrt m} p^2) = 1e-12 / C: holds, largest C = 10
        assertTrue(get(cs, "A5").holds());
        assertEquals(10, get(cs, "A5").largestC(), 1e-9);
        // A6: omega sqrt(m p) = 1e-20 * 1e4 = 1e-16 <= alpha
        assertEquals(1e-16, get(cs, "A6").left(), 1e-28);
        assertTrue(get(cs, "A6").holds());
        // at C = 11 A4 (eta = 0.1 >= 1/11) and A5 fail, A1 holds (largest 21.7)
        List<Assumptions.Check> c11 = Assumptions.check(IN, 11, delta);
        assertFalse(get(c11, "A4").holds());
        assertFalse(get(c11, "A5").holds());
        assertTrue(get(c11, "A1").holds());
        assertEquals(100.0 * 1e4 / 1e6, Assumptions.signal(IN), 1e-12);
        assertEquals(10 / Math.pow(1e6, 0.25), Assumptions.jinRatio(IN), 1e-12);
    }

    @Test
    void unknownQuantitiesAreSaidToBeUnknownNotGuessed() {
        Assumptions.Inputs noMu = new Assumptions.Inputs(100, 1e6, 100, Double.NaN, 0.1, 1e-13, Double.NaN, 0);
        List<Assumptions.Check> cs = Assumptions.check(noMu, 1, 0.01);
        assertFalse(get(cs, "A3").holds());
        assertTrue(get(cs, "A3").note().contains("unknown"));
        assertTrue(Double.isNaN(get(cs, "A2").largestC()));
        assertTrue(get(cs, "A5").note().contains("not smooth"));
        assertEquals("n/a", Assumptions.show(get(cs, "A5").largestC()));
    }
}
