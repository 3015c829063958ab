package org.benignlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.benignlab.api.ActivationProvider;
import org.benignlab.experiments.run.RunExecutorProvider;
import org.benignlab.experiments.results.ResultStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The artifacts as a user runs them, each in a JVM of its own: {@code java -jar benign.jar run ... --executor
 * spark --plugins target/benign-spark.jar}, and {@code target/benign-spark-submit.jar} under Spark's
 * {@code SparkSubmit} (what the spark-submit script starts) on a local master and on a local cluster whose
 * executor is a separate JVM that fetches the plugin jar. Each gives the metrics of the local executor.
 */
class LaunchedJarsIT {
    private static final long TIMEOUT_SECONDS = 180;

    @TempDir
    static Path shared;
    private static Path plugin;
    private static Path sweep;
    private static Path expected;

    @TempDir
    Path dir;

    private static Path property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            fail("system property " + name + " is set by the failsafe configuration of spark/pom.xml");
        }
        return Path.of(value);
    }

    private static List<String> jvmFlags() {
        return Arrays.stream(System.getProperty("benign.spark.jvm.flags", "").trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The sweep (6 runs, with the plugin jar's activation) run in this JVM by the local executor: what every
     * launched artifact must reproduce.
     */
    @BeforeAll
    static void expectedResults() throws Exception {
        plugin = Sweeps.pluginJar(shared, "softplus-leaky.jar");
        sweep = Sweeps.write(shared, "plugin.yaml", Sweeps.SWEEP
                .replace("type: smoothed-leaky-relu, gamma: 0.1, H: 1.0", "type: " + Sweeps.PLUGIN_KEY + ", gamma: 0.2")
                .replace("repetitions: 2", "repetitions: 1"));
        expected = shared.resolve("local");
        Sweeps.Result r = Sweeps.cli("run", sweep.toString(), "--out", expected.toString(), "--threads", "2",
                "--progress", "off", "--plugins", plugin.toString());
        assertEquals(0, r.code(), r.all());
    }

    private record Launched(int code, String out, String err) {
        String all() {
            return out + "\n" + err;
        }
    }

    private Launched launch(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out-", ".txt");
        Path err = Files.createTempFile(dir, "err-", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("no answer in " + TIMEOUT_SECONDS + " s from " + command + ":\n" + Files.readString(err));
        }
        return new Launched(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private void assertSameAsLocal(Path results, Launched l) throws IOException {
        assertEquals(0, l.code(), l.all());
        assertEquals(6, Sweeps.rows(results).size(), l.all());
        assertEquals(Sweeps.rows(expected), Sweeps.rows(results));
        Sweeps.assertSameMetrics(expected, results);
        String provenance = Files.readString(results.resolve(Sweeps.keys(results).get(0)).resolve(ResultStore.PROVENANCE));
        assertTrue(provenance.contains(Sweeps.PLUGIN_CLASS), provenance);
    }

    private List<String> sparkSubmit(String classPath, String master, Path out) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(jvmFlags());
        cmd.addAll(List.of("-cp", classPath, "org.apache.spark.deploy.SparkSubmit",
                "--master", master, "--conf", "spark.ui.enabled=false", "--conf", "spark.log.level=WARN",
                "--class", "org.benignlab.experiments.cli.BenignCli", property("benign.spark.submit.jar").toString(),
                "run", sweep.toString(), "--out", out.toString(), "--executor", "spark", "--progress", "log",
                "--plugins", plugin.toString()));
        return cmd;
    }

    @Test
    void theJarsAreWhatTheirUsersNeed() throws Exception {
        try (JarFile plugin = new JarFile(property("benign.spark.jar").toFile())) {
            String classPath = plugin.getManifest().getMainAttributes().getValue("Class-Path");
            assertTrue(classPath != null && classPath.contains("spark-lib/spark-core_2.13-"), "Class-Path: " + classPath);
            for (String entry : classPath.split(" ")) {
                assertTrue(Files.isRegularFile(property("benign.spark.jar").resolveSibling(entry)), entry);
            }
            assertEquals(SparkExecutorProvider.class.getName(), services(plugin, RunExecutorProvider.class).strip());
        }
        try (JarFile submit = new JarFile(property("benign.spark.submit.jar").toFile())) {
            Attributes main = submit.getManifest().getMainAttributes();
            assertEquals("org.benignlab.experiments.cli.BenignCli", main.getValue("Main-Class"));
            assertNull(main.getValue("Class-Path"), "no spark-lib on a cluster");
            // merged services: the executor and every built-in plugin
            assertEquals(SparkExecutorProvider.class.getName(), services(submit, RunExecutorProvider.class).strip());
            assertTrue(services(submit, ActivationProvider.class).contains("SmoothedLeakyReluProvider"));
            assertNull(submit.getEntry("org/apache/spark/SparkContext.class"), "Spark is the cluster's");
            assertNull(submit.getEntry("com/fasterxml/jackson/databind/ObjectMapper.class"), "Jackson is relocated");
            assertNotNull(submit.getEntry("org/benignlab/spark/shaded/jackson/databind/ObjectMapper.class"));
        }
    }

    private static String services(JarFile jar, Class<?> service) throws IOException {
        JarEntry e = jar.getJarEntry("META-INF/services/" + service.getName());
        assertNotNull(e, "services file of " + service.getName() + " in " + jar.getName());
        try (var in = jar.getInputStream(e)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void theBenignJarRunsTheSweepWithTheExecutorAsAPluginJar() throws Exception {
        Path out = dir.resolve("spark");
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(jvmFlags());
        cmd.addAll(List.of("-jar", property("benign.it.dir").resolve("benign.jar").toString(), "run", sweep.toString(),
                "--out", out.toString(), "--executor", "spark", "--master", "local[2]", "--progress", "log",
                "--executor-option", "spark.ui.enabled=false",
                "--plugins", property("benign.spark.jar").toString(), "--plugins", plugin.toString()));
        Launched l = launch(cmd, Map.of());
        assertSameAsLocal(out, l);
        assertTrue(l.out().contains("spark (local[2], 2 tasks at a time)"), l.out());
        assertFalse(l.err().contains(" INFO "), "Spark's logging is quiet under the benign command:\n" + l.err());
    }

    @Test
    void theSubmitJarRunsUnderSparkSubmitWithItsMaster() throws Exception {
        Path out = dir.resolve("submitted");
        // no --master for benign: the executor takes the one spark-submit put in the Spark configuration
        Launched l = launch(sparkSubmit(sparkClassPath(), "local[2]", out), Map.of());
        assertSameAsLocal(out, l);
        assertTrue(l.out().contains("spark (local[2], 2 tasks at a time)"), l.out());
    }

    @Test
    void onALocalClusterTheExecutorFetchesThePluginJar() throws Exception {
        // a Spark installation as the cluster's workers see it: SPARK_HOME/jars
        Path home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String entry : sparkClassPath().split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (entry.endsWith(".jar") && !Files.exists(jars.resolve(jar.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
            }
        }
        Path out = dir.resolve("cluster");
        Launched l = launch(sparkSubmit(jars.resolve("*").toString(), "local-cluster[1,2,1024]", out),
                Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13"));
        assertSameAsLocal(out, l);
    }

    private static String sparkClassPath() throws IOException {
        return Files.readString(property("benign.it.dir").resolve("spark.classpath")).strip();
    }
}
