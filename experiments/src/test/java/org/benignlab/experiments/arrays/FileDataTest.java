package org.benignlab.experiments.arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.benignlab.engine.GivenData;
import org.benignlab.experiments.run.PluginCatalog;
import org.benignlab.experiments.run.RunPlan;
import org.benignlab.experiments.spec.DataSpec;
import org.benignlab.experiments.spec.ExperimentLoader;
import org.benignlab.experiments.spec.ExperimentLoaderTest;
import org.benignlab.experiments.spec.ExperimentSpec;
import org.benignlab.experiments.spec.InputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Data from files ({@code data.type: file}): the loader reads and checks the files, n and p come from their
 * shapes (and serve expressions), their hashes enter the resolved configuration (so the run key follows the
 * content), each problem is one line naming the YAML path, and the engine choice refuses the sketch.
 * Also: the new keys leave the resolved configuration (and so the run key) of drawn data unchanged.
 */
class FileDataTest {
    @TempDir
    Path dir;
    Path yaml;

    @BeforeEach
    void files() throws IOException {
        ArraysFixture.writeGaussianFiles(dir, 12, 40, 30, 1);
        yaml = dir.resolve("e.yaml");
    }

    private ExperimentSpec load(String text, String... overrides) throws IOException {
        Files.writeString(yaml, text);
        return new ExperimentLoader(PluginCatalog.builtIn().registries()).load(yaml, List.of(overrides)).spec();
    }

    private String error(String text, String... overrides) throws IOException {
        Files.writeString(yaml, text);
        InputException e = assertThrows(InputException.class, () -> ArraysFixture.build(yaml, overrides));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private static String key(ExperimentSpec s) {
        return RunPlan.of(s, 0).key();
    }

    @Test
    void sizesComeFromTheFilesAndServeExpressions() throws Exception {
        ExperimentSpec s = load(ArraysFixture.fileExperiment(", test_x: Xt.npy, test_y: yt.npy", ""));
        DataSpec d = s.data();
        assertTrue(d.isFile());
        assertEquals(List.of(12, 40, 30), List.of(d.n(), d.p(), d.test()));
        assertNull(d.mu());
        assertEquals("file", d.cluster().type());
        assertEquals(2.0 / 40, s.training().optimizer().spec().getClass().getRecordComponents()[0]
                .getAccessor().invoke(s.training().optimizer().spec()));
        Map<String, Object> data = RunPlan.of(s, 0).resolved().entrySet().stream()
                .filter(e -> e.getKey().equals("data")).map(e -> castMap(e.getValue())).findFirst().orElseThrow();
        assertEquals("file", data.get("type"));
        assertEquals(Map.of("type", "file"), data.get("cluster"));
        assertFalse(data.containsKey("mu"));
        assertFalse(data.containsKey("folder"));
        assertEquals("X.npy", data.get("x"));
        assertEquals(64, ((String) data.get("x_sha256")).length());
        assertTrue(data.containsKey("test_y_sha256"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void theRunKeyFollowsTheContentOfTheFiles() throws Exception {
        String text = ArraysFixture.fileExperiment("", "");
        String before = key(load(text));
        assertEquals(before, key(load(text)), "same files, same key");
        double[] y = Npy.read(dir.resolve("y.npy")).values();
        y[3] = -y[3];
        ArraysFixture.npy(dir.resolve("y.npy"), y);
        String after = key(load(text));
        assertNotEquals(before, after, "one label changed");
        assertEquals(after, key(load(text, "training.save=[data, final]", "training.save_limit_mib=5")),
                "saving arrays changes no number, so not the key either");
    }

    @Test
    void drawnDataKeepTheirResolvedConfigurationAndRunKey() throws Exception {
        ExperimentSpec s = load(ExperimentLoaderTest.VALID);
        Map<String, Object> data = castMap(RunPlan.of(s, 0).resolved().get("data"));
        assertEquals(List.of("n", "p", "mu", "cluster", "noise", "test"), List.copyOf(data.keySet()));
        Map<String, Object> training = castMap(RunPlan.of(s, 0).resolved().get("training"));
        assertFalse(training.containsKey("save") || training.containsKey("save_limit_mib"));
        ExperimentSpec typed = load(ExperimentLoaderTest.VALID, "data.type=generated", "training.save=[init]");
        assertEquals(key(s), key(typed), "data.type: generated is the default; save is not in the key");
        assertEquals(List.of("init"), typed.training().save());
    }

    @Test
    void csvWithAndWithoutHeaderWhitespaceAndZeroOneLabels() throws Exception {
        Files.writeString(dir.resolve("X.csv"), "f1,f2,f3\n1,2,3\n4, 5 ,6\n\n-1e-3,nan_is_not_here,0\n"
                .replace("nan_is_not_here", "7"));
        Files.writeString(dir.resolve("y.csv"), "label\n1\n0\n1\n");
        ExperimentSpec s = load(ArraysFixture.fileExperiment("", "").replace("X.npy", "X.csv")
                .replace("y.npy", "y.csv"));
        assertEquals(List.of(3, 3, 0), List.of(s.data().n(), s.data().p(), s.data().test()));
        GivenData.Points pts = GivenFiles.given(s.data()).load();
        assertEquals(-1e-3, pts.x()[2][0]);
        assertEquals(5.0, pts.x()[1][1]);
        assertEquals(List.of(1.0, -1.0, 1.0), List.of(pts.labels()[0], pts.labels()[1], pts.labels()[2]));
        Files.writeString(dir.resolve("X.csv"), "1 2 3\n4\t5 6\n");
        Files.writeString(dir.resolve("y.csv"), "-1\n1\n");
        s = load(ArraysFixture.fileExperiment("", "").replace("X.npy", "X.csv").replace("y.npy", "y.csv"));
        assertEquals(List.of(2, 3), List.of(s.data().n(), s.data().p()));
    }

    @Test
    void aResolvedConfigurationLoadsAgainWithTheSameKey() throws Exception {
        ExperimentSpec s = load(ArraysFixture.fileExperiment(", test_x: Xt.npy, test_y: yt.npy", ""));
        RunPlan plan = RunPlan.of(s, 0);
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(plan.resolved());
        ExperimentSpec again = new ExperimentLoader(PluginCatalog.builtIn().registries())
                .load(tree, List.of(), "resolved", dir).spec();
        assertEquals(plan.key(), key(again));
        assertEquals(dir, again.data().folder());
    }

    @Test
    void relativePathsAreRelativeToTheExperimentFile() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        ArraysFixture.writeGaussianFiles(sub, 5, 7, 0, 2);
        Path other = dir.resolve("elsewhere");
        Files.createDirectories(other);
        Path file = other.resolve("e.yaml");
        Files.writeString(file, ArraysFixture.fileExperiment("", "").replace("X.npy", "../sub/X.npy")
                .replace("y.npy", "../sub/y.npy"));
        ExperimentLoader loader = new ExperimentLoader(PluginCatalog.builtIn().registries());
        ExperimentSpec s = loader.load(file, List.of()).spec();
        assertEquals(List.of(5, 7), List.of(s.data().n(), s.data().p()));
        // as the sweep planner does it: read the tree, then load the tree
        ExperimentSpec viaTree = loader.load(loader.readTree(file), List.of(), file.toString()).spec();
        assertEquals(key(s), key(viaTree));
        assertEquals(5, GivenFiles.given(viaTree.data()).load().x().length);
    }

    @Test
    void aFileThatChangesAfterPlanningFailsTheRun() throws Exception {
        ExperimentSpec s = load(ArraysFixture.fileExperiment("", ""));
        double[][] x = new double[12][40];
        ArraysFixture.npy(dir.resolve("X.npy"), x);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GivenFiles.given(s.data()).load());
        assertTrue(e.getMessage().startsWith("data.x: X.npy changed since the experiment was planned"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing file          | x: X.npy            | x: absent.npy                 | data.x: no such file: 
            wrong extension       | x: X.npy            | x: X.dat                      | data.x: 'X.dat' must be a .npy or .csv file
            labels not matching   | y: y.npy            | y: yt.npy                     | data.y: yt.npy has 30 labels but data.x (X.npy) has 12 rows
            labels as points      | x: X.npy            | x: y.npy                      | data.x: y.npy has shape (12,); expected a 2-D array
            test without labels   | y: y.npy            | y: y.npy, test_x: Xt.npy      | data.test_y: is required when data.test_x is given
            n given otherwise     | y: y.npy            | y: y.npy, n: 13               | data.n: is taken from the files (data.type: file): the number of rows of data.x (X.npy) is 12, not 13; leave data.n out
            p as an expression    | y: y.npy            | y: y.npy, p: "n*2"            | data.p: is taken from the files (data.type: file): the number of columns of data.x (X.npy) is 40, not 'n*2'
            test size given       | y: y.npy            | y: y.npy, test: 5             | data.test: is taken from the files (data.type: file): 0 without data.test_x is 0, not 5
            mu given              | y: y.npy            | y: y.npy, mu: 3               | data.mu: does not apply to data from a file
            cluster given         | y: y.npy            | y: y.npy, cluster: {type: gaussian} | data.cluster: does not apply to data from a file
            pinned hash differs   | y: y.npy            | y: y.npy, x_sha256: abc       | data.x_sha256: X.npy has SHA-256
            mu in an expression   | step: "2/p"         | step: "mu/p"                  | training.optimizer.step: expression 'mu/p' uses 'mu', which is unknown for data read from files
            x for drawn data      | type: file,         | type: generated, n: 12, p: 40, mu: 2, | data.x: is only for data read from files; set data.type: file
            sketch asked for      | steps: 120          | steps: 120, engine: sketch    | training.engine: 'sketch' cannot run this experiment exactly: the data are given
            adversarial noise     | y: y.npy            | y: y.npy, noise: {type: margin-adversarial, rate: 0.1} | data.noise.type: 'margin-adversarial' is adversarial
            save too large        | steps: 120          | steps: 120, save: [init], save_limit_mib: 0.001 | training.save: W0.npy (init) would be (6, 40) float64 = 1.9 KiB, more than training.save_limit_mib = 0.001 MiB; raise the limit (e.g. --set training.save_limit_mib=2) or leave init out of training.save
            """)
    void badInputIsOneLineNamingThePath(String label, String from, String to, String expected) throws Exception {
        String text = ArraysFixture.fileExperiment("", "").replace(from.strip(), to.strip());
        assertNotEquals(ArraysFixture.fileExperiment("", ""), text, label + ": the replacement applies");
        String message = error(text);
        assertTrue(message.contains(expected.strip()), label + ": expected '" + expected.strip() + "' in: " + message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NaN in the points     | X.csv | 1,2\\n3,nan\\n     | y.csv | 1\\n-1\\n    | data.x: X.csv has NaN at row 1, column 1 (counting from 0); every entry must be a finite number
            inf in the points     | X.csv | 1,2\\n-inf,4\\n    | y.csv | 1\\n-1\\n    | data.x: X.csv has -inf at row 1, column 0
            ragged rows           | X.csv | 1,2\\n3\\n         | y.csv | 1\\n-1\\n    | data.x: X.csv line 2 has 1 values, line 1 has 2
            not a number          | X.csv | 1,2\\n3,x\\n       | y.csv | 1\\n-1\\n    | data.x: X.csv line 2, column 2: 'x' is not a number
            label 2               | X.csv | 1,2\\n3,4\\n       | y.csv | 1\\n2\\n     | data.y: y.csv has label 2 at index 1 (counting from 0); labels must be all -1/+1 or all 0/1
            labels -1 and 0       | X.csv | 1,2\\n3,4\\n5,6\\n  | y.csv | -1\\n1\\n0\\n | data.y: y.csv mixes labels -1 and 0
            one point only        | X.csv | 1,2\\n             | y.csv | 1\\n        | data.x: X.csv has 1 row; at least 2 training points are needed
            two label columns     | X.csv | 1,2\\n3,4\\n       | y.csv | 1,1\\n-1,1\\n | data.y: y.csv has 2 values per line; expected one label per line
            empty                 | X.csv | \\n                | y.csv | 1\\n        | data.x: X.csv holds no numbers
            """)
    void badFileContentIsOneLine(String label, String xName, String xText, String yName, String yText,
                                 String expected) throws Exception {
        Files.writeString(dir.resolve(xName.strip()), xText.strip().replace("\\n", "\n"));
        Files.writeString(dir.resolve(yName.strip()), yText.strip().replace("\\n", "\n"));
        String text = ArraysFixture.fileExperiment("", "").replace("X.npy", xName.strip()).replace("y.npy", yName.strip());
        String message = error(text);
        assertTrue(message.contains(expected.strip()), label + ": expected '" + expected.strip() + "' in: " + message);
    }

    @Test
    void badNpyContentIsOneLine() throws Exception {
        double[][] x = new double[3][2];
        x[2][1] = Double.POSITIVE_INFINITY;
        ArraysFixture.npy(dir.resolve("X.npy"), x);
        ArraysFixture.npy(dir.resolve("y.npy"), new double[] {1, -1, 1});
        assertTrue(error(ArraysFixture.fileExperiment("", "")).contains(
                "data.x: X.npy has inf at row 2, column 1 (counting from 0)"));
        byte[] bytes = Files.readAllBytes(dir.resolve("y.npy"));
        Files.write(dir.resolve("y.npy"), java.util.Arrays.copyOf(bytes, bytes.length - 4));
        ArraysFixture.npy(dir.resolve("X.npy"), new double[3][2]);
        assertTrue(error(ArraysFixture.fileExperiment("", "")).contains("data.y: y.npy is truncated"));
        Files.writeString(dir.resolve("y.npy"), "1\n-1\n1\n");
        assertTrue(error(ArraysFixture.fileExperiment("", "")).contains("data.y: y.npy is not a NumPy .npy file"));
    }

    @Test
    void autoPicksSpanWhenPExceedsNElseDense() throws Exception {
        Files.writeString(yaml, ArraysFixture.fileExperiment("", ""));
        ArraysFixture.Built wide = ArraysFixture.build(yaml);
        assertEquals("span", wide.engine().name());
        assertTrue(wide.setup().dataGiven());
        ArraysFixture.writeGaussianFiles(dir, 30, 10, 0, 3);
        ArraysFixture.Built tall = ArraysFixture.build(yaml);
        assertEquals("dense", tall.engine().name());
        assertTrue(tall.engine().reason().contains("sketch: the data are given"), tall.engine().reason());
        assertEquals("file", tall.plan().spec().data().cluster().type());
    }

    @Test
    void theSizeGuardLooksAtWhatTheEngineWouldWrite() throws Exception {
        // drawn data, huge p: the sketch writes nothing of size p, span would write X (n x p)
        Path f = dir.resolve("big.yaml");
        Files.writeString(f, ArraysFixture.tiny("sketch", "[data, init, final]").replace("p: 300", "p: 100000000"));
        assertEquals("sketch", ArraysFixture.build(f).engine().name());
        InputException e = assertThrows(InputException.class,
                () -> ArraysFixture.build(f, "training.engine=span"));
        assertTrue(e.getMessage().startsWith("training.save: X.npy (data) would be (20, 100000000) float64 = 14.9 GiB, "
                + "more than training.save_limit_mib = 1024 MiB; raise the limit (e.g. --set training.save_limit_mib="),
                e.getMessage());
        assertEquals("span", ArraysFixture.build(f, "training.engine=span", "training.save_limit_mib=16000")
                .engine().name());
    }

    @Test
    void saveListsKnownGroupsOnce() throws Exception {
        InputException e = assertThrows(InputException.class,
                () -> load(ExperimentLoaderTest.VALID, "training.save=[data, weights]"));
        assertTrue(e.getMessage().endsWith("training.save: must list some of data, init, final, got 'weights'"),
                e.getMessage());
        e = assertThrows(InputException.class, () -> load(ExperimentLoaderTest.VALID, "training.save=[final, final]"));
        assertTrue(e.getMessage().endsWith("training.save: lists a group twice, got 'final'"), e.getMessage());
        e = assertThrows(InputException.class, () -> load(ExperimentLoaderTest.VALID, "training.save_limit_mib=0"));
        assertTrue(e.getMessage().endsWith("training.save_limit_mib: must be a finite number > 0, got 0"),
                e.getMessage());
        assertEquals(List.of("final"), load(ExperimentLoaderTest.VALID, "training.save=final").training().save());
        e = assertThrows(InputException.class, () -> load(ExperimentLoaderTest.VALID, "data.x=X.npy"));
        assertTrue(e.getMessage().endsWith("data.x: is only for data read from files; set data.type: file, got 'X.npy'"),
                e.getMessage());
        e = assertThrows(InputException.class, () -> load(ExperimentLoaderTest.VALID, "data.folder=/tmp"));
        assertTrue(e.getMessage().contains("data.folder: unknown key"), e.getMessage());
    }
}
