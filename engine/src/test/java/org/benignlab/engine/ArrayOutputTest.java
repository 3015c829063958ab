package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.benignlab.activations.impl.SmoothedLeakyRelu;
import org.benignlab.api.MetricNames;
import org.benignlab.distributions.impl.IsotropicGaussian;
import org.benignlab.distributions.impl.RandomFlip;
import org.benignlab.optimizers.impl.GradientDescent;
import org.benignlab.optimizers.impl.LogisticLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Saving arrays ({@link ArrayOutput}) hands the documented arrays to the sink (the plan: names, shapes, dtypes,
 * order), the arrays satisfy their formulas (K = X X^T, Z0 = X W0^T, Z = X W^T, W = W0 + B X, Z = Z0 + K B^T,
 * y = ỹ (1 - 2 noisy)), and saving changes no number. Given data (instead of drawn): dense and span agree, the
 * labels are the clean ones, and the sketch and adversarial noise are refused.
 */
class ArrayOutputTest {
    private static final Set<ArrayGroup> ALL = EnumSet.allOf(ArrayGroup.class);

    /** A sink that keeps every array (flat, C order) with its shape, in order. */
    static final class Memory implements ArraysSink {
        final Map<String, int[]> shapes = new LinkedHashMap<>();
        final Map<String, double[]> values = new LinkedHashMap<>();
        final Map<String, String> dtypes = new LinkedHashMap<>();

        @Override
        public void write(String name, int[] shape, double[] rowMajor) {
            assertFalse(shapes.containsKey(name), "written twice: " + name);
            shapes.put(name, shape.clone());
            values.put(name, rowMajor.clone());
            dtypes.put(name, "float64");
        }

        @Override
        public void writeInt8(String name, int[] shape, byte[] v) {
            double[] d = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                d[i] = v[i];
            }
            write(name, shape, d);
            dtypes.put(name, "int8");
        }

        double at(String name, int i, int j) {
            return values.get(name)[i * shapes.get(name)[1] + j];
        }

        int rows(String name) {
            return shapes.get(name)[0];
        }

        int cols(String name) {
            return shapes.get(name)[1];
        }
    }

    private static Plugins plugins(org.benignlab.api.LabelNoise noise) {
        return new Plugins(new SmoothedLeakyRelu(0.2, 2.0), new IsotropicGaussian(), noise,
                new LogisticLoss(), new GradientDescent(0.5));
    }

    private static TrainingSetup setup() {
        return new TrainingSetup(12, 80, 6, Math.pow(80, 0.3), 50, 1e-3, 60, 0, false, 5);
    }

    private static Engine engine(String name) {
        return Engines.create(name, 2);
    }

    /** Maximum |a - b| relative to max |a|. */
    private static double relDiff(double[] a, double[] b) {
        double max = 0;
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i]));
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
        }
        return max == 0 ? diff : diff / max;
    }

    /** C = A B^T for flat row-major A (r x k) and B (c x k). */
    private static double[] timesT(double[] a, double[] b, int r, int c, int k) {
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

    private static void checkPlan(String engine, TrainingSetup s, Memory sink) {
        List<ArrayOutput.Entry> plan = EngineKind.of(engine).savedArrays(s, ALL);
        assertEquals(plan.stream().map(ArrayOutput.Entry::name).toList(), new ArrayList<>(sink.shapes.keySet()),
                engine + ": names and order");
        for (ArrayOutput.Entry e : plan) {
            int[] shape = sink.shapes.get(e.name());
            assertEquals(e.shape().length, shape.length, e.name());
            for (int d = 0; d < shape.length; d++) {
                assertEquals(e.shape()[d], shape[d], e.name() + " dim " + d);
            }
            assertEquals(e.dtype(), sink.dtypes.get(e.name()), e.name());
        }
    }

    private static void checkLabels(Memory sink, int n) {
        for (int i = 0; i < n; i++) {
            double y = sink.values.get("y")[i];
            double clean = sink.values.get("y_clean")[i];
            double noisy = sink.values.get("noisy")[i];
            assertTrue(noisy == 0 || noisy == 1);
            assertEquals(clean * (1 - 2 * noisy), y, "y = y_clean (1 - 2 noisy) at " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dense", "span", "sketch"})
    void savingChangesNoNumberAndWritesThePlan(String name) {
        TrainingSetup s = setup();
        Plugins pl = plugins(new RandomFlip(0.2));
        DenseEngineTest.Recorder plain = new DenseEngineTest.Recorder();
        DenseEngineTest.Recorder saving = new DenseEngineTest.Recorder();
        TrainingResult r0 = engine(name).train(s, pl, Fixture.streams(7), plain);
        Memory sink = new Memory();
        TrainingResult r1 = engine(name).train(s, pl, Fixture.streams(7), saving, new ArrayOutput(ALL, sink));
        assertEquals(plain.records, saving.records, "bit-identical metrics");
        assertEquals(r0, r1);
        checkPlan(name, s, sink);
        checkLabels(sink, s.n());
        int n = s.n();
        int m = s.width();
        int p = s.p();
        if (!name.equals("sketch")) {
            double[] x = sink.values.get("X");
            assertTrue(relDiff(sink.values.get("K"), timesT(x, x, n, n, p)) < 1e-12, "K = X X^T");
            assertTrue(relDiff(sink.values.get("Z0"), timesT(x, sink.values.get("W0"), n, m, p)) < 1e-12,
                    "Z0 = X W0^T");
            assertTrue(relDiff(sink.values.get("Z"), timesT(x, sink.values.get("W"), n, m, p)) < 1e-9, "Z = X W^T");
            double[] mu = sink.values.get("mu");
            assertEquals(s.muNorm(), mu[0]);
            for (int k = 1; k < p; k++) {
                assertEquals(0.0, mu[k]);
            }
        }
        if (!name.equals("dense")) {
            // Z = Z0 + K B^T
            double[] b = sink.values.get("B");
            double[] k = sink.values.get("K");
            double[] z = sink.values.get("Z0").clone();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    for (int q = 0; q < n; q++) {
                        z[i * m + j] += k[i * n + q] * b[j * n + q];
                    }
                }
            }
            assertTrue(relDiff(sink.values.get("Z"), z) < 1e-12, "Z = Z0 + K B^T");
            assertTrue(Math.abs(sink.values.get("B")[0]) > 0, "trained");
        }
        if (name.equals("span")) {
            // W = W0 + B X
            double[] w = sink.values.get("W0").clone();
            double[] b = sink.values.get("B");
            double[] x = sink.values.get("X");
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < n; i++) {
                    for (int q = 0; q < p; q++) {
                        w[j * p + q] += b[j * n + i] * x[i * p + q];
                    }
                }
            }
            assertTrue(relDiff(sink.values.get("W"), w) < 1e-12, "W = W0 + B X");
        }
        // the final outputs f = phi(Z) a give the final train loss
        double loss = 0;
        Plugins p2 = pl;
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int j = 0; j < m; j++) {
                f += sink.values.get("a")[j] * p2.activation().value(sink.at("Z", i, j));
            }
            loss += p2.loss().value(sink.values.get("y")[i] * f);
        }
        assertEquals(r1.finalMetrics().get(MetricNames.TRAIN_LOSS), loss / n, 1e-12);
    }

    @Test
    void denseAndSpanSaveTheSameArrays() {
        TrainingSetup s = setup();
        Plugins pl = plugins(new RandomFlip(0.2));
        Memory dense = new Memory();
        Memory span = new Memory();
        engine("dense").train(s, pl, Fixture.streams(3), MetricsSink.discard(), new ArrayOutput(ALL, dense));
        engine("span").train(s, pl, Fixture.streams(3), MetricsSink.discard(), new ArrayOutput(ALL, span));
        for (String name : List.of("X", "y", "y_clean", "noisy", "mu", "a", "W0")) {
            assertArrayEquals(dense.values.get(name), span.values.get(name), name);
        }
        for (String name : List.of("K", "Z0", "W", "Z")) {
            assertTrue(relDiff(dense.values.get(name), span.values.get(name)) < 1e-9, name);
        }
    }

    @Test
    void onlyTheGroupsAskedForAreWritten() {
        TrainingSetup s = setup();
        Memory sink = new Memory();
        engine("span").train(s, plugins(new RandomFlip(0.2)), Fixture.streams(3), MetricsSink.discard(),
                new ArrayOutput(EnumSet.of(ArrayGroup.FINAL), sink));
        assertEquals(List.of("W", "B", "Z"), new ArrayList<>(sink.shapes.keySet()));
        assertEquals(List.of(), EngineKind.DENSE.savedArrays(s, Set.of()));
        assertThrows(NullPointerException.class, () -> new ArrayOutput(ALL, null));
    }

    @Test
    void rowsLargerThanOneJavaArrayNeedAStreamingSink() {
        Memory sink = new Memory();
        IntFunction<double[]> row = i -> new double[4];
        assertThrows(IllegalArgumentException.class, () -> sink.writeRows("W", 1 << 20, 1 << 12, row));
        sink.writeRows("W", 2, 4, row);
        assertArrayEquals(new int[] {2, 4}, sink.shapes.get("W"));
    }

    // ------------------------------------------------------------------------------------------------
    // Given data

    private static GivenData.Points points(int n, int p, int test, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        var g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] x = new double[n][p];
        double[] y = new double[n];
        double[][] tx = new double[test][p];
        double[] ty = new double[test];
        double mu = 3;
        for (int i = 0; i < n + test; i++) {
            double label = rng.nextBoolean() ? 1 : -1;
            double[] row = i < n ? x[i] : tx[i - n];
            for (int k = 0; k < p; k++) {
                row[k] = g.sample() + (k == 0 ? label * mu : 0);
            }
            if (i < n) {
                y[i] = label;
            } else {
                ty[i - n] = label;
            }
        }
        return new GivenData.Points(x, y, tx, ty);
    }

    private static TrainingSetup givenSetup(GivenData.Points pts, int m) {
        GivenData g = GivenData.of(pts);
        return new TrainingSetup(g.size(), g.dimension(), m, 0, g.testSize(), 1e-3, 80, 0, false, 5,
                SecondLayer.paper(m), g);
    }

    @Test
    void givenDataTrainsInDenseAndSpanAlike() {
        GivenData.Points pts = points(15, 60, 40, 11);
        TrainingSetup s = givenSetup(pts, 5);
        Plugins pl = plugins(new RandomFlip(0.3));
        Memory dense = new Memory();
        Memory span = new Memory();
        AtomicReference<double[]> unused = new AtomicReference<>();
        DenseEngineTest.Recorder rd = new DenseEngineTest.Recorder();
        DenseEngineTest.Recorder rs = new DenseEngineTest.Recorder();
        TrainingResult d = engine("dense").train(s, pl, Fixture.streams(4), rd, new ArrayOutput(ALL, dense));
        TrainingResult sp = engine("span").train(s, pl, Fixture.streams(4), rs, new ArrayOutput(ALL, span));
        assertEquals(rd.records.size(), rs.records.size());
        for (int i = 0; i < rd.records.size(); i++) {
            SpanEngineTest.assertClose(rd.records.get(i).value(), rs.records.get(i).value(), rd.records.get(i).toString());
        }
        assertEquals(d.noisyCount(), sp.noisyCount());
        assertTrue(d.noisyCount() > 0, "noise applied on top of the given labels");
        assertFalse(Double.isNaN(d.finalMetrics().get(MetricNames.TEST_ERROR)), "a test set was given");
        checkPlan("dense", s, dense);
        checkPlan("span", s, span);
        assertFalse(dense.shapes.containsKey("mu"), "μ is unknown for given data");
        checkLabels(dense, s.n());
        for (int i = 0; i < s.n(); i++) {
            assertEquals(pts.labels()[i], dense.values.get("y_clean")[i], "the given labels are the clean ones");
            for (int k = 0; k < s.p(); k++) {
                assertEquals(pts.x()[i][k], dense.at("X", i, k));
            }
        }
        assertTrue(relDiff(dense.values.get("W"), span.values.get("W")) < 1e-9, "W");
        assertTrue(unused.get() == null);
    }

    @Test
    void givenDataWithoutATestSetHasNoTestError() {
        GivenData.Points pts = points(10, 30, 0, 5);
        TrainingSetup s = givenSetup(pts, 4);
        TrainingResult r = engine("span").train(s, plugins(new RandomFlip(0)), Fixture.streams(1),
                MetricsSink.discard());
        assertTrue(Double.isNaN(r.finalMetrics().get(MetricNames.TEST_ERROR)));
        assertTrue(r.message().contains("test errors unavailable"), r.message());
        assertEquals(0, r.noisyCount());
    }

    @Test
    void givenDataRefusesTheSketchAndAdversarialNoise() {
        TrainingSetup s = givenSetup(points(10, 300, 5, 2), 4);
        Plugins random = plugins(new RandomFlip(0.1));
        assertTrue(Engines.unsupported("sketch", random, s).orElseThrow().contains("the data are given"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> engine("sketch").train(s, random, Fixture.streams(1), MetricsSink.discard()));
        assertTrue(e.getMessage().startsWith("sketch engine: the data are given"), e.getMessage());
        Plugins adversarial = plugins(new TestPlugins.FlipEvery(3));
        for (String name : List.of("dense", "span")) {
            assertTrue(Engines.unsupported(name, adversarial, s).orElseThrow().contains("adversarial"), name);
        }
        assertTrue(Engines.unsupported("span", random, s).isEmpty());
    }

    @Test
    void givenDataMustMatchTheSetupAndBeValid() {
        GivenData g = GivenData.of(points(10, 30, 5, 3));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSetup(11, 30, 4, 0, 5, 1e-3, 10, 0, false, 5,
                SecondLayer.paper(4), g));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSetup(10, 30, 4, 0, 0, 1e-3, 10, 0, false, 5,
                SecondLayer.paper(4), g));
        double[][] x = {{1, 2}, {3, Double.NaN}};
        assertThrows(IllegalArgumentException.class, () -> new GivenData.Points(x, new double[] {1, -1},
                new double[0][], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new GivenData.Points(new double[][] {{1}, {2}},
                new double[] {1, 0}, new double[0][], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new GivenData.Points(new double[][] {{1}, {2, 3}},
                new double[] {1, -1}, new double[0][], new double[0]));
    }
}
