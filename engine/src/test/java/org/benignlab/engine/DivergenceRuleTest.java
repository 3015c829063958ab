package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.benignlab.activations.impl.SmoothedLeakyRelu;
import org.benignlab.api.MetricNames;
import org.benignlab.api.RunStatus;
import org.benignlab.distributions.impl.IsotropicGaussian;
import org.benignlab.distributions.impl.RandomFlip;
import org.benignlab.optimizers.impl.GradientDescent;
import org.benignlab.optimizers.impl.LogisticLoss;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One divergence rule for every engine: a NaN or infinite loss, output or ||W||_F is {@code diverged} at the step
 * where it is seen, and a run whose numbers all stay finite is not. The span and sketch engines compute ||W||_F
 * from ||W0||_F² + 2⟨Z0, B⟩ + tr(B K Bᵀ), whose terms overflow (∞ − ∞ = NaN) long before W itself does; they
 * must then give the norm dense computes, not NaN, and the three engines the same status.
 */
class DivergenceRuleTest {
    private static final int N = 10;
    private static final int P = 300;

    private static TrainingSetup setup() {
        return new TrainingSetup(N, P, 8, Math.pow(P, 0.3), 40, 1e-3, 30, 0, false, 5)
                .withDiagnostics(Diagnostics.all());
    }

    private static Plugins plugins(double step) {
        return new Plugins(new SmoothedLeakyRelu(0.2, 1.0), new IsotropicGaussian(),
                new RandomFlip(0.1), new LogisticLoss(), new GradientDescent(step));
    }

    @ParameterizedTest(name = "step {0}")
    @ValueSource(doubles = {1e200 / P, 1e300})
    void denseSpanAndSketchGiveTheSameStatusAtHugeSteps(double step) {
        Map<String, TrainingResult> results = new LinkedHashMap<>();
        Map<String, DiagnosticsTest.AllMetrics> sinks = new LinkedHashMap<>();
        for (String engine : List.of("dense", "span", "sketch")) {
            DiagnosticsTest.AllMetrics sink = new DiagnosticsTest.AllMetrics();
            results.put(engine, Engines.create(engine, 2).train(setup(), plugins(step), Fixture.streams(11), sink));
            sinks.put(engine, sink);
        }
        RunStatus dense = results.get("dense").status();
        for (Map.Entry<String, TrainingResult> e : results.entrySet()) {
            TrainingResult r = e.getValue();
            assertEquals(dense, r.status(), e.getKey() + " against dense: " + r.message() + " / "
                    + results.get("dense").message());
            Double fro = r.finalMetrics().get(MetricNames.WEIGHT_NORM);
            if (r.status() == RunStatus.COMPLETED) {
                assertTrue(Double.isFinite(fro) && fro > 0, e.getKey() + ": a completed run has a finite ||W||_F, got "
                        + fro);
                assertTrue(Double.isFinite(r.finalMetrics().get(MetricNames.TRAIN_LOSS)), e.getKey());
            } else {
                assertTrue(!Double.isFinite(fro) || !Double.isFinite(r.finalMetrics().get(MetricNames.TRAIN_LOSS))
                        || r.message().contains("not finite"), e.getKey() + ": " + r.message());
            }
        }
        // a completed run's W is finite: so are ||W||_2 (W W^T itself overflows beyond entries of 1e154) and the
        // stable rank, inside [1, min(m, p)]
        for (Map.Entry<String, TrainingResult> e : results.entrySet()) {
            if (e.getValue().status() == RunStatus.COMPLETED) {
                double spectral = e.getValue().finalMetrics().get(MetricNames.WEIGHT_NORM_SPECTRAL);
                double rank = e.getValue().finalMetrics().get(MetricNames.STABLE_RANK);
                assertTrue(Double.isFinite(spectral) && spectral > 0, e.getKey() + ": ||W||_2 = " + spectral);
                assertTrue(rank >= 1 && rank <= 8, e.getKey() + ": stable rank " + rank);
            }
        }
        // dense and span hold the same W (same draws): the same ||W||_F at every recorded step, finite or not
        Map<Long, Map<String, Double>> d = sinks.get("dense").byStep;
        Map<Long, Map<String, Double>> s = sinks.get("span").byStep;
        assertEquals(d.keySet(), s.keySet());
        for (long t : d.keySet()) {
            for (String metric : List.of(MetricNames.WEIGHT_NORM, MetricNames.WEIGHT_NORM_SPECTRAL)) {
                double a = d.get(t).get(metric);
                double b = s.get(t).get(metric);
                if (Double.isFinite(a)) {
                    assertEquals(a, b, 1e-9 * a, metric + " at step " + t);
                } else {
                    assertEquals(Double.isNaN(a), Double.isNaN(b), metric + " at step " + t + ": " + a + " / " + b);
                }
            }
        }
    }

    /**
     * At step 1e200/p the weights are finite (about 1e197) but W Wᵀ overflows: ||W||_2 must still be W's largest
     * singular value, here from EJML's SVD of W / max|w| on the arrays the run saves (W for dense, W0 + B X for span).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dense", "span"})
    void theSpectralNormOfHugeFiniteWeightsIsTheirLargestSingularValue(String engine) {
        int m = 8;
        TrainingSetup s = new TrainingSetup(N, P, m, Math.pow(P, 0.3), 40, 1e-3, 1, 0, false, 5);
        ArrayOutputTest.Memory mem = new ArrayOutputTest.Memory();
        TrainingResult r = Engines.create(engine, 2).train(s, plugins(1e200 / P), Fixture.streams(11),
                MetricsSink.discard(), new ArrayOutput(java.util.EnumSet.allOf(ArrayGroup.class), mem));
        double[] w;
        if (engine.equals("dense")) {
            w = mem.values.get("W");
        } else {
            double[] b = mem.values.get("B");
            double[] x = mem.values.get("X");
            w = mem.values.get("W0").clone();
            for (int j = 0; j < m; j++) {
                for (int c = 0; c < P; c++) {
                    for (int i = 0; i < N; i++) {
                        w[j * P + c] += b[j * N + i] * x[i * P + c];
                    }
                }
            }
        }
        double max = 0;
        for (double v : w) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max > 1e160 && Double.isFinite(max), "W Wᵀ overflows: " + max);
        double[] scaled = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            scaled[i] = w[i] / max;
        }
        var svd = org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(m, P, false, false, true);
        assertTrue(svd.decompose(new org.ejml.data.DMatrixRMaj(m, P, true, scaled)));
        double largest = 0;
        for (double sv : svd.getSingularValues()) {
            largest = Math.max(largest, sv);
        }
        double expected = largest * max;
        assertEquals(expected, r.finalMetrics().get(MetricNames.WEIGHT_NORM_SPECTRAL), 1e-9 * expected);
    }
}
