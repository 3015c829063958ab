package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.TreeSet;
import org.benignlab.api.LogSchedule;
import org.junit.jupiter.api.Test;

class LogScheduleTest {

    /** The definition, by brute force over k. */
    private static TreeSet<Long> bruteForce(long maxSteps, int ppd) {
        TreeSet<Long> out = new TreeSet<>();
        out.add(0L);
        out.add(maxSteps);
        for (long k = 0; ; k++) {
            long v = Math.round(Math.pow(10.0, (double) k / ppd));
            if (v > maxSteps) {
                break;
            }
            out.add(v);
        }
        return out;
    }

    @Test
    void oneValuePerDecade() {
        assertArrayEquals(new long[] {0, 1, 10, 100, 1000, 2500}, new LogSchedule(2500, 1).steps());
        assertArrayEquals(new long[] {0}, new LogSchedule(0, 5).steps());
        assertArrayEquals(new long[] {0, 1, 10}, new LogSchedule(10, 1).steps());
    }

    @Test
    void tenPerDecadeStartsWithSmallStepsDeduplicated() {
        // 10^(k/10) rounded: 1 1 2 2 3 3 4 5 6 8 10 13 16 20 25 32 40 50 63 79 100
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 8, 10, 13, 16, 20, 25, 32, 40, 50, 63, 79, 100, 120},
                new LogSchedule(120, 10).steps());
        LogSchedule s = new LogSchedule(120, 10);
        assertFalse(s.contains(7));
        assertFalse(s.contains(101));
        assertTrue(s.contains(120));
        assertFalse(s.contains(121));
        assertFalse(s.contains(-1));
    }

    @Test
    void containsAndNextAgreeWithTheDefinition() {
        qt().withFixedSeed(1234L).withExamples(200)
                .forAll(longs().between(0, 5000), integers().between(1, 40))
                .checkAssert((maxSteps, ppd) -> {
                    LogSchedule s = new LogSchedule(maxSteps, ppd);
                    TreeSet<Long> expected = bruteForce(maxSteps, ppd);
                    for (long t = -2; t <= maxSteps + 2; t++) {
                        assertEquals(expected.contains(t), s.contains(t), "step " + t + " of " + s);
                        Long higher = expected.higher(t);
                        assertEquals(higher == null ? -1 : higher, s.next(t), "next(" + t + ") of " + s);
                    }
                    assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), s.steps());
                });
    }

    @Test
    void largeSchedulesStaySmallAndEndAtMaxSteps() {
        qt().withFixedSeed(99L).withExamples(100)
                .forAll(longs().between(1, Long.MAX_VALUE / 2), integers().between(1, 50))
                .checkAssert((maxSteps, ppd) -> {
                    LogSchedule s = new LogSchedule(maxSteps, ppd);
                    long[] steps = s.steps();
                    assertEquals(0, steps[0]);
                    assertEquals(maxSteps, steps[steps.length - 1]);
                    assertTrue(steps.length <= ppd * (Math.log10(maxSteps) + 1) + 2, "size " + steps.length);
                    for (int i = 1; i < steps.length; i++) {
                        assertTrue(steps[i] > steps[i - 1]);
                        assertTrue(s.contains(steps[i]));
                        assertEquals(steps[i], s.next(steps[i - 1]));
                    }
                });
    }

    @Test
    void denseScheduleRecordsEveryEarlyStep() {
        LogSchedule s = new LogSchedule(1_000_000, 1000);
        for (long t = 0; t <= 400; t++) {
            assertTrue(s.contains(t), "step " + t);
        }
        assertTrue(s.steps().length < 1000 * 7 + 2);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new LogSchedule(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> new LogSchedule(10, 0));
    }
}
