package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.benignlab.experiments.spec.ExperimentLoaderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line's contract for bad input: one line on stderr, exit code 2, nothing written. */
class CliTest {
    @TempDir
    Path dir;

    /** Output of one invocation. */
    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenignCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("unknown plugin key", new String[] {"--set", "network.activation.type=relu7"},
                        "network.activation.type: unknown activations type 'relu7'; known: "),
                Arguments.of("value out of range", new String[] {"--set", "network.activation.gamma=1.5"},
                        "network.activation.gamma: must be in (0, 1], got 1.5"),
                Arguments.of("wrong type", new String[] {"--set", "data.p=[3]"},
                        "data.p: must be a number or an expression, got a list"),
                Arguments.of("unknown field with suggestion", new String[] {"--set", "network.widht=3"},
                        "network.widht: unknown key; did you mean 'width'?"),
                Arguments.of("bad expression", new String[] {"--set", "data.mu=p^^2"},
                        "data.mu: 'p^^2' is neither a number nor a valid expression"),
                Arguments.of("expression dividing by zero", new String[] {"--set", "training.optimizer.step=1/(p-p)"},
                        "training.optimizer.step: expression '1/(p-p)' divides by zero"),
                Arguments.of("self reference", new String[] {"--set", "data.p=p+1"},
                        "data.p: expression 'p+1' refers to itself"),
                Arguments.of("unknown engine", new String[] {"--set", "training.engine=gpu"},
                        "training.engine: must be one of auto, sketch, span, dense, got 'gpu'"),
                Arguments.of("negative step", new String[] {"--set", "training.optimizer.step=-1"},
                        "training.optimizer.step: "),
                Arguments.of("zero width", new String[] {"--set", "network.width=0"},
                        "network.width: must be an integer >= 1, got 0"),
                Arguments.of("bad threads", new String[] {"--threads", "0"}, "--threads: must be an integer from 1"),
                Arguments.of("unknown option", new String[] {"--frobnicate"}, "Unknown option: '--frobnicate'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputGivesOneLineAndExitCode2(String label, String[] extra, String expected) throws Exception {
        Path file = dir.resolve("e.yaml");
        Files.writeString(file, ExperimentLoaderTest.VALID);
        Path out = dir.resolve("out");
        String[] args = Stream.concat(Stream.of("run", file.toString(), "--out", out.toString()), Stream.of(extra))
                .toArray(String[]::new);
        Result r = cli(args);
        assertEquals(2, r.code(), label + ": " + r.err());
        assertTrue(r.err().contains(expected), label + ": expected '" + expected + "' in: " + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(out), "no results folder for bad input");
    }

    @Test
    void missingFileAndDirectoryAsFile() {
        Result missing = cli("run", dir.resolve("absent.yaml").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("absent.yaml: no such file"), missing.err());
        Result directory = cli("run", dir.toString());
        assertEquals(2, directory.code());
        assertTrue(directory.err().contains("is a directory"), directory.err());
    }

    @Test
    void unreadablePluginJarIsInputError() throws Exception {
        Path jar = dir.resolve("broken.jar");
        Files.writeString(jar, "not a zip");
        Result r = cli("plugins", "--plugins", jar.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("broken.jar: not a readable jar"), r.err());
    }

    @Test
    void pluginsListsEveryExtensionPointWithProperties() {
        Result r = cli("plugins");
        assertEquals(0, r.code(), r.err());
        for (String key : new String[] {"smoothed-leaky-relu", "leaky-relu", "identity", "gaussian", "none",
                "random-flip", "logistic", "gd"}) {
            assertTrue(r.out().contains("  " + key + " "), key + " missing in:\n" + r.out());
        }
        String gaussian = r.out().substring(r.out().indexOf("  gaussian "));
        assertTrue(gaussian.lines().limit(3).anyMatch(l -> l.contains("paper_assumptions=yes")), r.out());
        String leaky = r.out().substring(r.out().indexOf("  leaky-relu "));
        assertTrue(leaky.lines().limit(4).anyMatch(l -> l.contains("H=none")), "leaky-relu declares no H:\n" + r.out());
        assertTrue(r.out().contains("linear_in_gradients=yes"), r.out());
    }

    @Test
    void noCommandIsUsageError() {
        assertEquals(2, cli().code());
    }
}
