package org.benignlab.experiments.arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Common random numbers through a whole run (loader, plan, seeds, engine, saved arrays): two runs that differ in
 * an entry that must change no draw save the same standard draws (X - ỹ μᵀ, ỹ, W0/ω, the signs of a, the flips'
 * uniforms through nested flip sets); an entry that must change a draw changes its own stream's arrays and no
 * other's; a larger n or width extends the smaller one's draws. The base is the dense engine on n = 20, p = 300,
 * m = 8, random flips at η = 0.2, saving [data, init], one step.
 */
class CommonRandomNumbersTest {
    @TempDir
    Path dir;

    private Path yaml;
    private int runs;

    @BeforeEach
    void write() throws IOException {
        yaml = dir.resolve("crn.yaml");
        Files.writeString(yaml, ArraysFixture.tiny("dense", "[data, init]").replace("steps: 150", "steps: 1"));
    }

    /** The standard draws of one run, read back from its saved arrays. */
    private record Draws(int n, int p, int m, double mu, double omega, double[] z, double[] clean, double[] noisy,
                         double[] w0Standard, double[] signs, double[] x) {
    }

    private Draws run(int threads, int repetition, String... overrides) throws IOException {
        ArraysFixture.Done d = ArraysFixture.run(yaml, dir.resolve("run" + runs++), threads, repetition, overrides);
        Npy.Array x = d.read("X");
        int n = (int) x.header().shape()[0];
        int p = (int) x.header().shape()[1];
        double mu = d.setup().muNorm();
        double omega = d.setup().initScale();
        double[] clean = d.read("y_clean").values();
        double[] z = x.values().clone();
        for (int i = 0; i < n; i++) {
            z[i * p] -= clean[i] * mu; // x_i = z_i + ỹ_i μ, μ = ||μ|| e_1
        }
        double[] w0 = d.read("W0").values().clone();
        for (int k = 0; k < w0.length; k++) {
            w0[k] /= omega;
        }
        double[] a = d.read("a").values();
        double[] signs = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            signs[j] = Math.signum(a[j]);
        }
        return new Draws(n, p, a.length, mu, omega, z, clean, d.read("noisy").values(), w0, signs, x.values());
    }

    private Draws base() throws IOException {
        return run(2, 0);
    }

    /** z and ỹ identical; W0/ω equal to rounding (exactly, when ω is unchanged). */
    private static void assertSameDataAndInit(Draws a, Draws b, String what) {
        double zTol = a.mu == b.mu ? 0.0 : 1e-12 * Math.max(a.mu, b.mu);
        assertArrayEquals(a.clean, b.clean, 0.0, what + ": clean labels");
        assertArrayEquals(a.z, b.z, zTol, what + ": X - ỹ μᵀ");
        assertArrayEquals(a.w0Standard, b.w0Standard, a.omega == b.omega ? 0.0 : 1e-15, what + ": W0 / ω");
        assertArrayEquals(a.signs, b.signs, 0.0, what + ": signs of a");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "training.engine=span",
        "training.optimizer={type: adam, step: 0.001}",
        "training.optimizer.step=5/p",
        "training.loss={type: exponential}",
        "network.activation={type: tanh}",
        "training.steps=40",
        "training.stop_loss=0.5",
        "training.stop_at_interpolation=true",
        "training.stall_steps=3",
        "training.diagnostics=[]",
        "training.spectral_norm=false",
        "training.metrics_per_decade=2",
        "network.second_layer.scale=2.5",
        "data.mu=7.5",
        "network.init=0.25"})
    void anEntryThatDecidesHowARunTrainsChangesNoDraw(String override) throws IOException {
        Draws base = base();
        Draws other = run(2, 0, override);
        assertSameDataAndInit(base, other, override);
        assertArrayEquals(base.noisy, other.noisy, 0.0, override + ": flips");
        if (override.startsWith("training.")) {
            assertArrayEquals(base.x, other.x, 0.0, override + ": X itself");
        }
    }

    @Test
    void theThreadCountChangesNoDraw() throws IOException {
        Draws base = base();
        Draws one = run(1, 0);
        assertArrayEquals(base.x, one.x, 0.0);
        assertSameDataAndInit(base, one, "threads");
        assertArrayEquals(base.noisy, one.noisy, 0.0);
    }

    @Test
    void theNoiseRateReusesTheUniformsSoFlipSetsNest() throws IOException {
        Draws base = base(); // η = 0.2
        Draws more = run(2, 0, "data.noise.rate=0.45");
        Draws none = run(2, 0, "data.noise.rate=0");
        assertSameDataAndInit(base, more, "η");
        int flips = 0;
        int moreFlips = 0;
        for (int i = 0; i < base.n; i++) {
            assertTrue(base.noisy[i] == 0 || more.noisy[i] == 1, "a point flipped at η = 0.2 flips at 0.45: " + i);
            assertEquals(0, none.noisy[i], 0.0);
            flips += (int) base.noisy[i];
            moreFlips += (int) more.noisy[i];
        }
        assertTrue(flips < moreFlips, flips + " flips at 0.2, " + moreFlips + " at 0.45");
    }

    @Test
    void moreTrainingPointsOrHiddenUnitsExtendTheSmallerDraws() throws IOException {
        Draws base = base();
        Draws moreN = run(2, 0, "data.n=35");
        Draws wider = run(2, 0, "network.width=13");
        assertEquals(35, moreN.n);
        assertArrayEquals(base.x, Arrays.copyOf(moreN.x, base.x.length), 0.0, "the first 20 points");
        assertArrayEquals(base.clean, Arrays.copyOf(moreN.clean, 20), 0.0);
        assertArrayEquals(base.noisy, Arrays.copyOf(moreN.noisy, 20), 0.0, "their flips");
        assertArrayEquals(base.w0Standard, moreN.w0Standard, 0.0, "n does not touch W0");
        assertEquals(13, wider.m);
        assertArrayEquals(base.w0Standard, Arrays.copyOf(wider.w0Standard, base.w0Standard.length), 0.0,
                "the first 8 rows of W0");
        assertArrayEquals(base.signs, Arrays.copyOf(wider.signs, 8), 0.0, "the first 8 signs");
        assertArrayEquals(base.x, wider.x, 0.0, "the width does not touch X");
    }

    /** Sketch runs share their draws with each other: K and Z0 as drawn, the labels and the flips. */
    @Test
    void sketchRunsThatDifferInHowTheyTrainShareTheGramDraw() throws IOException {
        Files.writeString(yaml, ArraysFixture.tiny("sketch", "[data, init]").replace("steps: 150", "steps: 1"));
        ArraysFixture.Done base = ArraysFixture.run(yaml, dir.resolve("s0"), 2, 0);
        ArraysFixture.Done step = ArraysFixture.run(yaml, dir.resolve("s1"), 1, 0, "training.optimizer.step=9/p",
                "network.activation={type: tanh}");
        ArraysFixture.Done omega = ArraysFixture.run(yaml, dir.resolve("s2"), 2, 0, "network.init=2.0e-3");
        ArraysFixture.Done dense = ArraysFixture.run(yaml, dir.resolve("s3"), 2, 0, "training.engine=dense");
        for (String name : List.of("K", "Z0", "y", "y_clean", "noisy", "a")) {
            assertArrayEquals(base.read(name).values(), step.read(name).values(), 0.0, name);
        }
        assertArrayEquals(base.read("K").values(), omega.read("K").values(), 0.0, "ω does not touch K");
        double[] z0 = base.read("Z0").values();
        double[] z0Twice = omega.read("Z0").values();
        for (int k = 0; k < z0.length; k++) {
            assertEquals(2 * z0[k], z0Twice[k], 1e-15 * Math.abs(z0Twice[k]), "Z0 = ω (G + ỹ ||μ|| c) at " + k);
        }
        assertFalse(Arrays.equals(base.read("y_clean").values(), dense.read("y_clean").values())
                        && Arrays.equals(base.read("K").values(), dense.read("K").values()),
                "another draw family, other draws");
    }

    /** Each entry that determines a stream's draws changes that stream and leaves the others alone. */
    @Test
    void anEntryThatDeterminesADrawChangesItsStreamOnly() throws IOException {
        Draws base = base();

        Draws cluster = run(2, 0, "data.cluster={type: rademacher}");
        assertFalse(Arrays.equals(base.z, cluster.z), "cluster: other points");
        assertArrayEquals(base.w0Standard, cluster.w0Standard, 0.0, "cluster: same W0");
        assertArrayEquals(base.signs, cluster.signs, 0.0, "cluster: same signs");

        Draws noise = run(2, 0, "data.noise={type: fixed-count, rate: 0.2}");
        assertArrayEquals(base.x, noise.x, 0.0, "noise type: same X");
        assertArrayEquals(base.w0Standard, noise.w0Standard, 0.0, "noise type: same W0");
        assertFalse(Arrays.equals(base.noisy, noise.noisy), "noise type: other flips");

        Draws signs = run(2, 0, "network.second_layer.signs=balanced");
        assertArrayEquals(base.x, signs.x, 0.0, "second layer: same X");
        assertArrayEquals(base.w0Standard, signs.w0Standard, 0.0, "second layer: same W0");
        assertFalse(Arrays.equals(base.signs, signs.signs), "second layer: other signs");

        Draws p = run(2, 0, "data.p=301");
        assertFalse(Arrays.equals(Arrays.copyOf(base.z, 300), Arrays.copyOf(p.z, 300)), "p: other points");
        assertFalse(Arrays.equals(Arrays.copyOf(base.w0Standard, 300), Arrays.copyOf(p.w0Standard, 300)),
                "p: other W0");
        assertArrayEquals(base.signs, p.signs, 0.0, "p: same signs");

        for (Draws other : List.of(run(2, 0, "seed=43"), run(2, 1))) {
            assertFalse(Arrays.equals(base.z, other.z), "seed or repetition: other points");
            assertFalse(Arrays.equals(base.w0Standard, other.w0Standard), "seed or repetition: other W0");
            assertFalse(Arrays.equals(base.signs, other.signs), "seed or repetition: other signs");
        }
    }
}
