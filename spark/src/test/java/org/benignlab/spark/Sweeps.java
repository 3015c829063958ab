package org.benignlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.benignlab.api.ActivationProvider;
import org.benignlab.api.CsvCells;
import org.benignlab.experiments.cli.BenignCli;
import org.benignlab.experiments.results.ResultStore;

/** The sweeps, command line and result-folder reading the Spark tests share. */
final class Sweeps {
    private Sweeps() {
    }

    /**
     * The sweep of the experiments module's SweepIT: 3 x 2 configurations x 2 repetitions of small sketch runs
     * (about 0.1 s each).
     */
    static final String SWEEP = """
            name: sweep-it
            seed: 3
            data: {n: 30, p: 20000, mu: "p^0.3", cluster: {type: gaussian}, noise: {type: random-flip, rate: 0.1}, test: 500}
            network: {width: 20, activation: {type: smoothed-leaky-relu, gamma: 0.1, H: 1.0}, init: 1.0e-9}
            training: {loss: {type: logistic}, optimizer: {type: gd, step: "1/p"}, steps: 300, engine: sketch}
            sweep:
              grid:
                data.mu: ["p^0.2", "p^0.3", "p^0.4"]
                network.width: [10, 20]
              repetitions: 2
            """;

    /** What the command printed and returned. */
    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** Runs the benign command line in this JVM. */
    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenignCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    static Path write(Path dir, String name, String yaml) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    /** runs.csv as a set of rows without the seconds column (timing is the one thing that may differ). */
    static Set<List<String>> rows(Path results) throws IOException {
        List<String> lines = Files.readAllLines(results.resolve(ResultStore.RUNS_CSV));
        List<String> header = split(lines.get(0));
        int seconds = header.indexOf("seconds");
        assertTrue(seconds >= 0, "runs.csv has a seconds column: " + header);
        Set<List<String>> out = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = new ArrayList<>(split(line));
            assertEquals(header.size(), cells.size(), "whole row: " + line);
            cells.remove(seconds);
            assertTrue(out.add(cells), "duplicate row " + line);
        }
        return out;
    }

    /** The run keys of a results folder, in manifest order. */
    static List<String> keys(Path results) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(results.resolve(ResultStore.MANIFEST).toFile());
        List<String> keys = new ArrayList<>();
        manifest.get("runs").forEach(r -> keys.add(r.get("key").asText()));
        return keys;
    }

    /** Every run of {@code a} has a metrics.csv byte for byte equal to the one of {@code b}. */
    static void assertSameMetrics(Path a, Path b) throws IOException {
        List<String> keys = keys(a);
        assertEquals(keys, keys(b));
        for (String key : keys) {
            byte[] left = Files.readAllBytes(a.resolve(key).resolve(ResultStore.METRICS));
            byte[] right = Files.readAllBytes(b.resolve(key).resolve(ResultStore.METRICS));
            assertTrue(java.util.Arrays.equals(left, right), "metrics.csv of run " + key + " differs");
        }
    }

    /** One line of RFC 4180 CSV ({@link CsvCells#split}). */
    static List<String> split(String line) {
        return CsvCells.split(line);
    }

    /** The class of the plugin jar {@link #pluginJar} builds. */
    static final String PLUGIN_CLASS = "org.example.sparkjar.SoftplusLeakyProvider";

    /** The type key of its activation. */
    static final String PLUGIN_KEY = "jar-softplus-leaky";

    /**
     * φ(z) = γz + (1-γ)(softplus(z) - ln 2): φ(0) = 0, φ' = γ + (1-γ)σ(z) in (γ, 1), φ'' = (1-γ)σ(1-σ) <= (1-γ)/4.
     */
    private static final String PLUGIN_SOURCE = """
            package org.example.sparkjar;

            import java.util.OptionalDouble;
            import org.benignlab.api.Activation;
            import org.benignlab.api.ActivationProvider;
            import org.benignlab.api.Specs;

            public final class SoftplusLeakyProvider implements ActivationProvider<SoftplusLeakyProvider.Spec> {
                public record Spec(Double gamma) {
                    public Spec {
                        gamma = Specs.inRange("gamma", Specs.orDefault(gamma, 0.1), 0, false, 1, true);
                    }
                }

                public String type() {
                    return "KEY";
                }

                public Class<Spec> specType() {
                    return Spec.class;
                }

                public Spec exampleSpec() {
                    return new Spec(null);
                }

                public Activation create(Spec spec) {
                    double g = spec.gamma();
                    return new Activation() {
                        private double sigmoid(double z) {
                            return 1 / (1 + Math.exp(-z));
                        }

                        public double value(double z) {
                            double softplus = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
                            return g * z + (1 - g) * (softplus - Math.log(2));
                        }

                        public double derivative(double z) {
                            return g + (1 - g) * sigmoid(z);
                        }

                        public double secondDerivative(double z) {
                            double s = sigmoid(z);
                            return (1 - g) * s * (1 - s);
                        }

                        public OptionalDouble leakiness() {
                            return OptionalDouble.of(g);
                        }

                        public OptionalDouble smoothness() {
                            return OptionalDouble.of((1 - g) / 4);
                        }
                    };
                }

                public String description() {
                    return "A softplus leaky activation from a plugin jar built by the spark tests.";
                }
            }
            """;

    /**
     * Compiles the plugin against the api on the test class path and packages it with its services file as
     * {@code dir/name}.
     */
    static Path pluginJar(Path dir, String name) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests need a JDK (javax.tools.ToolProvider found no compiler)");
        Path work = Files.createTempDirectory(dir, "plugin-");
        Path src = work.resolve("src/org/example/sparkjar/SoftplusLeakyProvider.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, PLUGIN_SOURCE.replace("KEY", PLUGIN_KEY));
        Path classes = Files.createDirectories(work.resolve("classes"));
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "--release", "17", "-classpath",
                location(ActivationProvider.class), "-d", classes.toString(), src.toString());
        assertEquals(0, rc, "compiling the plugin failed:\n" + diagnostics.toString(StandardCharsets.UTF_8));
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path c : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(c));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + ActivationProvider.class.getName()));
            out.write((PLUGIN_CLASS + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
