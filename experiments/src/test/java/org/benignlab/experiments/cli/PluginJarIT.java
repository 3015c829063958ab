package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.benignlab.activations.IdentityProvider;
import org.benignlab.api.ActivationProvider;
import org.benignlab.experiments.spec.ExperimentLoaderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party plugin jar, for real: a provider compiled at test time against the api only, packaged
 * with its META-INF/services file, and given to the command line with {@code --plugins}. It is listed
 * by {@code benign plugins}, chosen by its key in a run, and a jar whose key clashes with a built-in
 * plugin is refused with one line naming the key and both classes.
 */
class PluginJarIT {
    static final String PROVIDER_CLASS = "org.example.jar.SoftLeakyProvider";

    /**
     * A smooth leaky activation, (1+γ)/2 z + (1-γ)/2 (sqrt(z² + δ²) - δ) with δ = 1/H: φ(0) = 0,
     * φ' in (γ, 1), |φ''| <= (1-γ)H/2. Its spec takes gamma and H, so that the test file's activation
     * block binds onto it by changing only the type. KEY is replaced by the type key.
     */
    static final String SOURCE = """
            package org.example.jar;

            import java.util.Map;
            import java.util.OptionalDouble;
            import org.benignlab.api.Activation;
            import org.benignlab.api.ActivationProvider;
            import org.benignlab.api.Specs;

            public final class SoftLeakyProvider implements ActivationProvider<SoftLeakyProvider.Spec> {
                public record Spec(Double gamma, Double H) {
                    public Spec {
                        gamma = Specs.inRange("gamma", Specs.orDefault(gamma, 0.1), 0, false, 1, true);
                        H = Specs.positive("H", Specs.orDefault(H, 1.0));
                    }
                }

                public String type() {
                    return "KEY";
                }

                public Class<Spec> specType() {
                    return Spec.class;
                }

                public Spec exampleSpec() {
                    return new Spec(null, null);
                }

                public Activation create(Spec spec) {
                    double g = spec.gamma();
                    double d = 1 / spec.H();
                    double h = spec.H();
                    return new Activation() {
                        public double value(double z) {
                            return (1 + g) / 2 * z + (1 - g) / 2 * (Math.hypot(z, d) - d);
                        }

                        public double derivative(double z) {
                            return (1 + g) / 2 + (1 - g) / 2 * z / Math.hypot(z, d);
                        }

                        public double secondDerivative(double z) {
                            double r = Math.hypot(z, d);
                            return (1 - g) / 2 * d * d / (r * r * r);
                        }

                        public OptionalDouble leakiness() {
                            return OptionalDouble.of(g);
                        }

                        public OptionalDouble smoothness() {
                            return OptionalDouble.of(h);
                        }
                    };
                }

                public String description() {
                    return "A smooth leaky activation from a plugin jar.";
                }

                public Map<String, String> properties() {
                    return Map.of("paper_assumptions", "yes");
                }
            }
            """;

    @TempDir
    Path dir;

    /**
     * Compiles {@link #SOURCE} with the given key against the api on the test class path and packages it
     * with its services file as {@code folder/name.jar}.
     */
    Path pluginJar(String key, String folder, String name) throws IOException {
        return pluginJarOf(SOURCE.replace("KEY", key), folder, name);
    }

    /** {@link #pluginJar} from the given source of {@code org.example.jar.SoftLeakyProvider}. */
    Path pluginJarOf(String source, String folder, String name) throws IOException {
        Path src = dir.resolve(folder + "-src/org/example/jar/SoftLeakyProvider.java");
        Path jar = Files.createDirectories(dir.resolve(folder)).resolve(name + ".jar");
        return compileJar(src, source, dir.resolve(folder + "-classes"), location(ActivationProvider.class),
                ActivationProvider.class, PROVIDER_CLASS, jar);
    }

    /**
     * Writes {@code source} to {@code src}, compiles it for Java 17 against {@code classpath} into {@code classes}
     * and packages the classes as {@code jar} with a services file registering {@code providerClass} for
     * {@code service}.
     */
    static Path compileJar(Path src, String source, Path classes, String classpath, Class<?> service,
            String providerClass, Path jar) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests need a JDK (javax.tools.ToolProvider found no compiler)");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Files.createDirectories(classes);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "--release", "17", "-classpath", classpath,
                "-d", classes.toString(), src.toString());
        assertEquals(0, rc, "compiling the plugin failed:\n" + diagnostics.toString(StandardCharsets.UTF_8));
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path c : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(c));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + service.getName()));
            out.write((providerClass + "\n").getBytes(StandardCharsets.UTF_8));
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

    Path experimentFile() throws IOException {
        Path file = dir.resolve("e.yaml");
        Files.writeString(file, ExperimentLoaderTest.VALID);
        return file;
    }

    @Test
    void pluginsListsTheJarsProviderGivenAsAJarOrAFolder() throws Exception {
        Path jar = pluginJar("jar-soft-leaky", "plugins", "soft-leaky");
        for (Path given : List.of(jar, jar.getParent())) {
            CliTest.Result r = CliTest.cli("plugins", "--plugins", given.toString());
            assertEquals(0, r.code(), r.err());
            String listing = r.out().substring(r.out().indexOf("activations"), r.out().indexOf("cluster distributions"));
            assertTrue(listing.contains("  jar-soft-leaky "), "the jar's key among the activations:\n" + r.out());
            assertTrue(listing.contains(PROVIDER_CLASS), r.out());
            assertTrue(listing.contains("A smooth leaky activation from a plugin jar."), r.out());
            assertTrue(listing.contains("  identity "), "the built-in plugins are still there:\n" + r.out());
        }
        CliTest.Result without = CliTest.cli("plugins");
        assertFalse(without.out().contains("jar-soft-leaky"), "listed only when the jar is given");
    }

    @Test
    void runUsesTheJarsActivationByItsKey() throws Exception {
        Path jar = pluginJar("jar-soft-leaky", "plugins", "soft-leaky");
        Path out = dir.resolve("out");
        CliTest.Result r = CliTest.cli("run", experimentFile().toString(), "--out", out.toString(),
                "--plugins", jar.toString(), "--set", "network.activation.type=jar-soft-leaky",
                "--set", "network.activation.gamma=0.2", "--set", "data.p=200", "--set", "data.test=50",
                "--set", "training.steps=20", "--threads", "1");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("status      completed"), r.out());
        List<Path> configs;
        try (Stream<Path> s = Files.walk(out)) {
            configs = s.filter(p -> p.getFileName().toString().equals("config.yaml")).toList();
        }
        assertEquals(1, configs.size(), "one run: " + configs);
        String config = Files.readString(configs.get(0));
        assertTrue(config.contains("jar-soft-leaky"), "the resolved configuration names the plugin:\n" + config);
        assertTrue(config.contains("0.2"), "with its bound parameters:\n" + config);
        // without the jar the same key is unknown: exit 2 listing what exists
        CliTest.Result missing = CliTest.cli("run", experimentFile().toString(), "--out", dir.resolve("out2").toString(),
                "--set", "network.activation.type=jar-soft-leaky");
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("unknown activations type 'jar-soft-leaky'"), missing.err());
        assertTrue(missing.err().strip().endsWith("(a plugin jar? pass it with --plugins DIR)"), missing.err());
    }

    @Test
    void aProviderWithoutAKeyOrWithASpecComponentNamedTypeIsRefusedNamingItsJar() throws Exception {
        Path nullKey = pluginJarOf(SOURCE.replace("return \"KEY\";", "return null;"), "null-key", "null-key");
        Path typeComponent = pluginJarOf(SOURCE.replace("KEY", "jar-typed")
                .replace("record Spec(Double gamma, Double H)", "record Spec(Double gamma, Double H, String type)")
                .replace("new Spec(null, null)", "new Spec(null, null, null)"), "typed", "typed");
        for (Path jar : List.of(nullKey, typeComponent)) {
            CliTest.Result r = CliTest.cli("run", experimentFile().toString(), "--out", dir.resolve("out").toString(),
                    "--plugins", jar.toString());
            assertEquals(2, r.code(), r.out() + r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            assertTrue(r.err().contains(PROVIDER_CLASS) && r.err().contains(jar.toString()),
                    "names the class and its jar: " + r.err());
            assertTrue(r.err().contains(jar == nullKey ? "type() must return a key" : "has a component named 'type'"),
                    r.err());
            assertTrue(r.err().length() < 600, r.err());
        }
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aJarWhoseKeyClashesWithABuiltInPluginIsRefusedOnOneLine() throws Exception {
        Path jar = pluginJar("identity", "clash", "clash");
        Path out = dir.resolve("out");
        for (String[] args : List.of(new String[] {"plugins", "--plugins", jar.toString()},
                new String[] {"run", experimentFile().toString(), "--out", out.toString(), "--plugins", jar.toString()})) {
            CliTest.Result r = CliTest.cli(args);
            assertEquals(2, r.code(), args[0] + ": " + r.out() + r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            assertTrue(r.err().contains("'identity'"), "names the key: " + r.err());
            assertTrue(r.err().contains(IdentityProvider.class.getName()), "names the built-in class: " + r.err());
            assertTrue(r.err().contains(PROVIDER_CLASS), "names the jar's class: " + r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
        assertFalse(Files.exists(out), "nothing written for a refused plugin set");
    }
}
