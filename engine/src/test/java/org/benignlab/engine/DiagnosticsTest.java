package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.benignlab.activations.impl.SmoothedLeakyRelu;
import org.benignlab.api.MetricNames;
import org.benignlab.api.StopReason;
import org.benignlab.distributions.impl.IsotropicGaussian;
import org.benignlab.distributions.impl.RandomFlip;
import org.benignlab.optimizers.impl.GradientDescent;
import org.benignlab.optimizers.impl.LogisticLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The theory diagnostics against their definitions (MODEL.md): exact values at a zero initialisation,
 * where every g_i = 1/2 and φ' = φ'(0) everywhere; dense and span agreeing along a trajectory; the
 * relative change starting at 0; the stall rule.
 */
class DiagnosticsTest {
    private static final double GAMMA = 0.2;

    /** Keeps every value by step and metric. */
    static final class AllMetrics implements MetricsSink {
        final Map<Long, Map<String, Double>> byStep = new LinkedHashMap<>();
        final List<String> order = new ArrayList<>();

        @Override
        public void record(long step, String metric, double value) {
            Map<String, Double> m = byStep.computeIfAbsent(step, s -> new LinkedHashMap<>());
            m.put(metric, value);
            if (byStep.size() == 1) {
                order.add(metric);
            }
        }
    }

    private static Plugins plugins(double step) {
        return new Plugins(new SmoothedLeakyRelu(GAMMA, 2.0), new IsotropicGaussian(),
                new RandomFlip(0.2), new LogisticLoss(), new GradientDescent(step));
    }

    private static TrainingSetup setup(double init, long steps) {
        return new TrainingSetup(12, 400, 6, Math.pow(400, 0.3), 50, init, steps, 0, false, 5)
                .withDiagnostics(Diagnostics.all());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dense", "span", "sketch"})
    void atAZeroInitialisationTheDiagnosticsHaveClosedForms(String engine) {
        TrainingSetup s = setup(0.0, 0);
        AllMetrics sink = new AllMetrics();
        ArrayOutputTest.Memory arrays = new ArrayOutputTest.Memory();
        Engines.create(engine, 2).train(s, plugins(1.0), Fixture.streams(3), sink,
                new ArrayOutput(EnumSet.of(ArrayGroup.DATA), arrays));
        List<String> expectedOrder = new ArrayList<>(MetricNames.ALL);
        expectedOrder.addAll(MetricNames.DIAGNOSTICS);
        assertEquals(expectedOrder, sink.order, "every diagnostic, after the metrics every run records");
        Map<String, Double> d = sink.byStep.get(0L);
        int n = s.n();
        double[] y = arrays.values.get("y");
        // f = 0: every g_i = g(0) = 1/2, so every ratio is 1
        assertEquals(1.0, d.get(MetricNames.LOSS_RATIO), 0.0);
        assertEquals(1.0, d.get(MetricNames.LOSS_RATIO_CLEAN), 0.0);
        assertEquals(Math.log(2), d.get(MetricNames.TRAIN_LOSS_CLEAN), 1e-15);
        // ∇L̂ = -(1/n) Σ g_i y_i φ'(0) a x_i^T, ||a|| = 1: ||∇L̂||_F / Ĝ = φ'(0) sqrt(y^T K y) / n
        double yky = 0;
        double maxCos = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double kij = arrays.at("K", i, j);
                yky += y[i] * kij * y[j];
                if (i != j) {
                    maxCos = Math.max(maxCos, Math.abs(kij) / Math.sqrt(arrays.at("K", i, i) * arrays.at("K", j, j)));
                }
            }
        }
        double phi0 = (1 + GAMMA) / 2;
        assertEquals(phi0 * Math.sqrt(yky) / n, d.get(MetricNames.GRADIENT_NORM_RATIO), 1e-12 * phi0 * Math.sqrt(yky) / n);
        // with φ' constant the per-sample gradients are parallel to the x_i: cos = the inputs' cosine
        assertEquals(maxCos, d.get(MetricNames.GRADIENT_COSINE_MAX), 1e-12);
        assertTrue(maxCos < 0.5, "p = 400 >> n = 12: nearly orthogonal (Lemma 4.7), got " + maxCos);
        // W0 = 0: ||W0|| = 0 and f = 0, so the relative change and the normalized margin are undefined
        assertTrue(Double.isNaN(d.get(MetricNames.RELATIVE_CHANGE)));
        assertTrue(Double.isNaN(d.get(MetricNames.NORMALIZED_MARGIN)));
    }

    @Test
    void denseAndSpanAgreeOnEveryDiagnosticAlongATrajectory() {
        TrainingSetup s = setup(1e-3, 40);
        AllMetrics dense = new AllMetrics();
        AllMetrics span = new AllMetrics();
        Engines.create("dense", 2).train(s, plugins(0.5), Fixture.streams(5), dense);
        Engines.create("span", 1).train(s, plugins(0.5), Fixture.streams(5), span);
        assertEquals(dense.byStep.keySet(), span.byStep.keySet());
        for (long step : dense.byStep.keySet()) {
            for (String m : MetricNames.DIAGNOSTICS) {
                double a = dense.byStep.get(step).get(m);
                double b = span.byStep.get(step).get(m);
                assertEquals(a, b, 1e-9 * Math.max(1, Math.abs(a)), m + " at step " + step);
            }
        }
        assertEquals(0.0, dense.byStep.get(0L).get(MetricNames.RELATIVE_CHANGE), 0.0, "W(0) = W0");
        assertTrue(dense.byStep.get(40L).get(MetricNames.RELATIVE_CHANGE) > 0);
        assertTrue(dense.byStep.get(40L).get(MetricNames.LOSS_RATIO) >= 1);
        assertTrue(dense.byStep.get(40L).get(MetricNames.GRADIENT_COSINE_MAX) <= 1 + 1e-12);
    }

    @Test
    void aLossThatStopsDecreasingStopsTheRunAsStalled() {
        TrainingSetup s = setup(1e-3, 1000).withStallSteps(25);
        TrainingResult r = Engines.create("span", 1).train(s, plugins(0.0), Fixture.streams(5), MetricsSink.discard());
        assertEquals(StopReason.STALLED, r.stopReason());
        assertEquals(25, r.steps(), "a step of 0 leaves the loss where it was: stalled 25 steps after step 0");
        assertTrue(r.message().startsWith("stalled at step 25"), r.message());
        TrainingResult moving = Engines.create("span", 1).train(s, plugins(0.5), Fixture.streams(5),
                MetricsSink.discard());
        assertEquals(StopReason.MAX_STEPS, moving.stopReason(), "gradient descent keeps lowering the loss");
    }
}
