package org.benignlab.experiments.arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.benignlab.api.MetricNames;
import org.benignlab.engine.ArrayOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run's arrays end to end in Java: an experiment file with {@code training.save} is run through the loader,
 * the Guice module, the engine and {@link RunArrays}; the .npy files are read back with {@link Npy} and checked
 * against the plan (names, shapes, dtypes) and the formulas that tie them together; README.txt and the
 * provenance entry describe them; saving changes no metric. The same with data from files.
 */
class RunArraysTest {
    @TempDir
    Path dir;

    private static final double TOL = 1e-9;

    /** max |a - b| / max |a|. */
    static double rel(double[] a, double[] b) {
        assertEquals(a.length, b.length);
        double max = 0;
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i]));
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
        }
        return max == 0 ? diff : diff / max;
    }

    /** A Bᵀ for A (r x k) and B (c x k), flat. */
    static double[] timesT(double[] a, double[] b, int r, int c, int k) {
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double s = 0;
                for (int q = 0; q < k; q++) {
                    s += a[i * k + q] * b[j * k + q];
                }
                out[i * c + j] = s;
            }
        }
        return out;
    }

    /** Checks every file against the plan and the formulas; returns the names found. */
    static List<String> checkArrays(ArraysFixture.Done d) throws IOException {
        int n = d.setup().n();
        int p = d.setup().p();
        int m = d.setup().width();
        List<String> names = new ArrayList<>();
        for (ArrayOutput.Entry e : d.arrays().plan()) {
            Npy.Array a = d.read(e.name());
            assertEquals(e.dtype().equals("int8") ? "|i1" : "<f8", a.header().dtype().descr(), e.name());
            assertEquals(java.util.Arrays.toString(e.shape()), java.util.Arrays.toString(a.header().shape()), e.name());
            names.add(e.name());
        }
        double[] y = d.read("y").values();
        double[] clean = d.read("y_clean").values();
        double[] noisy = d.read("noisy").values();
        for (int i = 0; i < n; i++) {
            assertEquals(clean[i] * (1 - 2 * noisy[i]), y[i], "y = y_clean (1 - 2 noisy)");
        }
        double[] k = d.read("K").values();
        double[] z0 = d.read("Z0").values();
        double[] z = d.read("Z").values();
        if (names.contains("X")) {
            double[] x = d.read("X").values();
            double[] w = d.read("W").values();
            assertTrue(rel(k, timesT(x, x, n, n, p)) < TOL, "K = X X^T");
            assertTrue(rel(z0, timesT(x, d.read("W0").values(), n, m, p)) < TOL, "Z0 = X W0^T");
            assertTrue(rel(z, timesT(x, w, n, m, p)) < TOL, "Z = X W^T");
            if (names.contains("B")) {
                double[] b = d.read("B").values();
                double[] w0bx = d.read("W0").values().clone();
                for (int j = 0; j < m; j++) {
                    for (int i = 0; i < n; i++) {
                        for (int q = 0; q < p; q++) {
                            w0bx[j * p + q] += b[j * n + i] * x[i * p + q];
                        }
                    }
                }
                assertTrue(rel(w, w0bx) < TOL, "W = W0 + B X");
            }
        }
        if (names.contains("B")) {
            double[] b = d.read("B").values();
            double[] zz = z0.clone();
            double[] kb = timesT(k, b, n, m, n);
            for (int i = 0; i < zz.length; i++) {
                zz[i] += kb[i];
            }
            assertTrue(rel(z, zz) < TOL, "Z = Z0 + K B^T");
        }
        // the final train loss from a, y and Z with the smoothed leaky ReLU (gamma 0.2, H 2) and the logistic loss
        double[] a = d.read("a").values();
        double g = 0.2;
        double h = 2.0;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int j = 0; j < m; j++) {
                double v = z[i * m + j];
                double phi = v >= 1 / h ? v - (1 - g) / (4 * h)
                        : v <= -1 / h ? g * v - (1 - g) / (4 * h) : (1 - g) / 4 * h * v * v + (1 + g) / 2 * v;
                f += a[j] * phi;
            }
            double margin = y[i] * f;
            loss += margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin));
        }
        assertEquals(d.result().finalMetrics().get(MetricNames.TRAIN_LOSS), loss / n, 1e-12);
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dense", "span", "sketch"})
    void drawnDataArraysMatchThePlanAndTheFormulas(String engine) throws IOException {
        ArraysFixture.Done d = ArraysFixture.runTiny(dir, engine, "[data, init, final]");
        assertEquals(engine, d.engine().name());
        List<String> names = checkArrays(d);
        List<String> expected = switch (engine) {
            case "dense" -> List.of("X", "y", "y_clean", "noisy", "mu", "K", "a", "W0", "Z0", "W", "Z");
            case "span" -> List.of("X", "y", "y_clean", "noisy", "mu", "K", "a", "W0", "Z0", "W", "B", "Z");
            default -> List.of("y", "y_clean", "noisy", "K", "a", "Z0", "B", "Z");
        };
        assertEquals(expected, names);
        if (!engine.equals("sketch")) {
            double[] mu = d.read("mu").values();
            assertEquals(Math.pow(300, 0.3), mu[0], 1e-12);
        }
        assertTrue(d.result().noisyCount() > 0);

        String readme = Files.readString(d.file(RunArrays.README));
        for (String name : names) {
            assertTrue(readme.contains(name + ".npy"), name + " in README");
        }
        assertTrue(readme.contains("engine " + engine));
        assertTrue(readme.contains(engine.equals("sketch") ? "never forms X, W0 or W" : "K = X X^T"), readme);
        if (engine.equals("span")) {
            assertTrue(readme.contains("W = W0 + B X"));
        }
        Map<String, Object> prov = d.arrays().provenance();
        assertEquals("arrays", prov.get("folder"));
        assertEquals(List.of("data", "init", "final"), prov.get("save"));
        assertEquals(names.size(), ((List<?>) prov.get("files")).size());
        try (Stream<Path> s = Files.list(d.runDir().resolve(RunArrays.FOLDER))) {
            assertEquals(names.size() + 1, s.count(), "the arrays and README.txt, no temporary file");
        }
    }

    @Test
    void savingChangesNoMetric() throws IOException {
        Path yaml = dir.resolve("e.yaml");
        Files.writeString(yaml, ArraysFixture.tiny("span", "[]"));
        ArraysFixture.Done plain = ArraysFixture.run(yaml, dir.resolve("plain"));
        assertFalse(plain.arrays().saving());
        assertNull(plain.arrays().provenance());
        assertFalse(Files.exists(dir.resolve("plain").resolve(RunArrays.FOLDER)));
        ArraysFixture.Done saving = ArraysFixture.run(yaml, dir.resolve("saving"), "training.save=[data, init, final]");
        assertEquals(plain.plan().key(), saving.plan().key());
        assertEquals(plain.metrics(), saving.metrics());
        assertEquals(plain.result(), saving.result());
    }

    @Test
    void aNewAttemptRemovesWhatAnEarlierOneLeft() throws IOException {
        Path yaml = dir.resolve("e.yaml");
        Files.writeString(yaml, ArraysFixture.tiny("dense", "[data, final]"));
        ArraysFixture.Done first = ArraysFixture.run(yaml, dir.resolve("run"));
        Files.writeString(first.file(".benign-K.npy.1234.tmp"), "left by a killed process");
        ArraysFixture.Done second = ArraysFixture.run(yaml, dir.resolve("run"), "training.save=[init]");
        assertEquals(first.plan().key(), second.plan().key());
        try (Stream<Path> s = Files.list(second.runDir().resolve(RunArrays.FOLDER))) {
            assertEquals(List.of("README.txt", "W0.npy", "Z0.npy", "a.npy"),
                    s.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void fileDataArraysHoldTheGivenPointsAndLabels() throws IOException {
        ArraysFixture.writeGaussianFiles(dir, 14, 50, 40, 9);
        Path yaml = dir.resolve("e.yaml");
        Files.writeString(yaml, ArraysFixture.fileExperiment(", test_x: Xt.npy, test_y: yt.npy, noise: "
                + "{type: random-flip, rate: 0.25}", ", save: [data, init, final]"));
        ArraysFixture.Done d = ArraysFixture.run(yaml, dir.resolve("run"));
        assertEquals("span", d.engine().name());
        List<String> names = checkArrays(d);
        assertEquals(List.of("X", "y", "y_clean", "noisy", "K", "a", "W0", "Z0", "W", "B", "Z"), names);
        assertTrue(java.util.Arrays.equals(Npy.read(dir.resolve("X.npy")).values(), d.read("X").values()),
                "X.npy holds the given points");
        assertTrue(java.util.Arrays.equals(Npy.read(dir.resolve("y.npy")).values(), d.read("y_clean").values()),
                "the given labels are the clean ones");
        assertTrue(d.result().noisyCount() > 0, "noise on top of the given labels");
        assertFalse(Double.isNaN(d.result().finalMetrics().get(MetricNames.TEST_ERROR)));
        assertTrue(Files.readString(d.file(RunArrays.README)).contains("μ is unknown, so there is no mu.npy"));

        // the same files trained densely (another configuration, so other seeds: other flips and weights;
        // dense == span on the same streams is the engine's ArrayOutputTest)
        ArraysFixture.Done dense = ArraysFixture.run(yaml, dir.resolve("dense"), "training.engine=dense");
        assertEquals("dense", dense.engine().name());
        assertEquals(List.of("X", "y", "y_clean", "noisy", "K", "a", "W0", "Z0", "W", "Z"), checkArrays(dense));
        for (String name : List.of("X", "y_clean")) {
            assertTrue(java.util.Arrays.equals(d.read(name).values(), dense.read(name).values()), name);
        }
    }

    @Test
    void fileDataWithoutATestSetHasNoTestError() throws IOException {
        ArraysFixture.writeGaussianFiles(dir, 10, 30, 0, 4);
        Path yaml = dir.resolve("e.yaml");
        Files.writeString(yaml, ArraysFixture.fileExperiment("", ""));
        ArraysFixture.Done d = ArraysFixture.run(yaml, dir.resolve("run"));
        assertTrue(Double.isNaN(d.result().finalMetrics().get(MetricNames.TEST_ERROR)));
        assertTrue(d.result().message().endsWith("test errors unavailable: the given data have no test set"),
                d.result().message());
        assertEquals(0, d.result().noisyCount());
        assertEquals(0, d.setup().testSize());
    }
}
