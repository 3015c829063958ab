package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.benignlab.activations.impl.Identity;
import org.benignlab.activations.impl.SmoothedLeakyRelu;
import org.benignlab.activations.impl.SoftplusLeaky;
import org.benignlab.api.Activation;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.MetricNames;
import org.benignlab.api.Optimizer;
import org.benignlab.api.RunStatus;
import org.benignlab.api.StopReason;
import org.benignlab.distributions.impl.IsotropicGaussian;
import org.benignlab.distributions.impl.RandomFlip;
import org.benignlab.optimizers.impl.GradientDescent;
import org.benignlab.optimizers.impl.LogisticLoss;
import org.benignlab.optimizers.impl.Momentum;
import org.junit.jupiter.api.Test;

/** The span engine equals the dense engine up to rounding: same data, same trajectory, same W. */
class SpanEngineTest {
    private static final double REL = 1e-9;

    private static final List<Activation> ACTIVATIONS = List.of(new SmoothedLeakyRelu(0.1, 1.0),
            new SmoothedLeakyRelu(0.5, 10.0), new SoftplusLeaky(0.2, 0.25), new Identity());

    private static Plugins plugins(Activation phi, LabelNoise noise, Optimizer optimizer) {
        return new Plugins(phi, new IsotropicGaussian(), noise, new LogisticLoss(), optimizer);
    }

    /** Runs dense (2 threads) and span (1 thread) on the same seeds and checks metrics, result and final W. */
    static void assertAgree(TrainingSetup s, Plugins pl, long seed) {
        DenseEngineTest.Recorder dense = new DenseEngineTest.Recorder(s.coreMetrics());
        DenseEngineTest.Recorder span = new DenseEngineTest.Recorder(s.coreMetrics());
        AtomicReference<double[]> w = new AtomicReference<>();
        AtomicReference<double[]> b = new AtomicReference<>();
        TrainingResult rd = new DenseEngine(2).train(s, pl, Fixture.streams(seed), dense, w::set);
        TrainingResult rs = new SpanEngine(1).train(s, pl, Fixture.streams(seed), span, b::set);
        String where = s + " " + pl + " seed " + seed;

        assertEquals(rd.status(), rs.status(), where);
        assertEquals(rd.stopReason(), rs.stopReason(), where);
        assertEquals(rd.steps(), rs.steps(), where);
        assertEquals(rd.noisyCount(), rs.noisyCount(), where);
        assertEquals(dense.steps(), span.steps(), where);
        assertEquals(dense.records.size(), span.records.size(), where);
        for (int r = 0; r < dense.records.size(); r++) {
            DenseEngineTest.Rec d = dense.records.get(r);
            DenseEngineTest.Rec p = span.records.get(r);
            assertEquals(d.metric(), p.metric());
            assertClose(d.value(), p.value(), d.metric() + " at step " + d.step() + ", " + where);
        }
        for (Map.Entry<String, Double> e : rd.finalMetrics().entrySet()) {
            assertClose(e.getValue(), rs.finalMetrics().get(e.getKey()), "final " + e.getKey() + ", " + where);
        }

        // W = W0 + B X from the documented draws
        RandomStreams st = Fixture.streams(seed);
        Dataset train = Dataset.generate(s.n(), s.p(), s.muNorm(), pl.signal(), pl.cluster(), pl.noise(), st.data(),
                st.noise());
        double[] w0 = DenseEngine.initialWeights(s.width(), s.p(), s.initScale(), st.init());
        double[] coef = b.get();
        double[] wd = w.get();
        double max = 0;
        double diff = 0;
        for (int j = 0; j < s.width(); j++) {
            for (int k = 0; k < s.p(); k++) {
                double v = w0[j * s.p() + k];
                for (int i = 0; i < s.n(); i++) {
                    v += coef[j * s.n() + i] * train.x[i][k];
                }
                max = Math.max(max, Math.abs(wd[j * s.p() + k]));
                diff = Math.max(diff, Math.abs(v - wd[j * s.p() + k]));
            }
        }
        assertTrue(max > 0, where);
        assertTrue(diff <= REL * max, "W = W0 + B X differs from dense W by " + diff + " (max |W| " + max + "), "
                + where);
    }

    static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
            return;
        }
        assertEquals(expected, actual, REL * Math.abs(expected), what);
    }

    /** Every activation x width x optimiser (GD and heavy ball), 1100 test points (two blocks), random flips. */
    @Test
    void denseAndSpanAgreeForEveryActivationWidthAndOptimizer() {
        long seed = 100;
        for (Activation phi : ACTIVATIONS) {
            for (int m : new int[] {1, 7, 20}) {
                for (Optimizer opt : List.of(new GradientDescent(0.02), new Momentum(0.005, 0.9, false))) {
                    TrainingSetup s = new TrainingSetup(15, 300, m, Math.pow(300, 0.3), 1100, 0.01, 60, 0, false, 10);
                    assertAgree(s, plugins(phi, new RandomFlip(0.2), opt), seed++);
                }
            }
        }
    }

    /** Random sizes, including p &lt; n, and random seeds (QuickTheories, pinned seed). */
    @Test
    void denseAndSpanAgreeOnRandomSizes() {
        qt().withFixedSeed(20220211L).withExamples(25)
                .forAll(integers().between(2, 20), integers().between(2, 250), integers().between(1, 12),
                        longs().between(1, 1_000_000))
                .checkAssert((n, p, m, seed) -> {
                    Activation phi = ACTIVATIONS.get((int) (seed % ACTIVATIONS.size()));
                    Optimizer opt = seed % 2 == 0 ? new GradientDescent(0.5 / (p + 10.0))
                            : new Momentum(0.1 / (p + 10.0), 0.8, false);
                    TrainingSetup s = new TrainingSetup(n, p, m, 2.0, 50, 0.05, 30, 0, false, 5);
                    assertAgree(s, plugins(phi, new RandomFlip(0.15), opt), seed);
                });
    }

    /** A noise model that reads the features makes span keep the whole test set; still equal to dense. */
    @Test
    void denseAndSpanAgreeWithANoiseModelThatReadsFeatures() {
        TrainingSetup s = new TrainingSetup(20, 200, 9, 3.0, 500, 0.02, 40, 0, false, 10);
        assertAgree(s, plugins(ACTIVATIONS.get(0), new TestPlugins.SecondCoordinateFlips(-1.0),
                new Momentum(0.01, 0.5, false)), 77);
    }

    /** Interpolation and stop-loss stop both engines at the same step with the same metrics. */
    @Test
    void stopRulesAgree() {
        Plugins pl = plugins(ACTIVATIONS.get(0), new TestPlugins.FlipEvery(5), new GradientDescent(0.05));
        TrainingSetup interpolation = new TrainingSetup(20, 400, 50, Math.pow(400, 0.3), 300, 1e-4, 2000, 0, true, 10);
        assertAgree(interpolation, pl, 7);
        TrainingResult r = new SpanEngine(2).train(interpolation, pl, Fixture.streams(7), MetricsSink.discard());
        assertEquals(StopReason.INTERPOLATION, r.stopReason());
        assertTrue(r.steps() > 0 && r.steps() < 2000);

        TrainingSetup stopLoss = new TrainingSetup(30, 600, 20, Math.pow(600, 0.3), 50, 1e-3, 1000, 0.3, false, 1000);
        Plugins pl2 = plugins(ACTIVATIONS.get(0), new TestPlugins.FlipEvery(10), new GradientDescent(0.02));
        assertAgree(stopLoss, pl2, 3);
        assertEquals(StopReason.STOP_LOSS,
                new SpanEngine(1).train(stopLoss, pl2, Fixture.streams(3), MetricsSink.discard()).stopReason());
    }

    @Test
    void hugeStepSizeDivergesInBothEngines() {
        TrainingSetup s = new TrainingSetup(30, 600, 20, Math.pow(600, 0.3), 50, 1e-3, 100, 0, false, 1);
        Plugins pl = plugins(ACTIVATIONS.get(0), new TestPlugins.FlipEvery(5), new GradientDescent(1e308));
        TrainingResult dense = new DenseEngine(1).train(s, pl, Fixture.streams(4), MetricsSink.discard());
        DenseEngineTest.Recorder rec = new DenseEngineTest.Recorder();
        TrainingResult span = new SpanEngine(1).train(s, pl, Fixture.streams(4), rec);
        assertEquals(RunStatus.DIVERGED, span.status());
        assertEquals(StopReason.DIVERGED, span.stopReason());
        assertEquals(span.steps(), span.divergedAtStep());
        assertEquals(dense.steps(), span.steps());
        assertEquals(span.finalMetrics(), rec.at(span.steps()));
        assertTrue(span.message().contains("diverged at step " + span.steps()), span.message());
    }

    @Test
    void resultsAreIdenticalWhateverTheThreadCount() {
        TrainingSetup s = new TrainingSetup(25, 500, 13, 4.0, 1500, 0.01, 40, 0, false, 1000);
        Plugins pl = plugins(ACTIVATIONS.get(2), new RandomFlip(0.1), new Momentum(0.01, 0.9, false));
        DenseEngineTest.Recorder one = new DenseEngineTest.Recorder();
        TrainingResult r1 = new SpanEngine(1).train(s, pl, Fixture.streams(11), one);
        for (int threads : new int[] {2, 3}) {
            DenseEngineTest.Recorder again = new DenseEngineTest.Recorder();
            TrainingResult r = new SpanEngine(threads).train(s, pl, Fixture.streams(11), again);
            assertEquals(one.records, again.records, "threads = " + threads);
            assertEquals(r1, r, "threads = " + threads);
        }
        assertEquals(41, one.steps().size());
    }

    @Test
    void refusesAnOptimizerThatIsNotLinearInPastGradients() {
        TrainingSetup s = new TrainingSetup(10, 50, 4, 2.0, 10, 0.01, 5, 0, false, 1);
        Plugins pl = plugins(ACTIVATIONS.get(0), new RandomFlip(0.1), new TestPlugins.SignDescent(1e-3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SpanEngine(1).train(s, pl, Fixture.streams(1), MetricsSink.discard()));
        assertEquals("span engine: optimizer SignDescent is not linear in past gradients; use engine dense",
                e.getMessage());
        // the dense engine runs it
        assertEquals(StopReason.MAX_STEPS,
                new DenseEngine(1).train(s, pl, Fixture.streams(1), MetricsSink.discard()).stopReason());
    }

    /** The setup products are those of the explicit data: K = X X^T, Z0 = X W0^T, test projections. */
    @Test
    void setupMatchesTheExplicitProducts() {
        TrainingSetup s = new TrainingSetup(6, 40, 3, 1.5, 7, 0.3, 0, 0, false, 1);
        Plugins pl = plugins(ACTIVATIONS.get(0), new RandomFlip(0.3), new GradientDescent(0.1));
        SpanProblem d;
        try (ParallelNetworkOps ops = new ParallelNetworkOps(2)) {
            d = SpanEngine.prepare(s, pl, Fixture.streams(5), Products.preferred(), ops);
        }
        new SpanNetwork(d, Products.preferred(), null).awaitTest(); // (one block: in V, projected before prepare returns)
        RandomStreams st = Fixture.streams(5);
        Dataset train = Dataset.generate(6, 40, 1.5, pl.cluster(), pl.noise(), st.data(), st.noise());
        Dataset test = Dataset.generate(7, 40, 1.5, pl.cluster(), pl.noise(), st.test(), st.testFlips());
        double[] w0 = DenseEngine.initialWeights(3, 40, 0.3, st.init());
        double w0sq = 0;
        for (double v : w0) {
            w0sq += v * v;
        }
        assertEquals(w0sq, d.w0NormSq, 1e-12 * w0sq);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(dot(train.x[i], train.x[j]), d.k[i][j], 1e-12 * 40);
            }
            for (int j = 0; j < 3; j++) {
                assertEquals(dot(train.x[i], row(w0, j, 40)), d.z0[i][j], 1e-12 * 40);
                assertEquals(d.z0[i][j], d.z0t[j][i], 0.0);
            }
        }
        for (int t = 0; t < 7; t++) {
            for (int i = 0; i < 6; i++) {
                assertEquals(dot(test.x[t], train.x[i]), d.testK[t][i], 1e-12 * 40);
            }
            for (int j = 0; j < 3; j++) {
                assertEquals(dot(test.x[t], row(w0, j, 40)), d.testW0[t][j], 1e-12 * 40);
            }
        }
        assertArrayEquals(train.labels(), d.train.labels(), 0.0);
        assertArrayEquals(test.labels(), d.test.labels(), 0.0);
        assertArrayEquals(test.cleanLabels(), d.test.cleanLabels(), 0.0);
    }

    /**
     * The test projections are X x and W0 x whichever way setup computes them: a test set of one block is drawn into
     * V and projected as pieces of V V^T (on the pipeline), a larger one a block at a time against [X; W0] (the
     * last block in the background with two or more threads). Both equal the explicit dot products (to 1e-12 on
     * the native BLAS; on the Java kernels bit for bit, both summing in increasing index) and give the same bits
     * for 1, 2 and 3 threads.
     */
    @Test
    void testProjectionsInVAndInBlocksAreTheExplicitProducts() {
        int p = SpanEngine.SETUP_BLOCK_DOUBLES / 8; // blocks of 8 test points
        assertEquals(8, SpanEngine.blockRows(p));
        Plugins pl = plugins(ACTIVATIONS.get(0), new RandomFlip(0.3), new GradientDescent(0.1));
        for (int testSize : new int[] {8, 19}) { // one block, in V; three blocks (8, 8, 3)
            TrainingSetup s = new TrainingSetup(3, p, 2, 1.5, testSize, 0.3, 0, 0, false, 1);
            RandomStreams st = Fixture.streams(6);
            Dataset train = Dataset.generate(3, p, 1.5, pl.cluster(), pl.noise(), st.data(), st.noise());
            Dataset test = Dataset.generate(testSize, p, 1.5, pl.cluster(), pl.noise(), st.test(), st.testFlips());
            double[] w0 = DenseEngine.initialWeights(2, p, 0.3, st.init());
            for (Products backend : NativeBlas.available()
                    ? List.of(Products.javaKernels(), Products.nativeBlas()) : List.of(Products.javaKernels())) {
                double tolerance = backend == Products.javaKernels() ? 0.0 : 1e-12 * p;
                SpanProblem first = null;
                for (int threads = 1; threads <= 3; threads++) {
                    SpanProblem d;
                    try (ParallelNetworkOps ops = new ParallelNetworkOps(threads)) {
                        d = SpanEngine.prepare(s, pl, Fixture.streams(6), backend, ops);
                        new SpanNetwork(d, backend, ops).awaitTest();
                    }
                    String where = " (test " + testSize + ", " + backend.description() + ", threads " + threads + ")";
                    for (int t = 0; t < testSize; t++) {
                        for (int i = 0; i < 3; i++) {
                            assertEquals(dot(test.x[t], train.x[i]), d.testK[t][i], tolerance, "X x" + where);
                        }
                        for (int j = 0; j < 2; j++) {
                            assertEquals(dot(test.x[t], row(w0, j, p)), d.testW0[t][j], tolerance, "W0 x" + where);
                        }
                    }
                    if (first == null) {
                        first = d;
                    } else {
                        for (int t = 0; t < testSize; t++) {
                            assertArrayEquals(first.testK[t], d.testK[t], 0.0, "same bits" + where);
                            assertArrayEquals(first.testW0[t], d.testW0[t], 0.0, "same bits" + where);
                        }
                    }
                }
            }
        }
    }

    /**
     * Without the spectral norm ||W||_2 and the stable rank are left out and nothing else changes: dense and sketch
     * give the same bits (their training does not touch G0), span the same numbers up to rounding (K and Z0 come
     * from X V^T instead of V V^T, ||W0||_F^2 from a sum of squares instead of tr G0), and dense and span still
     * agree to 1e-9.
     */
    @Test
    void withoutTheSpectralNormOnlyTheSpectralMetricsGo() {
        TrainingSetup on = new TrainingSetup(20, 700, 45, 5.0, 300, 0.05, 80, 0, false, 10);
        TrainingSetup off = on.withSpectralNorm(false);
        assertEquals(List.of(MetricNames.WEIGHT_NORM_SPECTRAL, MetricNames.STABLE_RANK),
                MetricNames.ALL.stream().filter(x -> !off.coreMetrics().contains(x)).toList());
        Plugins pl = plugins(ACTIVATIONS.get(0), new RandomFlip(0.15), new Momentum(0.01, 0.9, false));
        for (Engine engine : List.of(new DenseEngine(2), new SpanEngine(2), new SketchEngine(2))) {
            DenseEngineTest.Recorder with = new DenseEngineTest.Recorder();
            DenseEngineTest.Recorder without = new DenseEngineTest.Recorder(off.coreMetrics());
            TrainingResult rOn = engine.train(on, pl, Fixture.streams(21), with);
            TrainingResult rOff = engine.train(off, pl, Fixture.streams(21), without);
            List<DenseEngineTest.Rec> expected = with.records.stream()
                    .filter(r -> !TrainingSetup.SPECTRAL_METRICS.contains(r.metric())).toList();
            assertTrue(expected.size() < with.records.size(), "the spectral metrics were recorded with it");
            assertEquals(expected.size(), without.records.size(), engine.name());
            for (int r = 0; r < expected.size(); r++) {
                DenseEngineTest.Rec e = expected.get(r);
                DenseEngineTest.Rec a = without.records.get(r);
                assertEquals(e.step(), a.step(), engine.name());
                assertEquals(e.metric(), a.metric(), engine.name());
                if (engine instanceof SpanEngine) {
                    assertEquals(e.value(), a.value(), 1e-12 * Math.abs(e.value()), e.metric() + " at " + e.step());
                } else {
                    assertEquals(e.value(), a.value(), 0.0, engine.name() + " " + e.metric() + " at " + e.step());
                }
            }
            assertEquals(rOn.steps(), rOff.steps());
            assertEquals(off.coreMetrics(), rOff.finalMetrics().keySet().stream()
                    .filter(MetricNames.ALL::contains).toList(), engine.name());
        }
        assertAgree(off, pl, 22);
    }

    @Test
    void withoutTheSpectralNormTheSetupSkipsG0() {
        TrainingSetup s = new TrainingSetup(6, 40, 3, 1.5, 7, 0.3, 0, 0, false, 1).withSpectralNorm(false);
        Plugins pl = plugins(ACTIVATIONS.get(0), new RandomFlip(0.3), new GradientDescent(0.1));
        SpanProblem without;
        SpanProblem with;
        try (ParallelNetworkOps ops = new ParallelNetworkOps(2)) {
            without = SpanEngine.prepare(s, pl, Fixture.streams(5), Products.preferred(), ops);
            with = SpanEngine.prepare(s.withSpectralNorm(true), pl, Fixture.streams(5), Products.preferred(), ops);
        }
        assertEquals(null, without.g0);
        assertEquals(3, with.g0.length);
        assertEquals(with.w0NormSq, without.w0NormSq, 1e-12 * with.w0NormSq);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(with.k[i][j], without.k[i][j], 1e-12 * 40);
                assertEquals(without.k[i][j], without.k[j][i], 0.0, "K exactly symmetric");
            }
            for (int j = 0; j < 3; j++) {
                assertEquals(with.z0[i][j], without.z0[i][j], 1e-12 * 40);
            }
        }
    }

    /**
     * Test metrics that wait for the background projections (recorded steps before they are done) are computed
     * later on copies of B and recorded in step order, equal to those computed at once: the projections become
     * ready at a chosen step (before a recorded step, between two, at the final step) through the sink's step call.
     */
    @Test
    void testMetricsThatWaitForTheProjectionsEqualThoseComputedAtOnce() {
        TrainingSetup s = new TrainingSetup(12, 300, 9, 4.0, 700, 0.05, 120, 0, false, 3)
                .withDiagnostics(Diagnostics.all());
        Plugins pl = plugins(ACTIVATIONS.get(0), new RandomFlip(0.2), new Momentum(0.01, 0.9, false));
        SpanProblem ready;
        try (ParallelNetworkOps ops = new ParallelNetworkOps(1)) {
            ready = SpanEngine.prepare(s, pl, Fixture.streams(31), Products.preferred(), ops);
        }
        List<String> order = new java.util.ArrayList<>(s.coreMetrics());
        order.addAll(Diagnostics.metrics(s.diagnostics()));
        DenseEngineTest.Recorder atOnce = new DenseEngineTest.Recorder(order);
        TrainingResult expected = train(s, pl, ready, atOnce, -1);
        for (long readyAt : new long[] {0, 1, 5, 47, 120}) {
            DenseEngineTest.Recorder later = new DenseEngineTest.Recorder(order);
            TrainingResult r = train(s, pl, ready, later, readyAt);
            assertEquals(atOnce.records, later.records, "projections ready at step " + readyAt);
            assertEquals(expected, r, "projections ready at step " + readyAt);
        }
        // ready between any two of the loop's looks (the k-th isDone() call is the first to say yes), e.g. after
        // the look at the top of a step and before the one at its recorded metrics
        for (int k = 1; k <= 40; k++) {
            DenseEngineTest.Recorder later = new DenseEngineTest.Recorder(order);
            SpanProblem problem = new SpanProblem(ready.train, ready.test, ready.a, ready.k, ready.z0, ready.g0,
                    ready.w0NormSq, ready.testK, ready.testW0, new DoneAfter(k));
            TrainingResult r;
            try (ParallelNetworkOps ops = new ParallelNetworkOps(1)) {
                r = new TrainingLoop(s, pl, problem.train, problem.test, problem.a, new SpanNetwork(problem, Products.preferred(), ops), ops,
                        later, null).execute();
            }
            assertEquals(atOnce.records, later.records, "ready at look " + k);
            assertEquals(expected, r, "ready at look " + k);
        }
    }

    /** A failure of the background projections ends the run with that failure, wherever the loop notices it. */
    @Test
    void aFailureOfTheBackgroundProjectionsIsThrown() {
        TrainingSetup s = new TrainingSetup(12, 300, 9, 4.0, 700, 0.05, 120, 0, false, 3);
        Plugins pl = plugins(ACTIVATIONS.get(0), new RandomFlip(0.2), new GradientDescent(0.01));
        SpanProblem ready;
        try (ParallelNetworkOps ops = new ParallelNetworkOps(1)) {
            ready = SpanEngine.prepare(s, pl, Fixture.streams(31), Products.preferred(), ops);
        }
        for (long failAt : new long[] {0, 3, 120}) {
            java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
            SpanProblem problem = new SpanProblem(ready.train, ready.test, ready.a, ready.k, ready.z0, ready.g0,
                    ready.w0NormSq, ready.testK, ready.testW0, done);
            MetricsSink sink = new MetricsSink() {
                @Override
                public void record(long step, String metric, double value) {
                }

                @Override
                public void step(long t) {
                    if (t == failAt) {
                        done.completeExceptionally(new OutOfMemoryError("test block"));
                    }
                }
            };
            OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> {
                try (ParallelNetworkOps ops = new ParallelNetworkOps(1)) {
                    new TrainingLoop(s, pl, problem.train, problem.test, problem.a, new SpanNetwork(problem, Products.preferred(), ops), ops,
                            sink, null).execute();
                }
            }, "failure at step " + failAt);
            assertEquals("test block", e.getMessage());
        }
    }

    /** A finished task that says so from the k-th {@link #isDone()} on. */
    private static final class DoneAfter implements java.util.concurrent.Future<Void> {
        private int looks;
        private final int k;

        DoneAfter(int k) {
            this.k = k;
        }

        @Override
        public boolean isDone() {
            return ++looks >= k;
        }

        @Override
        public Void get() {
            looks = k;
            return null;
        }

        @Override
        public Void get(long timeout, java.util.concurrent.TimeUnit unit) {
            return get();
        }

        @Override
        public boolean cancel(boolean interrupt) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }

    /** Trains on {@code ready}'s inner products, its test projections ready from step {@code readyAt} on (-1: always). */
    private static TrainingResult train(TrainingSetup s, Plugins pl, SpanProblem ready, MetricsSink sink, long readyAt) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        SpanProblem problem = new SpanProblem(ready.train, ready.test, ready.a, ready.k, ready.z0, ready.g0,
                ready.w0NormSq, ready.testK, ready.testW0, readyAt < 0 ? null : done);
        MetricsSink gate = new MetricsSink() {
            @Override
            public void record(long step, String metric, double value) {
                assertTrue(readyAt < 0 || done.isDone(), "recorded before the test projections were done");
                sink.record(step, metric, value);
            }

            @Override
            public void step(long t) {
                if (t == readyAt) {
                    done.complete(null);
                }
            }
        };
        try (ParallelNetworkOps ops = new ParallelNetworkOps(1)) {
            return new TrainingLoop(s, pl, problem.train, problem.test, problem.a, new SpanNetwork(problem, Products.preferred(), ops), ops, gate,
                    null).execute();
        }
    }

    @Test
    void memoryEstimateDoesNotCountTheTestSetTimesP() {
        TrainingSetup s = new TrainingSetup(100, 20000, 200, 10, 20000, 1e-4, 10, 0, false, 10);
        long span = SpanEngine.estimateMemoryBytes(s);
        assertTrue(span > 100_000_000L && span < 200_000_000L, "span bytes " + span);
        assertTrue(DenseEngine.estimateMemoryBytes(s) > 3_000_000_000L);
    }

    private static double[] row(double[] w, int j, int p) {
        return Arrays.copyOfRange(w, j * p, (j + 1) * p);
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            s += x[k] * y[k];
        }
        return s;
    }
}
