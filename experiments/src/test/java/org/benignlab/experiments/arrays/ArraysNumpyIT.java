package org.benignlab.experiments.arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The .npy files read back by an independent reader: Python with NumPy ({@code numpy.load}) checks the
 * shapes, dtypes, format and formulas of a run's arrays (src/test/resources/arrays/check_arrays.py), and the
 * ten-line snippet of docs/arrays.md, run as written (only its run folder replaced), recomputes the final
 * train loss and matches the run's. Skipped, with a message, where python3 with NumPy is not installed (the
 * Java round trip of NpyTest and RunArraysTest always runs). Drives the engine and {@link RunArrays}
 * directly ({@link ArraysFixture}); ArraysCliIT does the same through the command line.
 */
class ArraysNumpyIT {
    static final Path CHECK = Path.of("src/test/resources/arrays/check_arrays.py");
    static final Path DOC = Path.of("..", "docs", "arrays.md");

    @TempDir
    Path dir;

    /** The result of a process: exit code and output (stdout and stderr together). */
    record Output(int code, String text) {
    }

    static Output python(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("python3 " + args[0] + " did not finish in 120 s");
        }
        return new Output(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static boolean numpyAvailable() {
        try {
            return python(Path.of("."), "-c", "import numpy").code() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static void assumeNumpy() {
        Assumptions.assumeTrue(numpyAvailable(), "python3 with NumPy not found (python3 -c 'import numpy' fails): "
                + "skipping the independent NumPy check of the .npy files; NpyTest and RunArraysTest check them in Java");
    }

    @BeforeAll
    static void needsNumpy() {
        assumeNumpy();
    }

    /** Runs check_arrays.py on a run folder and returns the array names it reports. */
    static String check(Path runDir) throws IOException, InterruptedException {
        Output o = python(runDir, CHECK.toAbsolutePath().toString(), runDir.toAbsolutePath().toString());
        assertEquals(0, o.code(), o.text());
        assertTrue(o.text().startsWith("ok "), o.text());
        return o.text().strip().substring(3);
    }

    /** The docs' snippet with its run folder replaced; returns {its loss, summary.json's train_loss}. */
    static double[] snippet(Path runDir) throws IOException, InterruptedException {
        String doc = Files.readString(DOC);
        Matcher m = Pattern.compile("<!-- snippet: train-loss -->\\s*```python\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(m.find(), "docs/arrays.md has the train-loss snippet");
        String code = m.group(1);
        assertEquals(10, code.strip().lines().count(), "the snippet is ten lines");
        String run = runDir.toAbsolutePath().toString().replace("\\", "\\\\");
        String replaced = code.replaceFirst("run = \"[^\"]*\"", Matcher.quoteReplacement("run = \"" + run + "\""));
        assertTrue(!replaced.equals(code), "the snippet sets run = \"...\"");
        Path script = runDir.resolve("snippet.py");
        Files.writeString(script, replaced);
        Output o = python(runDir, script.toString());
        assertEquals(0, o.code(), o.text());
        List<String> lines = o.text().strip().lines().toList();
        assertEquals(2, lines.size(), o.text());
        return new double[] {Double.parseDouble(lines.get(0)), Double.parseDouble(lines.get(1))};
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dense", "span", "sketch"})
    void numpyReadsWhatJavaWroteAndTheFormulasHold(String engine) throws Exception {
        ArraysFixture.Done d = ArraysFixture.runTiny(dir, engine, "[data, init, final]");
        String names = check(d.runDir());
        assertEquals(engine.equals("sketch") ? "B K Z Z0 a noisy y y_clean"
                : engine.equals("span") ? "B K W W0 X Z Z0 a mu noisy y y_clean" : "K W W0 X Z Z0 a mu noisy y y_clean",
                names);
        if (!engine.equals("sketch")) {
            double[] loss = snippet(d.runDir());
            assertEquals(loss[1], loss[0], 1e-9 * loss[1], "the docs' snippet recomputes train_loss");
        }
    }

    @Test
    void fileDataFromNumpyTrainsAndSavesArraysNumpyAgreesWith() throws Exception {
        Output made = python(dir, "-c", String.join("\n",
                "import numpy as np",
                "rng = np.random.default_rng(0)",
                "y = rng.choice([0, 1], size=40)",            // 0/1 labels, int64
                "X = rng.standard_normal((40, 500)).astype(np.float32)",
                "X[:, 0] += 3 * (2 * y - 1)",
                "np.save('X.npy', np.asfortranarray(X)); np.save('y.npy', y)",
                "np.savetxt('Xt.csv', rng.standard_normal((25, 500)), delimiter=',', header='test points')",
                "np.savetxt('yt.csv', rng.choice([-1, 1], size=25), fmt='%d')"));
        assertEquals(0, made.code(), made.text());
        Path yaml = dir.resolve("e.yaml");
        Files.writeString(yaml, ArraysFixture.fileExperiment(", test_x: Xt.csv, test_y: yt.csv, noise: "
                + "{type: random-flip, rate: 0.1}", ", save: [data, init, final]"));
        ArraysFixture.Done d = ArraysFixture.run(yaml, dir.resolve("run"));
        assertEquals("span", d.engine().name());
        assertEquals(25, d.setup().testSize());
        assertEquals("B K W W0 X Z Z0 a noisy y y_clean", check(d.runDir()));
        double[] loss = snippet(d.runDir());
        assertEquals(loss[1], loss[0], 1e-9 * loss[1]);
        // the saved X and labels are the given ones (float32 widened, Fortran order read as such, 0 -> -1)
        Output same = python(dir, "-c", String.join("\n",
                "import numpy as np",
                "X = np.load('X.npy'); y = np.load('y.npy')",
                "assert np.array_equal(np.load('run/arrays/X.npy'), X.astype(np.float64))",
                "assert np.array_equal(np.load('run/arrays/y_clean.npy'), 2.0 * y - 1)",
                "print('same')"));
        assertEquals("same", same.text().strip(), same.text());
    }
}
