package org.benignlab.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The peer comparison's Java side accepts every engine name its script passes (span-lean is the span engine recording
 * what NumPy records), alone or after another; a tiny run, not a measurement.
 */
class PeerComparisonTest {
    private static List<String> results(String engines) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            PeerComparison.main(new String[] {"--n", "8", "--p", "40", "--m", "6", "--steps", "3", "--test", "10",
                    "--threads", "1", "--engines", engines});
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("RESULT")).toList();
    }

    @Test
    void spanLeanRunsAloneAndAfterOtherEngines() throws Exception {
        List<String> alone = results("span-lean");
        assertEquals(1, alone.size(), alone.toString());
        assertTrue(alone.get(0).startsWith("RESULT engine=java-span-lean "), alone.get(0));
        List<String> all = results("dense,span-lean,span");
        assertEquals(3, all.size(), all.toString());
        // the same data and arithmetic: the lean span run ends at the span run's loss
        assertEquals(field(all.get(1), "loss"), field(all.get(2), "loss"));
    }

    private static String field(String line, String key) {
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        throw new AssertionError(key + " not in " + line);
    }
}
