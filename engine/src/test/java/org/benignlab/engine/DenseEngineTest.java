package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.benignlab.activations.impl.SmoothedLeakyRelu;
import org.benignlab.api.Activation;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.Loss;
import org.benignlab.api.MetricNames;
import org.benignlab.api.RunStatus;
import org.benignlab.api.StopReason;
import org.benignlab.distributions.impl.IsotropicGaussian;
import org.benignlab.distributions.impl.RandomFlip;
import org.benignlab.optimizers.impl.GradientDescent;
import org.benignlab.optimizers.impl.LogisticLoss;
import org.junit.jupiter.api.Test;

class DenseEngineTest {
    private static final Activation PHI = new SmoothedLeakyRelu(0.1, 1.0);
    private static final Loss LOGISTIC = new LogisticLoss();

    /** One call of the sink. */
    record Rec(long step, String metric, double value) {
    }

    /** A sink that keeps everything and checks the calling order. */
    static final class Recorder implements MetricsSink {
        final List<Rec> records = new ArrayList<>();
        private final List<String> order;

        /** Expects every metric of {@link MetricNames#ALL} at each recorded step. */
        Recorder() {
            this(MetricNames.ALL);
        }

        /** Expects the metrics {@code order} at each recorded step, in that order. */
        Recorder(List<String> order) {
            this.order = order;
        }

        @Override
        public void record(long step, String metric, double value) {
            if (!records.isEmpty()) {
                Rec last = records.get(records.size() - 1);
                int expectedIndex = (order.indexOf(last.metric()) + 1) % order.size();
                assertEquals(order.get(expectedIndex), metric, "metric order");
                assertTrue(expectedIndex == 0 ? step > last.step() : step == last.step(), "step order");
            } else {
                assertEquals(order.get(0), metric);
            }
            records.add(new Rec(step, metric, value));
        }

        List<Long> steps() {
            return records.stream().filter(r -> r.metric().equals(MetricNames.TRAIN_LOSS)).map(Rec::step).toList();
        }

        Map<String, Double> at(long step) {
            Map<String, Double> out = new LinkedHashMap<>();
            for (Rec r : records) {
                if (r.step() == step) {
                    out.put(r.metric(), r.value());
                }
            }
            return out;
        }

        double value(long step, String metric) {
            return at(step).get(metric);
        }
    }

    private static Plugins plugins(LabelNoise noise, double step) {
        return new Plugins(PHI, new IsotropicGaussian(), noise, LOGISTIC, new GradientDescent(step));
    }

    private static TrainingSetup setup(int testSize, long maxSteps, double stopLoss, boolean interpolation, int ppd) {
        return new TrainingSetup(30, 600, 20, Math.pow(600, 0.3), testSize, 1e-3, maxSteps, stopLoss, interpolation,
                ppd);
    }

    @Test
    void sameSeedsGiveIdenticalMetricsWhateverTheThreadCount() {
        TrainingSetup s = setup(300, 40, 0, false, 1000);
        Plugins pl = plugins(new RandomFlip(0.15), 0.02);
        Recorder first = new Recorder();
        TrainingResult r1 = new DenseEngine(1).train(s, pl, Fixture.streams(1), first);
        for (int threads : new int[] {1, 2, 3}) {
            Recorder again = new Recorder();
            TrainingResult r = new DenseEngine(threads).train(s, pl, Fixture.streams(1), again);
            assertEquals(first.records, again.records, "threads = " + threads);
            assertEquals(r1, r, "threads = " + threads);
        }
        assertEquals(41, first.steps().size());
        Recorder other = new Recorder();
        new DenseEngine(1).train(s, pl, Fixture.streams(2), other);
        assertNotEquals(first.records, other.records, "another seed gives other numbers");
    }

    /**
     * Bit-identical metrics and final W for 1, 2 and 3 threads at sizes with several blocks of every product
     * (m = 70 rows of W, p = 4500 columns, 150 test points), whichever kernels run ({@link NativeBlas}).
     */
    @Test
    void identicalWhateverTheThreadCountWithSeveralBlocksPerProduct() {
        TrainingSetup s = new TrainingSetup(20, 4500, 70, Math.pow(4500, 0.3), 150, 1e-3, 6, 0, false, 1000);
        Plugins pl = plugins(new RandomFlip(0.15), 0.05);
        Recorder first = new Recorder();
        double[][] w1 = new double[1][];
        TrainingResult r1 = new DenseEngine(1).train(s, pl, Fixture.streams(5), first, w -> w1[0] = w);
        for (int threads : new int[] {2, 3}) {
            Recorder again = new Recorder();
            double[][] w = new double[1][];
            TrainingResult r = new DenseEngine(threads).train(s, pl, Fixture.streams(5), again, v -> w[0] = v);
            assertEquals(first.records, again.records, "threads = " + threads + ", " + NativeBlas.description());
            assertEquals(r1, r, "threads = " + threads);
            assertTrue(java.util.Arrays.equals(w1[0], w[0]), "final W bit for bit, threads = " + threads);
        }
    }

    /** n = 20, p = 400, ||μ|| = p^0.3, 4 of 20 labels flipped: gradient descent fits every label. */
    @Test
    void separableInstanceReachesInterpolation() {
        TrainingSetup s = new TrainingSetup(20, 400, 50, Math.pow(400, 0.3), 500, 1e-4, 2000, 0, true, 10);
        Recorder rec = new Recorder();
        TrainingResult r = new DenseEngine(2).train(s, plugins(new TestPlugins.FlipEvery(5), 0.05), Fixture.streams(7),
                rec);
        assertEquals(RunStatus.COMPLETED, r.status());
        assertEquals(StopReason.INTERPOLATION, r.stopReason());
        assertEquals(4, r.noisyCount());
        assertTrue(r.steps() > 0 && r.steps() < 2000, "steps " + r.steps());
        assertEquals(0.0, r.finalMetrics().get(MetricNames.TRAIN_ERROR));
        assertEquals(0.0, r.finalMetrics().get(MetricNames.TRAIN_ERROR_NOISY));
        assertTrue(rec.value(0, MetricNames.TRAIN_ERROR) > 0, "not interpolating at initialisation");
        assertTrue(r.finalMetrics().get(MetricNames.TEST_ERROR_CLEAN) < 0.1, "benign: " + r.finalMetrics());
        assertEquals(-1, r.divergedAtStep());
    }

    @Test
    void stopLossStopsAtTheFirstStepAtOrBelowTheThreshold() {
        double threshold = 0.3;
        TrainingSetup s = setup(50, 1000, threshold, false, 1000);
        Recorder rec = new Recorder();
        TrainingResult r = new DenseEngine(1).train(s, plugins(new TestPlugins.FlipEvery(10), 0.02), Fixture.streams(3),
                rec);
        assertEquals(StopReason.STOP_LOSS, r.stopReason());
        assertEquals(RunStatus.COMPLETED, r.status());
        assertTrue(r.steps() > 1 && r.steps() < 400, "every step up to 400 is recorded: " + r.steps());
        assertTrue(r.finalMetrics().get(MetricNames.TRAIN_LOSS) <= threshold);
        assertTrue(rec.value(r.steps() - 1, MetricNames.TRAIN_LOSS) > threshold);
        assertEquals(r.steps(), rec.steps().get(rec.steps().size() - 1));
    }

    @Test
    void hugeStepSizeDivergesAndRecordsTheStep() {
        TrainingSetup s = setup(50, 100, 0, false, 1);
        Recorder rec = new Recorder();
        TrainingResult r = new DenseEngine(2).train(s, plugins(new TestPlugins.FlipEvery(5), 1e308),
                Fixture.streams(4), rec);
        assertEquals(RunStatus.DIVERGED, r.status());
        assertEquals(StopReason.DIVERGED, r.stopReason());
        assertEquals(r.steps(), r.divergedAtStep());
        assertTrue(r.steps() >= 1 && r.steps() < 100);
        assertEquals(List.of(0L, 1L, r.steps()).stream().distinct().toList(), rec.steps());
        assertEquals(r.finalMetrics(), rec.at(r.steps()));
        assertTrue(r.message().contains("diverged at step " + r.steps()), r.message());
    }

    /** Sparse schedule: 0, 1, 10 and the final step, each once; final metrics equal the last recorded ones. */
    @Test
    void finalStepIsRecordedOnceAndEqualsTheFinalMetrics() {
        TrainingSetup s = setup(40, 37, 0, false, 1);
        Recorder rec = new Recorder();
        TrainingResult r = new DenseEngine(1).train(s, plugins(new TestPlugins.FlipEvery(5), 0.01), Fixture.streams(5),
                rec);
        assertEquals(StopReason.MAX_STEPS, r.stopReason());
        assertEquals(37, r.steps());
        assertEquals(List.of(0L, 1L, 10L, 37L), rec.steps());
        assertEquals(4 * MetricNames.ALL.size(), rec.records.size());
        assertEquals(r.finalMetrics(), rec.at(37));
        assertEquals(MetricNames.ALL, List.copyOf(r.finalMetrics().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> r.finalMetrics().put("x", 1.0));
    }

    @Test
    void zeroStepsRecordsTheInitialisationOnce() {
        Recorder rec = new Recorder();
        TrainingResult r = new DenseEngine(1).train(setup(10, 0, 0, false, 10),
                plugins(new TestPlugins.FlipEvery(5), 0.01), Fixture.streams(6), rec);
        assertEquals(0, r.steps());
        assertEquals(StopReason.MAX_STEPS, r.stopReason());
        assertEquals(List.of(0L), rec.steps());
    }

    /** The training data and trajectory do not depend on the test size; an empty test set gives NaN. */
    @Test
    void trainingDoesNotDependOnTheTestSize() {
        Plugins pl = plugins(new RandomFlip(0.0), 0.02);
        Recorder none = new Recorder();
        Recorder some = new Recorder();
        TrainingResult r0 = new DenseEngine(1).train(setup(0, 15, 0, false, 1000), pl, Fixture.streams(8), none);
        TrainingResult r1 = new DenseEngine(1).train(setup(77, 15, 0, false, 1000), pl, Fixture.streams(8), some);
        assertEquals(0, r0.noisyCount());
        for (long t : none.steps()) {
            for (String m : List.of(MetricNames.TRAIN_LOSS, MetricNames.TRAIN_ERROR, MetricNames.TRAIN_ERROR_CLEAN,
                    MetricNames.WEIGHT_NORM)) {
                assertEquals(none.value(t, m), some.value(t, m), 0.0, m + " at " + t);
            }
            assertTrue(Double.isNaN(none.value(t, MetricNames.TEST_ERROR)));
            assertTrue(Double.isNaN(none.value(t, MetricNames.TEST_ERROR_CLEAN)));
            assertTrue(Double.isNaN(none.value(t, MetricNames.TRAIN_ERROR_NOISY)), "no noisy points");
            assertFalse(Double.isNaN(some.value(t, MetricNames.TEST_ERROR)));
        }
        assertEquals(r0.steps(), r1.steps());
    }

    /**
     * The metrics at step 0 equal an independent computation from the documented draw order: data from
     * Dataset.generate (checked in DatasetTest), a_j = ±1/√m from nextBoolean on the signs stream,
     * W0 = ω · Ziggurat normals row-major on the init stream, and the naive network of Reference.
     */
    @Test
    void initialMetricsMatchAnIndependentReconstruction() {
        int n = 25;
        int p = 90;
        int m = 7;
        int testSize = 1100; // two test blocks
        double mu = 3.0;
        double omega = 0.2;
        LabelNoise noise = new RandomFlip(0.2);
        TrainingSetup s = new TrainingSetup(n, p, m, mu, testSize, omega, 0, 0, false, 10);
        Recorder rec = new Recorder();
        new DenseEngine(2).train(s, plugins(noise, 0.01), Fixture.streams(21), rec);

        RandomStreams st = Fixture.streams(21);
        Dataset train = Dataset.generate(n, p, mu, new IsotropicGaussian(), noise, st.data(), st.noise());
        Dataset test = Dataset.generate(testSize, p, mu, new IsotropicGaussian(), noise, st.test(),
                st.testFlips());
        double[] a = new double[m];
        UniformRandomProvider signs = st.signs().generator();
        for (int j = 0; j < m; j++) {
            a[j] = (signs.nextBoolean() ? 1 : -1) / Math.sqrt(m);
        }
        double[] w = new double[m * p];
        double sumSq = 0;
        for (int j = 0; j < m; j++) { // row j from the init stream's substream j
            NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(st.init().substream(j));
            for (int k = j * p; k < (j + 1) * p; k++) {
                w[k] = omega * g.sample();
                sumSq += w[k] * w[k];
            }
        }
        double[][] xTrain = new double[n][];
        for (int i = 0; i < n; i++) {
            xTrain[i] = train.point(i);
        }
        double[] f = Reference.outputs(xTrain, w, a, PHI);
        double[] y = train.labels();
        boolean[] flipped = train.flipped();
        double loss = 0;
        int err = 0;
        int errNoisy = 0;
        for (int i = 0; i < n; i++) {
            loss += LOGISTIC.value(y[i] * f[i]);
            if (y[i] * f[i] <= 0) {
                err++;
                errNoisy += flipped[i] ? 1 : 0;
            }
        }
        double[][] xTest = new double[testSize][];
        for (int i = 0; i < testSize; i++) {
            xTest[i] = test.point(i);
        }
        double[] fTest = Reference.outputs(xTest, w, a, PHI);
        int testErr = 0;
        int testErrClean = 0;
        for (int i = 0; i < testSize; i++) {
            testErr += test.labels()[i] * fTest[i] <= 0 ? 1 : 0;
            testErrClean += test.cleanLabels()[i] * fTest[i] <= 0 ? 1 : 0;
        }
        int noisy = train.noisyCount();
        assertTrue(noisy > 0 && noisy < n);
        Map<String, Double> got = rec.at(0);
        assertEquals(loss / n, got.get(MetricNames.TRAIN_LOSS), 1e-12);
        assertEquals((double) err / n, got.get(MetricNames.TRAIN_ERROR), 0.0);
        assertEquals((double) errNoisy / noisy, got.get(MetricNames.TRAIN_ERROR_NOISY), 0.0);
        assertEquals((double) (err - errNoisy) / (n - noisy), got.get(MetricNames.TRAIN_ERROR_CLEAN), 0.0);
        assertEquals((double) testErr / testSize, got.get(MetricNames.TEST_ERROR), 0.0);
        assertEquals((double) testErrClean / testSize, got.get(MetricNames.TEST_ERROR_CLEAN), 0.0);
        assertEquals(Math.sqrt(sumSq), got.get(MetricNames.WEIGHT_NORM), 1e-12);
        var svd = org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(m, p, false, false, true);
        assertTrue(svd.decompose(new org.ejml.data.DMatrixRMaj(m, p, true, w)));
        double sigma = 0;
        for (double sv : svd.getSingularValues()) {
            sigma = Math.max(sigma, sv);
        }
        assertEquals(sigma, got.get(MetricNames.WEIGHT_NORM_SPECTRAL), 1e-12 * sigma);
        assertEquals(sumSq / (sigma * sigma), got.get(MetricNames.STABLE_RANK), 1e-10);
        assertTrue(got.get(MetricNames.STABLE_RANK) > 1 && got.get(MetricNames.STABLE_RANK) < m);
        assertTrue(testErr > 0 && testErr < testSize, "a non-trivial test error: " + testErr);
    }

    /** W0 = 0 (ω = 0): both norms are 0 and the stable rank, 0/0, is NaN; after one step it is defined. */
    @Test
    void zeroWeightsHaveNoStableRank() {
        TrainingSetup s = new TrainingSetup(10, 50, 4, 2.0, 20, 0.0, 1, 0, false, 10);
        for (Engine engine : List.of(new DenseEngine(1), new SpanEngine(1), new SketchEngine(1))) {
            Recorder rec = new Recorder();
            engine.train(s, plugins(new TestPlugins.FlipEvery(5), 0.1), Fixture.streams(3), rec);
            assertEquals(0.0, rec.value(0, MetricNames.WEIGHT_NORM), 0.0, engine.name());
            assertEquals(0.0, rec.value(0, MetricNames.WEIGHT_NORM_SPECTRAL), 0.0, engine.name());
            assertTrue(Double.isNaN(rec.value(0, MetricNames.STABLE_RANK)), engine.name());
            assertTrue(rec.value(1, MetricNames.STABLE_RANK) >= 1 - 1e-9, engine.name());
        }
    }

    @Test
    void setupIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingSetup(0, 5, 5, 1, 0, 0, 1, 0, false, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSetup(5, 5, 5, -1, 0, 0, 1, 0, false, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSetup(5, 5, 5, 1, -1, 0, 1, 0, false, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new TrainingSetup(5, 5, 5, 1, 0, Double.NaN, 1, 0, false, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSetup(5, 5, 5, 1, 0, 0, -1, 0, false, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new TrainingSetup(5, 5, 5, 1, 0, 0, 1, Double.POSITIVE_INFINITY, false, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSetup(5, 5, 5, 1, 0, 0, 1, 0, false, 0));
        // W must be one array for the dense engine only: the setup itself accepts any width * p.
        TrainingSetup huge = new TrainingSetup(5, 1 << 20, 1 << 12, 1, 0, 0, 1, 0, false, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DenseEngine(1)
                .train(huge, plugins(new TestPlugins.FlipEvery(5), 0.01), Fixture.streams(1), MetricsSink.discard()));
        assertTrue(e.getMessage().startsWith("dense engine: width * p = 4096 * 1048576"), e.getMessage());
        assertEquals("TrainingSetup.n: must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new TrainingSetup(0, 5, 5, 1, 0, 0, 1, 0, false, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DenseEngine(0));
    }

    @Test
    void memoryEstimateCountsTheBigArrays() {
        TrainingSetup s = new TrainingSetup(100, 5000, 100, 10, 5000, 1e-4, 10, 0, false, 10);
        long bytes = DenseEngine.estimateMemoryBytes(s);
        assertTrue(bytes > 220_000_000L && bytes < 230_000_000L, "bytes " + bytes);
    }

    @Test
    void seedsAreTakenFromTheNamedStreamsOnly() {
        // Replacing the test stream changes the test metrics only.
        Plugins pl = plugins(new TestPlugins.FlipEvery(4), 0.02);
        TrainingSetup s = setup(60, 5, 0, false, 1000);
        RandomStreams a = Fixture.streams(30);
        RandomStreams b = Fixture.streams(30);
        b = new RandomStreams(b.data(), b.noise(), b.init(), b.signs(), StreamSeed.of(999L, "test"));
        Recorder ra = new Recorder();
        Recorder rb = new Recorder();
        new DenseEngine(1).train(s, pl, a, ra);
        new DenseEngine(1).train(s, pl, b, rb);
        assertEquals(ra.value(5, MetricNames.TRAIN_LOSS), rb.value(5, MetricNames.TRAIN_LOSS), 0.0);
        assertEquals(ra.value(5, MetricNames.WEIGHT_NORM), rb.value(5, MetricNames.WEIGHT_NORM), 0.0);
        assertNotEquals(ra.records, rb.records, "the test metrics come from the test stream");
    }
}
