package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.benignlab.experiments.results.ResultStore;
import org.benignlab.experiments.spec.ExperimentLoaderTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of bad input through the real command line: each case gives exit code 2, one line on
 * stderr that contains the expected fragment (a regular expression), no stack trace, and leaves no
 * results folder a later run would misread (none at all, or the earlier one untouched).
 */
class BadInputCatalogIT {
    @TempDir
    Path dir;

    /** How a case sets up its input: returns the arguments after "benign". */
    @FunctionalInterface
    interface Setup {
        List<String> args(Path dir, Path valid, Path out) throws Exception;
    }

    private static Arguments set(String label, String expected, String... sets) {
        return Arguments.of(label, expected, (Setup) (d, valid, out) -> {
            List<String> a = new ArrayList<>(List.of("run", valid.toString(), "--out", out.toString()));
            for (String s : sets) {
                a.add("--set");
                a.add(s);
            }
            return a;
        });
    }

    private static Arguments file(String label, String expected, String yaml) {
        return Arguments.of(label, expected, (Setup) (d, valid, out) -> {
            Path f = d.resolve("bad.yaml");
            Files.writeString(f, yaml);
            return List.of("run", f.toString(), "--out", out.toString());
        });
    }

    private static Arguments args(String label, String expected, String... extra) {
        return Arguments.of(label, expected, (Setup) (d, valid, out) -> {
            List<String> a = new ArrayList<>(List.of("run", valid.toString(), "--out", out.toString()));
            a.addAll(List.of(extra));
            return a;
        });
    }

    static Stream<Arguments> cases() {
        String v = ExperimentLoaderTest.VALID;
        return Stream.of(
                // YAML syntax and safety
                file("unclosed flow list", "bad\\.yaml:\\d+:\\d+: invalid YAML", v + "extra: [1, 2\n"),
                file("tab indentation", "bad\\.yaml:\\d+:\\d+: invalid YAML", "name: t\ndata:\n\tn: 3\n"),
                file("duplicate key", "bad\\.yaml:\\d+:\\d+: invalid YAML: .*[Dd]uplicate", v + "seed: 8\n"),
                file("empty file", "bad\\.yaml: is empty", ""),
                file("a list, not a mapping", "must be a mapping of keys", "- 1\n- 2\n"),
                file("type tag", "bad\\.yaml:2:\\d+: YAML type tags .* are not supported", "name: t\nseed: !!int 3\n"),
                file("class name tag", "YAML type tags \\(tag:yaml.org,2002:javax.script.ScriptEngineManager\\)",
                        "name: t\ndata: !!javax.script.ScriptEngineManager [1]\n"),
                file("billion laughs", "anchors and aliases .* are not supported",
                        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"),
                file("nesting too deep", "invalid YAML", "name: t\nx: " + "[".repeat(200) + "]".repeat(200) + "\n"),
                file("document too large", "bad\\.yaml: is \\d+ bytes; experiment files are limited to 1048576 bytes",
                        v + "# " + "x".repeat(1_100_000) + "\n"),
                // types and required keys
                set("list where a number goes", "data\\.p: must be a number or an expression, got a list", "data.p=[3]"),
                set("mapping where a number goes", "data\\.n: must be a number or an expression, got a mapping",
                        "data.n={a: 1}"),
                set("number where a boolean goes", "training\\.stop_at_interpolation: must be true or false, got 3",
                        "training.stop_at_interpolation=3"),
                set("text where a number goes", "network\\.width: unknown name 'wide'", "network.width=wide"),
                set("missing data.n", "data\\.n: .*required", "data.n="),
                set("missing training.steps", "training\\.steps: .*required", "training.steps="),
                set("missing name", "name: .*required", "name="),
                set("mapping where a plugin block goes", "data\\.noise: must be a mapping with a 'type' key",
                        "data.noise=3"),
                // unknown keys
                set("unknown key with suggestion", "network\\.widht: unknown key; did you mean 'width'\\?",
                        "network.widht=3"),
                set("unknown top-level key", "tranining: unknown key; did you mean 'training'\\?", "tranining.steps=3"),
                set("unknown plugin parameter", "network\\.activation\\.gama: unknown key; did you mean 'gamma'\\?",
                        "network.activation.gama=0.5"),
                // out-of-range values
                set("n below 2", "data\\.n: must be an integer >= 2, got 1", "data.n=1"),
                set("p below 1", "data\\.p: must be an integer >= 1, got 0", "data.p=0", "training.optimizer.step=0.01"),
                set("expression dividing by a zero parameter", "training\\.optimizer\\.step: expression '1/p' divides by "
                        + "zero \\(p = 0\\)", "data.p=0"),
                set("fractional n", "data\\.n: must be an integer, got 2\\.5", "data.n=2.5"),
                set("noise rate 1/2", "data\\.noise\\.rate: .*got 0\\.5", "data.noise.rate=0.5"),
                set("negative noise rate", "data\\.noise\\.rate: .*got -0\\.1", "data.noise.rate=-0.1"),
                set("gamma above 1", "network\\.activation\\.gamma: must be in \\(0, 1\\], got 1\\.5",
                        "network.activation.gamma=1.5"),
                set("gamma 0", "network\\.activation\\.gamma: must be in \\(0, 1\\], got 0", "network.activation.gamma=0"),
                set("negative step", "training\\.optimizer\\.step: .*got -1", "training.optimizer.step=-1"),
                set("zero step", "training\\.optimizer\\.step: .*got 0", "training.optimizer.step=0"),
                set("width 0", "network\\.width: must be an integer >= 1, got 0", "network.width=0"),
                set("test size 0", "data\\.test: must be an integer >= 1, got 0", "data.test=0"),
                set("negative mu", "data\\.mu: .*got -1", "data.mu=-1"),
                set("negative seed", "seed: must be an integer >= 0, got -3", "seed=-3"),
                set("negative steps", "training\\.steps: must be an integer >= 0, got -5", "training.steps=-5"),
                // plugins and engines
                set("unknown activation", "network\\.activation\\.type: unknown activations type 'relu7'; known: ",
                        "network.activation.type=relu7"),
                set("unknown optimizer with suggestion", "training\\.optimizer\\.type: unknown .*'gdd'.*did you mean 'gd'",
                        "training.optimizer.type=gdd"),
                set("unknown noise model", "data\\.noise\\.type: unknown .*'flip'; known: ", "data.noise.type=flip"),
                set("second-layer sign other than -1 or +1", "network\\.second_layer\\.sign: must be -1 or \\+1, "
                        + "got 2", "network.second_layer={signs: constant, sign: 2}"),
                set("second-layer values of the wrong length", "network\\.second_layer\\.values: has 3 entries; "
                        + "needs one per hidden unit, width = 10", "network.second_layer={signs: values, values: [1, -1, 1]}"),
                set("unknown loss reduction", "training\\.loss\\.reduction: must be one of mean, sum, got 'total'",
                        "training.loss={type: logistic, reduction: total}"),
                set("unknown var", "data\\.p: unknown name 'ratoi' in expression 'ratoi\\*n'; allowed names: n, p, m, "
                        + "mu, eta, gamma, H, step, ratio", "vars={ratio: 2}", "data.p=ratoi*n"),
                set("cyclic vars", "vars\\.a: expressions refer to each other in a cycle: vars\\.a -> vars\\.b -> vars\\.a",
                        "vars={a: b+1, b: 2*a}"),
                set("var named like a built-in parameter", "vars\\.mu: 'mu' is a built-in parameter \\(data\\.mu\\); "
                        + "choose another name", "vars={mu: 3}"),
                set("unknown plugin key hints at a missing jar", "data\\.cluster\\.type: unknown .*'orthogonal-noise'; "
                        + "known: .* \\(a plugin jar\\? pass it with --plugins DIR\\)$", "data.cluster.type=orthogonal-noise"),
                set("sketch with non-Gaussian clusters", "training\\.engine: 'sketch' cannot run this experiment exactly",
                        "data.cluster.type=rademacher", "training.engine=sketch"),
                set("span with a non-linear optimizer", "training\\.engine: 'span' cannot run this experiment exactly",
                        "training.optimizer={type: adam, step: 0.001}", "training.engine=span"),
                set("unknown engine", "training\\.engine: must be one of auto, sketch, span, dense, got 'gpu'",
                        "training.engine=gpu"),
                set("unknown baseline", "training\\.baselines: must list some of max-margin, min-norm, one-step \\(or "
                        + "\\[\\] for none\\), got 'svm'", "training.baselines=[svm]"),
                set("run that cannot fit the heap", "engine dense needs about .* GiB .* use training\\.engine: sketch",
                        "data.p=50000000", "training.engine=dense"),
                set("engine whose arrays cannot exist", "'dense' cannot run this experiment exactly: width \\* p .* exceeds "
                        + "the largest Java array.*; use training\\.engine: sketch or span", "data.p=1000000000",
                        "training.engine=dense"),
                // expressions
                set("division by zero", "training\\.optimizer\\.step: expression '1/\\(p-p\\)' divides by zero",
                        "training.optimizer.step=1/(p-p)"),
                set("unknown parameter", "data\\.mu: unknown name 'q' in expression 'q\\^2'", "data.mu=q^2"),
                set("self reference", "data\\.p: expression 'p\\+1' refers to itself", "data.p=p+1"),
                set("cycle", "expressions refer to each other in a cycle", "data.p=mu*10", "data.mu=p^0.5"),
                set("malformed expression", "data\\.mu: 'p\\^\\^2' is neither a number nor a valid expression",
                        "data.mu=p^^2"),
                // sweeps
                set("sweep over a path that does not exist", "data\\.foo: unknown key.*\\(in sweep point data\\.foo=1\\)",
                        "sweep.grid.data.foo=[1, 2]"),
                set("empty grid", "sweep\\.grid\\.data\\.p: empty list", "sweep.grid.data.p=[]"),
                set("sweep inside a value", "sweep path data\\.p\\.x: 'data\\.p' is a value, not a mapping",
                        "sweep.grid.data.p.x=[1]"),
                set("zip of unequal lengths", "sweep\\.zip\\.network\\.width: has 1 values but sweep\\.zip\\.data\\.n has 2",
                        "sweep.zip={data.n: [10, 20], network.width: [5]}"),
                set("zero repetitions", "sweep\\.repetitions: must be an integer from 1", "sweep.repetitions=0"),
                set("swept path overridden", "--set data\\.p: this path is swept", "sweep.grid.data.p=[400, 900]",
                        "data.p=500"),
                // command line and files
                Arguments.of("missing file", "absent\\.yaml: no such file", (Setup) (d, valid, out) ->
                        List.of("run", d.resolve("absent.yaml").toString(), "--out", out.toString())),
                Arguments.of("directory given as file", "is a directory; expected an experiment YAML file",
                        (Setup) (d, valid, out) -> List.of("run", d.toString(), "--out", out.toString())),
                Arguments.of("file that is not UTF-8", "bad\\.yaml: is not UTF-8 text", (Setup) (d, valid, out) -> {
                    Path f = d.resolve("bad.yaml");
                    Files.write(f, new byte[] {'n', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
                    return List.of("run", f.toString(), "--out", out.toString());
                }),
                Arguments.of("output folder that cannot be created", "--out .*: cannot create or write the folder",
                        (Setup) (d, valid, out) -> {
                            Path blocker = d.resolve("blocker");
                            Files.writeString(blocker, "a file, not a folder");
                            return List.of("run", valid.toString(), "--out", blocker.resolve("sub").toString());
                        }),
                Arguments.of("output path that is a file", "--out .*: exists and is not a directory",
                        (Setup) (d, valid, out) -> {
                            Path f = d.resolve("plain-file");
                            Files.writeString(f, "x");
                            return List.of("run", valid.toString(), "--out", f.toString());
                        }),
                Arguments.of("results folder of a different experiment", "holds results of a different experiment",
                        (Setup) (d, valid, out) -> {
                            CliTest.Result first = CliTest.cli("run", valid.toString(), "--out", out.toString(),
                                    "--set", "training.steps=5");
                            assertEquals(0, first.code(), first.err());
                            return List.of("run", valid.toString(), "--out", out.toString(), "--set", "training.steps=6");
                        }),
                Arguments.of("unreadable plugin jar", "broken\\.jar: not a readable jar", (Setup) (d, valid, out) -> {
                    Path jar = d.resolve("broken.jar");
                    Files.writeString(jar, "not a zip");
                    return List.of("run", valid.toString(), "--out", out.toString(), "--plugins", jar.toString());
                }),
                Arguments.of("missing plugin jar", "--plugins .*nothing\\.jar: no such file or folder",
                        (Setup) (d, valid, out) -> List.of("run", valid.toString(), "--out", out.toString(), "--plugins",
                                d.resolve("nothing.jar").toString())),
                args("zero threads", "--threads: must be an integer from 1 to 1024, got 0", "--threads", "0"),
                args("override without '='", "--set data\\.p: expected PATH=VALUE", "--set", "data.p"),
                args("override of a non-path", "--set \\.x=1: '\\.x' is not a dotted path of keys", "--set", ".x=1"),
                args("bad shard", "--shard 2/2: must be i/k", "--shard", "2/2"),
                args("bad progress mode", "--progress: must be auto, bar, log or off, got 'fancy'", "--progress", "fancy"),
                args("unknown executor", "--executor hadoop: no such executor; known: local", "--executor", "hadoop"),
                args("unknown option", "Unknown option: '--frobnicate'", "--frobnicate"),
                // reliability round 2 (issue 20): each refused in one line, never an exception
                Arguments.of("npy labels whose header claims 10^9 of them", "data\\.y: y\\.npy is truncated: its header "
                        + "promises \\(1000000000,\\) of <f8 \\(8000000000 bytes of data\\), but only 32 follow",
                        (Setup) (d, valid, out) -> fileData(d, new long[] {1_000_000_000L})),
                Arguments.of("npy labels whose header has a negative dimension", "data\\.y: y\\.npy has a \\.npy header "
                        + "with a negative dimension: shape \\(-5,\\)",
                        (Setup) (d, valid, out) -> fileData(d, new long[] {-5})),
                file("file without a data section", "data: is required: a mapping with n, p, mu",
                        "name: t\nnetwork: {width: 3}\ntraining: {optimizer: {type: gd, step: 0.1}, steps: 3}\n"),
                file("file without network and training sections", "network: is required",
                        "name: t\ndata: {n: 10, p: 20, mu: 1}\n"),
                set("a 5000-character name", "name: must be 1-100 letters, .*got 'a{100}\\.\\.\\.'", "name=" + "a".repeat(5000)),
                file("control characters in a value", "name: .*got 'x\\\\ny\\\\x00z\\\\x1b\\[2J'",
                        v.replace("name: t", "name: \"x\\ny\\0z\\e[2J\"")),
                set("seed beyond the integers", "seed: must be an integer between -?\\d+ and \\d+, got 9223372036854775808",
                        "seed=9223372036854775808"),
                set("seed computed beyond 2^53", "seed: 1\\.0E17 is beyond 2\\^53", "seed=1e17"),
                file("a second YAML document", "bad\\.yaml:\\d+:\\d+: a second YAML document \\(after '---'\\) is not "
                        + "supported", v + "---\nname: other\n"),
                set("metrics per decade beyond the bound on recorded steps", "training\\.metrics_per_decade: must keep "
                        + "the recorded steps to at most 100000 .*got 10000000, which records more of the 10000000 steps; "
                        + "use at most \\d+ per decade", "training.steps=10000000", "training.metrics_per_decade=10000000"),
                Arguments.of("empty --plugins", "--plugins: must name a jar or a folder of jars, got an empty path",
                        (Setup) (d, valid, out) -> List.of("run", valid.toString(), "--out", out.toString(), "--plugins", "")),
                Arguments.of("empty --out", "--out: must name a folder, got an empty path",
                        (Setup) (d, valid, out) -> List.of("run", valid.toString(), "--out", "")),
                Arguments.of("merge of a folder that is not a results folder", "has no manifest\\.json",
                        (Setup) (d, valid, out) -> {
                            Files.createDirectories(d.resolve("empty"));
                            return List.of("merge", d.resolve("empty").toString(), "--out", out.toString());
                        }));
    }

    /** A data file experiment whose labels y.npy have a header with {@code shape} and 4 labels of data. */
    private static List<String> fileData(Path d, long[] shape) throws java.io.IOException {
        Files.writeString(d.resolve("X.csv"), "1,2\n3,4\n5,6\n7,8\n");
        try (java.io.OutputStream o = Files.newOutputStream(d.resolve("y.npy"))) {
            o.write(org.benignlab.experiments.arrays.Npy.header("<f8", shape));
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.putDouble(1).putDouble(-1).putDouble(1).putDouble(-1);
            o.write(b.array());
        }
        Path f = d.resolve("bad.yaml");
        Files.writeString(f, "name: t\ndata: {type: file, x: X.csv, y: y.npy}\nnetwork: {width: 3}\n"
                + "training: {optimizer: {type: gd, step: 0.1}, steps: 3}\n");
        return List.of("run", f.toString(), "--out", d.resolve("out").toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsOneLineExitCode2AndLeavesNothingToMisread(String label, String expected, Setup setup)
            throws Exception {
        Path valid = dir.resolve("valid.yaml");
        Files.writeString(valid, ExperimentLoaderTest.VALID);
        Path out = dir.resolve("out");
        List<String> args = setup.args(dir, valid, out);
        String manifestBefore = Files.exists(out.resolve(ResultStore.MANIFEST))
                ? Files.readString(out.resolve(ResultStore.MANIFEST)) : null;
        CliTest.Result r = CliTest.cli(args.toArray(String[]::new));
        assertEquals(2, r.code(), label + ": " + r.out() + r.err());
        assertTrue(Pattern.compile(expected).matcher(r.err()).find(),
                label + ": expected /" + expected + "/ in: " + r.err());
        assertEquals(1, r.err().strip().lines().count(), label + ": one line: " + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in thread"), "no stack trace: " + r.err());
        assertTrue(r.err().length() < 600, label + ": a line a person reads, not a dump: " + r.err().length() + " chars");
        assertTrue(r.err().strip().chars().noneMatch(c -> Character.isISOControl(c)),
                label + ": no control character reaches the terminal: " + r.err());
        if (label.matches("npy.*|file without.*|a 5000.*|control.*|seed.*|a second.*|empty.*|metrics per.*")) {
            assertTrue(r.err().length() < 300, label + ": " + r.err().length() + " chars");
        }
        if (manifestBefore == null) {
            assertFalse(Files.exists(out), label + ": no results folder for bad input");
        } else {
            assertEquals(manifestBefore, Files.readString(out.resolve(ResultStore.MANIFEST), StandardCharsets.UTF_8),
                    label + ": the earlier results folder is untouched");
        }
    }
}
