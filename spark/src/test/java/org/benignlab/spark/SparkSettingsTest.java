package org.benignlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.benignlab.experiments.run.PluginCatalog;
import org.benignlab.experiments.run.RunExecutorProvider;
import org.benignlab.experiments.spec.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor's options and what it says before any Spark context exists (no context is started here). */
class SparkSettingsTest {
    @TempDir
    Path dir;

    @Test
    void optionsAreReadAndChecked() {
        SparkSettings s = SparkSettings.parse(Map.of("master", " local[2] ", "ship-plugins", "YES",
                "spark.executor.memory", "4g"));
        assertEquals("local[2]", s.master());
        assertEquals(SparkSettings.Ship.YES, s.shipPlugins());
        assertEquals(Map.of("spark.executor.memory", "4g"), s.sparkConf());
        SparkSettings none = SparkSettings.parse(Map.of());
        assertNull(none.master());
        assertEquals(SparkSettings.Ship.AUTO, none.shipPlugins());

        Map<Map<String, String>, String> bad = Map.of(
                Map.of("colour", "blue"), "--executor-option colour: not an option of the spark executor",
                Map.of("ship-plugins", "maybe"), "--executor-option ship-plugins: must be auto, yes or no, got 'maybe'",
                Map.of("spark.master", "local"), "--executor-option spark.master: give the master with --master URL",
                Map.of("master", ""), "--master: must be a Spark master URL",
                Map.of("spark.", "x"), "--executor-option spark.: not an option");
        bad.forEach((options, message) -> {
            InputException e = assertThrows(InputException.class, () -> SparkSettings.parse(options));
            assertTrue(e.getMessage().startsWith(message), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        });
    }

    @Test
    void shippingIsAutomaticForMastersOutsideThisJvm() {
        assertFalse(SparkSettings.Ship.AUTO.ships(true));
        assertTrue(SparkSettings.Ship.AUTO.ships(false));
        assertTrue(SparkSettings.Ship.YES.ships(true));
        assertFalse(SparkSettings.Ship.NO.ships(false));
    }

    @Test
    void localMastersTellTheirSlots() {
        assertEquals(1, SparkSettings.localSlots("local"));
        assertEquals(2, SparkSettings.localSlots("local[2]"));
        assertEquals(3, SparkSettings.localSlots("local[3,4]"));
        assertEquals(Runtime.getRuntime().availableProcessors(), SparkSettings.localSlots("local[*]"));
        assertEquals(-1, SparkSettings.localSlots("local[0]"));
        assertEquals(-1, SparkSettings.localSlots("local-cluster[2,1,1024]"));
        assertEquals(-1, SparkSettings.localSlots("spark://host:7077"));
    }

    @Test
    void theExecutorDescribesItselfWithoutStartingSpark() {
        assertEquals("spark (local[2], 2 tasks at a time)",
                new SparkExecutor(SparkSettings.parse(Map.of("master", "local[2]")), List.of()).describe());
        assertEquals("spark (local[4], 2 tasks at a time)", new SparkExecutor(SparkSettings.parse(
                Map.of("master", "local[4]", "spark.task.cpus", "2")), List.of()).describe());
        assertEquals("spark (local, 1 task at a time)",
                new SparkExecutor(SparkSettings.parse(Map.of("master", "local")), List.of()).describe());
        assertEquals("spark (spark://host:7077, as many tasks at a time as the cluster has cores)",
                new SparkExecutor(SparkSettings.parse(Map.of("master", "spark://host:7077")), List.of()).describe());
    }

    @Test
    void aBadTaskCpuCountIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> new SparkExecutor(
                SparkSettings.parse(Map.of("master", "local[2]", "spark.task.cpus", "two")), List.of()));
        assertEquals("--executor-option spark.task.cpus: must be a whole number of cores, got 'two'", e.getMessage());
    }

    @Test
    void withoutAMasterTheExecutorSaysHowToGiveOne() {
        InputException e = assertThrows(InputException.class,
                () -> new SparkExecutor(SparkSettings.parse(Map.of()), List.of()));
        assertTrue(e.getMessage().contains("give --master URL"), e.getMessage());
    }

    @Test
    void pluginJarsWithTheSameNameCannotBeShipped() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a")).resolve("p.jar");
        Path b = Files.createDirectories(dir.resolve("b")).resolve("p.jar");
        Files.writeString(a, "");
        Files.writeString(b, "");
        SparkSettings cluster = SparkSettings.parse(Map.of("master", "spark://host:7077"));
        InputException e = assertThrows(InputException.class, () -> new SparkExecutor(cluster, List.of(a, b)));
        assertTrue(e.getMessage().contains("same file name"), e.getMessage());
        // by path (a local master) they are two plugins like any other
        assertEquals(List.of(a, b),
                new SparkExecutor(SparkSettings.parse(Map.of("master", "local[2]")), List.of(a, b)).pluginJars());
    }

    @Test
    void theCommandFindsTheExecutorByServiceLoader() {
        Map<String, RunExecutorProvider> executors = PluginCatalog.builtIn().executors();
        assertTrue(executors.get("spark") instanceof SparkExecutorProvider, executors.toString());
        assertTrue(executors.containsKey("local"));
    }
}
