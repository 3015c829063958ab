package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.benignlab.experiments.arrays.Npy;
import org.benignlab.experiments.arrays.RunArrays;
import org.benignlab.experiments.results.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Arrays in and out through the real command line (docs/arrays.md): {@code training.save} writes the run's
 * arrays and README.txt into {@code <run>/arrays/} and records them in provenance.json, and NumPy (where
 * installed) reads them and recomputes summary.json's train_loss with the docs' snippet; data from files
 * train end to end; bad file data is one line, exit code 2 and nothing written.
 */
class ArraysCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Path onlyRun(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(d -> Files.exists(d.resolve(ResultStore.SUMMARY))).findFirst().orElseThrow();
        }
    }

    /** Writes X.npy and y.npy (n points in R^p, classes ±3 e_1 apart) and optionally a test set. */
    private void files(int n, int p, int test) throws Exception {
        java.util.Random rng = new java.util.Random(5);
        double[] x = new double[(n + test) * p];
        double[] y = new double[n + test];
        for (int i = 0; i < n + test; i++) {
            y[i] = rng.nextBoolean() ? 1 : -1;
            for (int k = 0; k < p; k++) {
                x[i * p + k] = rng.nextGaussian() + (k == 0 ? 3 * y[i] : 0);
            }
        }
        write(dir.resolve("X.npy"), new long[] {n, p}, java.util.Arrays.copyOf(x, n * p));
        write(dir.resolve("y.npy"), new long[] {n}, java.util.Arrays.copyOf(y, n));
        if (test > 0) {
            write(dir.resolve("Xt.npy"), new long[] {test, p}, java.util.Arrays.copyOfRange(x, n * p, (n + test) * p));
            write(dir.resolve("yt.npy"), new long[] {test}, java.util.Arrays.copyOfRange(y, n, n + test));
        }
    }

    private static void write(Path f, long[] shape, double[] v) throws Exception {
        try (var out = Files.newOutputStream(f)) {
            Npy.write(out, shape, v);
        }
    }

    /** Needs the integration of RunArrays into Run.execute (training.save). */
    @ParameterizedTest(name = "engine {0}")
    @CsvSource({"span", "dense", "sketch"})
    void savesTheArraysIntoTheRunFolderAndNumpyAgrees(String engine) throws Exception {
        Path yaml = dir.resolve("e.yaml");
        Files.writeString(yaml, """
                name: arrays-cli
                seed: 11
                data: {n: 20, p: 300, mu: "p^0.3", noise: {type: random-flip, rate: 0.2}, test: 100}
                network: {width: 8, activation: {type: smoothed-leaky-relu, gamma: 0.2, H: 2.0}, init: 1.0e-3}
                training: {optimizer: {type: gd, step: "2/p"}, steps: 150, engine: %s, save: [data, init, final]}
                """.formatted(engine));
        Path out = dir.resolve("out");
        CliTest.Result r = CliTest.cli("run", yaml.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.out() + r.err());
        Path run = onlyRun(out);
        JsonNode summary = JSON.readTree(run.resolve(ResultStore.SUMMARY).toFile());
        assertEquals("completed", summary.get("status").asText());
        JsonNode arrays = JSON.readTree(run.resolve(ResultStore.PROVENANCE).toFile()).get("arrays");
        assertTrue(arrays != null && arrays.isObject(), "provenance.json has an arrays entry");
        assertEquals("arrays", arrays.get("folder").asText());
        Path folder = run.resolve(RunArrays.FOLDER);
        assertTrue(Files.exists(folder.resolve(RunArrays.README)));
        for (JsonNode f : arrays.get("files")) {
            Npy.Array a = Npy.read(folder.resolve(f.get("file").asText()));
            assertEquals(f.get("shape").size(), a.header().shape().length, f.toString());
        }
        assertFalse(Files.readString(run.resolve(ResultStore.CONFIG)).contains("save"),
                "training.save is not part of the resolved configuration");
        if (org.benignlab.experiments.arrays.ArraysNumpyITAccess.numpyAvailable()) {
            org.benignlab.experiments.arrays.ArraysNumpyITAccess.check(run);
            if (!engine.equals("sketch")) {
                double[] loss = org.benignlab.experiments.arrays.ArraysNumpyITAccess.snippet(run);
                assertEquals(summary.get("train_loss").asDouble(), loss[1], 0.0);
                assertEquals(loss[1], loss[0], 1e-9 * loss[1], "the docs' snippet recomputes train_loss");
            }
        }
    }

    @Test
    void dataFromFilesTrainsEndToEnd() throws Exception {
        files(30, 400, 0);
        Path yaml = dir.resolve("e.yaml");
        Files.writeString(yaml, """
                name: own-data
                data: {type: file, x: X.npy, y: y.npy, noise: {type: random-flip, rate: 0.1}}
                network: {width: 10, activation: {type: smoothed-leaky-relu}, init: 1.0e-6}
                training: {optimizer: {type: gd, step: "1/p"}, steps: 300}
                """);
        Path out = dir.resolve("out");
        CliTest.Result r = CliTest.cli("run", yaml.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        Path run = onlyRun(out);
        JsonNode s = JSON.readTree(run.resolve(ResultStore.SUMMARY).toFile());
        assertEquals("completed", s.get("status").asText(), s.toString());
        assertEquals("span", s.get("engine").asText());
        assertEquals("file", s.get("cluster").asText());
        assertTrue(s.get("test_error").isNull(), "no test set: test error unavailable");
        assertTrue(s.get("message").asText().contains("test errors unavailable"), s.toString());
        assertEquals(30, s.get("parameters").get("n").asInt());
        assertEquals(400, s.get("parameters").get("p").asInt());
        assertFalse(s.get("parameters").has("mu"), "μ unknown for data from files");
        String config = Files.readString(run.resolve(ResultStore.CONFIG));
        assertTrue(config.contains("x_sha256:") && config.contains("type: file"), config);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sketch refused        | engine: sketch           | training.engine: 'sketch' cannot run this experiment exactly: the data are given
            save too large        | save: [data], save_limit_mib: 0.01 | training.save: X.npy (data) would be (30, 400) float64 = 93.8 KiB, more than training.save_limit_mib = 0.01 MiB
            expression over p     | metrics_per_decade: "p/(p-p)" | training.metrics_per_decade: expression 'p/(p-p)' divides by zero
            """)
    void badFileDataInputIsOneLineExitCode2AndNothingWritten(String label, String training, String expected)
            throws Exception {
        files(30, 400, 0);
        Path yaml = dir.resolve("e.yaml");
        Files.writeString(yaml, """
                name: own-data
                data: {type: file, x: X.npy, y: y.npy}
                network: {width: 10}
                training: {optimizer: {type: gd, step: "1/p"}, steps: 10, %s}
                """.formatted(training.strip()));
        Path out = dir.resolve("out");
        CliTest.Result r = CliTest.cli("run", yaml.toString(), "--out", out.toString());
        assertEquals(2, r.code(), label + ": " + r.out() + r.err());
        assertTrue(r.err().contains(expected.strip()), label + ": expected '" + expected.strip() + "' in " + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void labelsThatDoNotMatchArePointedOut() throws Exception {
        files(30, 400, 0);
        write(dir.resolve("y.npy"), new long[] {29}, new double[29]);
        Path yaml = dir.resolve("e.yaml");
        Files.writeString(yaml, "name: own\ndata: {type: file, x: X.npy, y: y.npy}\ntraining: {steps: 10}\n");
        CliTest.Result r = CliTest.cli("run", yaml.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("data.y: y.npy has 29 labels but data.x (X.npy) has 30 rows"), r.err());
        assertEquals(List.of(), List.of(r.err().strip().split("\n")).subList(1, r.err().strip().split("\n").length));
    }
}
