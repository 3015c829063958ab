package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.benignlab.experiments.results.ResultStore;
import org.benignlab.experiments.spec.ExperimentLoaderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever a valid experiment file is mutated into (a key deleted, a value swapped for
 * another type or for garbage, a line of garbage inserted, a line repeated, the file truncated), the
 * command line never throws, never prints a stack trace, exits 0, 1 or 2, says one short line of text
 * (no control character) when it exits 2, and never exits 0 without a complete summary.json for every planned run. QuickTheories with a
 * fixed seed and 300 mutations; training is capped at 20 steps so each case takes milliseconds.
 */
class MutatedInputFuzzIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A valid file with a small sweep, so sweeps are mutated too; 20 steps, so each case takes milliseconds. */
    static final String BASE = ExperimentLoaderTest.VALID.replace("steps: 100", "steps: 20")
            + "sweep:\n  grid:\n    data.mu: [3, 9]\n  repetitions: 2\n";

    static final List<String> GARBAGE = List.of("", "0", "-1", "1e308", "-1e308", ".nan", ".inf", "[1, 2]", "{a: 1}",
            "~", "'x'", "true", "p^2", "1/0", "&a x", "*a", "!!int 3", "!!java.net.URL [x]", "\"unterminated", "{", "]",
            ":", "- a", "2147483648", "9223372036854775808", "n", "mu*mu", "sqrt(-1)", "\t", "é", "0x10", "1_000",
            "[[[[[[[[[[", "null", "{type: relu}", "{type: nope}", "data.p", "%", "@", "`",
            // control characters, a long value, constants, a second document, integers beyond a double's
            "\"x\\ny\"", "\"\\e[2J\\0\"", "x".repeat(5000), "pi", "e*2", "---", "9007199254740993");

    @TempDir
    Path dir;

    static String mutate(String text, int op, int a, int b) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int i = Math.floorMod(a, lines.size());
        String g = GARBAGE.get(Math.floorMod(b, GARBAGE.size()));
        String line = lines.get(i);
        int colon = line.indexOf(':');
        switch (op) {
            case 0 -> lines.remove(i); // delete a key (or a whole block header)
            case 1 -> lines.set(i, colon < 0 ? g : line.substring(0, colon + 1) + " " + g); // value -> garbage
            case 2 -> lines.add(i, g.isEmpty() ? "junk" : g); // insert a line of garbage
            case 3 -> lines.add(i, line); // duplicate a line (duplicate key)
            case 4 -> { // truncate the file at a character
                String all = String.join("\n", lines);
                return all.substring(0, Math.floorMod(b * 31 + a, all.length() + 1));
            }
            default -> { // swap two lines (breaks structure or moves a key into another block)
                int j = Math.floorMod(b, lines.size());
                String t = lines.get(j);
                lines.set(j, line);
                lines.set(i, t);
            }
        }
        return String.join("\n", lines) + "\n";
    }

    @Test
    void noMutationMakesTheCommandLineThrowLeakAStackTraceOrLieAboutSuccess() {
        AtomicInteger counter = new AtomicInteger();
        int[] codes = new int[3];
        qt().withFixedSeed(20261129L).withExamples(300)
                .forAll(integers().between(0, 5), integers().between(0, 10_000), integers().between(0, 10_000))
                .checkAssert((op, a, b) -> {
                    String yaml = mutate(BASE, op, a, b);
                    Path case_ = dir.resolve("case-" + counter.incrementAndGet());
                    try {
                        Files.createDirectories(case_);
                        Path f = case_.resolve("e.yaml");
                        Files.writeString(f, yaml);
                        Path out = case_.resolve("out");
                        CliTest.Result r = CliTest.cli("run", f.toString(), "--out", out.toString(), "--threads", "2",
                                "--progress", "off", "--no-report");
                        String all = r.out() + r.err();
                        assertTrue(r.code() >= 0 && r.code() <= 2, "exit code " + r.code() + " for:\n" + yaml + all);
                        codes[r.code()]++;
                        assertFalse(all.contains("\tat ") || all.contains("Exception in thread"),
                                "stack trace for:\n" + yaml + all);
                        if (r.code() == 2) {
                            assertEquals(1, r.err().strip().lines().count(), "one line for:\n" + yaml + r.err());
                            assertTrue(r.err().length() < 600 && r.err().strip().chars().noneMatch(Character::isISOControl),
                                    "a short line of text for:\n" + yaml + r.err());
                            assertFalse(Files.exists(out.resolve(ResultStore.MANIFEST)), "nothing written:\n" + yaml);
                        }
                        if (r.code() == 0) {
                            JsonNode manifest = JSON.readTree(out.resolve(ResultStore.MANIFEST).toFile());
                            assertTrue(manifest.get("runs").size() >= 1);
                            for (JsonNode run : manifest.get("runs")) {
                                JsonNode s = JSON.readTree(out.resolve(run.get("key").asText())
                                        .resolve(ResultStore.SUMMARY).toFile());
                                assertTrue(List.of("completed", "diverged").contains(s.get("status").asText()),
                                        "exit 0 with a run " + s.get("status") + " for:\n" + yaml);
                                assertTrue(s.has("test_error") && s.has("steps"), "whole summary:\n" + yaml);
                            }
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        // the mutations reach both sides: some files still run, many are refused
        assertTrue(codes[0] > 10 && codes[2] > 100, "exit codes 0/1/2: " + codes[0] + "/" + codes[1] + "/" + codes[2]);
    }
}
