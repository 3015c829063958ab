package org.benignlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.benignlab.api.MetricNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each claim's rule on crafted results: results that satisfy the paper's statement give "supported",
 * results that violate it give "not supported", and a control that does not fail makes the claim
 * "inconclusive". The crafted numbers follow the statements (MODEL.md), not the code's output.
 */
class ClaimsTest {
    @TempDir
    Path dir;

    /** A crafted run: its parameters, final metrics, trajectories and the fields the claims read. */
    private static final class Spec {
        double n = 50;
        double p = 100000;
        double mu = 20;
        double eta = 0.1;
        Double gamma = 0.1;
        double step = 1e-4;
        double stopLoss = 0.004;
        long budget = 100000;
        String stopReason = "stop_loss";
        long steps = 1000;
        int nTest = 20000;
        double trainError = 0;
        double cleanError = 0.01;
        double finalLoss = 0.003;
        final Map<String, List<double[]>> series = new LinkedHashMap<>();

        Spec series(String metric, double... stepValue) {
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < stepValue.length; i += 2) {
                points.add(new double[] {stepValue[i], stepValue[i + 1]});
            }
            series.put(metric, points);
            return this;
        }
    }

    /** Writes one results folder: configuration c (index into specs) x repetition. */
    private Path results(String name, List<List<Spec>> configs) {
        List<Fixtures.Run> runs = new ArrayList<>();
        Map<String, Spec> byKey = new LinkedHashMap<>();
        for (int c = 0; c < configs.size(); c++) {
            for (int rep = 0; rep < configs.get(c).size(); rep++) {
                Spec s = configs.get(c).get(rep);
                Fixtures.Run r = new Fixtures.Run(String.format(Locale.ROOT, "r%04d%02d", c, rep),
                        String.format(Locale.ROOT, "c%04d", c), rep);
                r.n = s.n;
                r.p = s.p;
                r.mu = s.mu;
                r.eta = s.eta;
                r.nTest = s.nTest;
                r.swept.put("data.n", s.n);
                r.swept.put("data.p", s.p);
                r.swept.put("data.mu", s.mu);
                r.errors(s.trainError, s.eta + (1 - 2 * s.eta) * s.cleanError, s.cleanError);
                r.metrics.put(MetricNames.TRAIN_LOSS, s.finalLoss);
                r.writeMetrics = false;
                runs.add(r);
                byKey.put(r.key, s);
            }
        }
        Path d = dir.resolve(name);
        Fixtures.write(d, name, List.of("data.n", "data.p", "data.mu"), configs.get(0).size(), runs);
        try {
            ObjectNode manifest = (ObjectNode) Fixtures.JSON.readTree(d.resolve("manifest.json").toFile());
            for (var node : manifest.withArray("runs")) {
                Spec s = byKey.get(node.get("key").asText());
                ObjectNode config = (ObjectNode) node.get("config");
                ObjectNode act = (ObjectNode) config.with("network").with("activation");
                if (s.gamma == null) {
                    act.put("type", "relu-like");
                    act.remove("gamma");
                } else {
                    act.put("gamma", s.gamma);
                }
                ObjectNode training = config.with("training");
                training.put("steps", s.budget);
                training.put("stop_loss", s.stopLoss);
                training.with("optimizer").put("step", s.step);
                Path run = d.resolve(node.get("key").asText());
                ObjectNode summary = (ObjectNode) Fixtures.JSON.readTree(run.resolve("summary.json").toFile());
                summary.put("stop_reason", s.stopReason);
                summary.put("steps", s.steps);
                ObjectNode params = (ObjectNode) summary.get("parameters");
                params.put("step", s.step);
                // the claims read γ from what the activation declared
                ObjectNode declared = (ObjectNode) summary.get("declared").get("activation");
                if (s.gamma != null) {
                    params.put("gamma", s.gamma);
                    declared.put("gamma", s.gamma);
                } else {
                    declared.put("type", "relu-like");
                    declared.remove("gamma");
                }
                Files.writeString(run.resolve("summary.json"), Fixtures.JSON.writeValueAsString(summary));
                StringBuilder csv = new StringBuilder("step,metric,value\n");
                Map<Long, List<String>> rows = new java.util.TreeMap<>();
                for (Map.Entry<String, List<double[]>> e : s.series.entrySet()) {
                    for (double[] pt : e.getValue()) {
                        rows.computeIfAbsent((long) pt[0], k -> new ArrayList<>())
                                .add(e.getKey() + "," + String.format(Locale.ROOT, "%.12g", pt[1]));
                    }
                }
                rows.forEach((t, cells) -> cells.forEach(c -> csv.append(t).append(',').append(c).append('\n')));
                Files.writeString(run.resolve("metrics.csv"), csv.toString());
            }
            Files.writeString(d.resolve("manifest.json"), Fixtures.JSON.writeValueAsString(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    /** {@code configs} configurations of {@code reps} repetitions each, made by {@code make(config, rep)}. */
    private Path grid(String name, int configs, int reps, java.util.function.BiFunction<Integer, Integer, Spec> make) {
        List<List<Spec>> out = new ArrayList<>();
        for (int c = 0; c < configs; c++) {
            List<Spec> row = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                row.add(make.apply(c, r));
            }
            out.add(row);
        }
        return results(name, out);
    }

    private Path runs(String name, int count, Consumer<Spec> set) {
        return grid(name, 1, count, (c, r) -> {
            Spec s = new Spec();
            set.accept(s);
            return s;
        });
    }

    private static Claims.Claim claim(String id) {
        return Claims.byId(id);
    }

    // ---- Lemma 4.9 -------------------------------------------------------------------------------

    private static void ratio(Spec s, double max) {
        s.series(MetricNames.TRAIN_LOSS, 0, 0.6931, 10, 0.1, 1000, 0.01, 100000, 1e-4);
        s.series(MetricNames.LOSS_RATIO, 0, 1, 10, max / 2, 1000, max, 100000, max * 0.9);
    }

    @Test
    void aLossRatioBelowCrIsSupportedAndAboveItIsNot() throws Exception {
        // γ = 0.1, p = 1e5: C₁ ≈ 1.02 and C_r = 16 C₁²/γ² ≈ 1.7e3
        Path control = runs("lr-control", 6, s -> ratio(s, 1e6));
        Path good = runs("lr-good", 6, s -> ratio(s, 5));
        Claims.Finding f = Claims.evaluate(claim("loss-ratio"), good, control);
        assertEquals(Claims.Verdict.SUPPORTED, f.verdict(), f.measured() + f.why());
        assertEquals(Claims.Verdict.NOT_SUPPORTED, f.controlVerdict(), f.controlMeasured());
        assertEquals(6, f.satisfied());
        assertEquals(6, f.trials());
        assertTrue(f.ciLow() > 0.5 && f.ciHigh() == 1, f.measured());
        Path bad = runs("lr-bad", 6, s -> ratio(s, 5000)); // above C_r
        assertEquals(Claims.Verdict.NOT_SUPPORTED, Claims.evaluate(claim("loss-ratio"), bad, control).verdict());
        // a control that satisfies the rule leaves the claim inconclusive
        Claims.Finding weak = Claims.evaluate(claim("loss-ratio"), good, good);
        assertEquals(Claims.Verdict.INCONCLUSIVE, weak.verdict());
        assertTrue(weak.why().contains("control"), weak.why());
    }

    @Test
    void aLossThatDoesNotFallThreeDecadesLeavesTheLossRatioUndecided() throws Exception {
        Path control = runs("lr-control", 6, s -> ratio(s, 1e6));
        Path shallow = runs("lr-shallow", 6, s -> {
            s.series(MetricNames.TRAIN_LOSS, 0, 0.6931, 100, 0.01);
            s.series(MetricNames.LOSS_RATIO, 0, 1, 100, 5);
        });
        Claims.Finding f = Claims.evaluate(claim("loss-ratio"), shallow, control);
        assertEquals(Claims.Verdict.INCONCLUSIVE, f.verdict(), f.measured());
        assertEquals(0, f.trials());
    }

    // ---- Lemma 4.12 ------------------------------------------------------------------------------

    @Test
    void theGradientBoundIsCheckedAlongTheWholeTrajectory() throws Exception {
        // γ‖μ‖/4 = 0.1 x 20 / 4 = 0.5
        Path control = runs("g-control", 6, s -> s.series(MetricNames.GRADIENT_NORM_RATIO, 0, 2, 100, 0));
        Path good = runs("g-good", 6, s -> s.series(MetricNames.GRADIENT_NORM_RATIO, 0, 20, 100, 0.6, 1000, 30));
        Claims.Finding f = Claims.evaluate(claim("gradient-lower-bound"), good, control);
        assertEquals(Claims.Verdict.SUPPORTED, f.verdict(), f.measured());
        assertEquals(Claims.Verdict.NOT_SUPPORTED, f.controlVerdict());
        // dips below the bound once, in the middle of training
        Path dip = runs("g-dip", 6, s -> s.series(MetricNames.GRADIENT_NORM_RATIO, 0, 20, 100, 0.4, 1000, 30));
        Claims.Finding d = Claims.evaluate(claim("gradient-lower-bound"), dip, control);
        assertEquals(Claims.Verdict.NOT_SUPPORTED, d.verdict(), d.measured());
        assertTrue(d.measured().contains("t = 100"), d.measured());
    }

    @Test
    void anActivationWithoutGammaIsNotApplicableRatherThanACrash() throws Exception {
        Path control = runs("g-control", 6, s -> s.series(MetricNames.GRADIENT_NORM_RATIO, 0, 2, 100, 0));
        Path noGamma = runs("g-none", 6, s -> {
            s.gamma = null;
            s.series(MetricNames.GRADIENT_NORM_RATIO, 0, 20, 100, 30);
            s.series(MetricNames.RELATIVE_CHANGE, 0, 0, 1, 5);
        });
        Claims.Finding f = Claims.evaluate(claim("gradient-lower-bound"), noGamma, control);
        assertEquals(Claims.Verdict.INCONCLUSIVE, f.verdict());
        assertTrue(f.measured().contains("n/a") && f.measured().contains("γ"), f.measured());
        for (String id : List.of("loss-ratio", "loss-to-epsilon", "normalized-margin")) {
            Claims.Finding g = Claims.evaluate(claim(id), noGamma, control);
            assertEquals(Claims.Verdict.INCONCLUSIVE, g.verdict(), id + ": " + g.measured());
        }
    }

    // ---- Theorem 3.1 (1) -------------------------------------------------------------------------

    @Test
    void reachingEpsilonWithinTheTheoremsStepsIsSupportedAndStallingAboveItIsNot() throws Exception {
        Consumer<Spec> stalled = s -> {
            s.stopReason = "stalled";
            s.finalLoss = 0.6;
            s.trainError = 0.3;
            s.series(MetricNames.TRAIN_LOSS, 0, 0.6931, 1000, 0.6);
        };
        Path control = runs("e-control", 8, stalled);
        // T = 128 log 2 / (γ²‖μ‖²αε²) = 88.7 / (0.01 x 400 x 1e-4 x 1.6e-5) ≈ 1.4e10 steps: 1000 is well within
        Path good = runs("e-good", 8, s -> s.series(MetricNames.TRAIN_LOSS, 0, 0.6931, 1000, 0.0039));
        Claims.Finding f = Claims.evaluate(claim("loss-to-epsilon"), good, control);
        assertEquals(Claims.Verdict.SUPPORTED, f.verdict(), f.measured());
        assertEquals(Claims.Verdict.NOT_SUPPORTED, f.controlVerdict());
        assertEquals(Claims.Verdict.NOT_SUPPORTED, Claims.evaluate(claim("loss-to-epsilon"),
                runs("e-bad", 8, stalled), control).verdict());
        // more steps than the theorem's T (large α and ε make T = 88.7 / (0.01 x 400 x 0.1 x 1.6e-5) ≈ 1.4e7)
        Path slow = runs("e-slow", 8, s -> {
            s.step = 0.1;
            s.steps = 20_000_000;
            s.budget = 30_000_000;
            s.series(MetricNames.TRAIN_LOSS, 0, 0.6931, 20_000_000, 0.0039);
        });
        assertEquals(Claims.Verdict.NOT_SUPPORTED, Claims.evaluate(claim("loss-to-epsilon"), slow, control).verdict());
        // ε >= 1/(2n) is outside the theorem: nothing decided
        Path outside = runs("e-outside", 8, s -> {
            s.stopLoss = 0.02;
            s.series(MetricNames.TRAIN_LOSS, 0, 0.6931, 100, 0.019);
        });
        assertEquals(0, Claims.evaluate(claim("loss-to-epsilon"), outside, control).trials());
    }

    // ---- Theorem 3.1 (2) -------------------------------------------------------------------------

    private static final double[] NS = {25, 50, 100};
    private static final double[] PS = {1e5, 1e6, 1e7};
    private static final double[] CS = {1, 1.3, 1.6};

    /** 27 configurations n x p x c with ‖μ‖ = c (p/n)^¼, clean error from {@code error(n, p, mu)}, 4 repetitions. */
    private Path signalGrid(String name, double[] cs, Fn error) {
        return grid(name, 27, 4, (c, rep) -> {
            Spec s = new Spec();
            s.n = NS[c / 9];
            s.p = PS[(c / 3) % 3];
            s.mu = cs[c % 3] * Math.pow(s.p / s.n, 0.25);
            s.nTest = 10_000_000; // crafted rates: no test-set resolution floor
            s.cleanError = Math.min(0.5, error.of(s.n, s.p, s.mu) * jitter(c, rep, 0.03));
            return s;
        });
    }

    /** A deterministic wobble of relative size {@code size} that differs between configurations and repetitions. */
    private static double jitter(int config, int rep, double size) {
        return 1 + size * (((config * 7 + rep * 3) % 5) - 2) / 2.0;
    }

    private interface Fn {
        double of(double n, double p, double mu);
    }

    private static double phi(double x) {
        return Stats.standardNormal().cumulativeProbability(x);
    }

    @Test
    void anExcessErrorThatCollapsesOnNMu4OverPIsSupported() throws Exception {
        Path good = signalGrid("te-good", CS, (n, p, mu) -> phi(-0.8 * Math.sqrt(n * Math.pow(mu, 4) / p)));
        Claims.Finding f = Claims.evaluate(claim("test-error-vs-signal"), good, null);
        assertEquals(Claims.Verdict.SUPPORTED, f.verdict(), f.measured() + " / " + f.why());
        assertEquals(Claims.Verdict.NOT_SUPPORTED, f.controlVerdict(), f.controlMeasured());
        assertTrue(f.measured().contains("C_min"), f.measured());
    }

    @Test
    void aConstantThatDriftsWithNIsNotSupported() throws Exception {
        // excess error 2 exp(-S/C(n)) with C(n) = (n/25)^0.6: the C each run needs grows with n at fixed S
        double[] cs = {1.3, 1.6, 2};
        Path drift = signalGrid("te-drift", cs, (n, p, mu) -> 2 * Math.exp(-n * Math.pow(mu, 4) / p / Math.pow(n / 25,
                0.6)) / 0.8);
        Claims.Finding f = Claims.evaluate(claim("test-error-vs-signal"), drift, null);
        assertEquals(Claims.Verdict.NOT_SUPPORTED, f.verdict(), f.measured());
        // and one that does not fall with the signal at all
        Path flat = signalGrid("te-flat", CS, (n, p, mu) -> 0.05);
        Claims.Finding g = Claims.evaluate(claim("test-error-vs-signal"), flat, null);
        assertEquals(Claims.Verdict.NOT_SUPPORTED, g.verdict(), g.measured());
    }

    // ---- Jin's threshold -------------------------------------------------------------------------

    private static final double[] JC = {0.5, 0.7, 1, 1.4, 2};

    /** 9 (n, p) x 5 values of ‖μ‖ = c (p/n)^¼, clean error from {@code error}, 4 repetitions. */
    private Path jinGrid(String name, Fn error) {
        return grid(name, 45, 4, (c, rep) -> {
            Spec s = new Spec();
            s.n = NS[c / 15];
            s.p = new double[] {1e4, 1e5, 1e6}[(c / 5) % 3];
            s.mu = JC[c % 5] * Math.pow(s.p / s.n, 0.25) * jitter(c, rep, 0.02);
            s.cleanError = error.of(s.n, s.p, s.mu);
            return s;
        });
    }

    @Test
    void aCrossoverAtFixedNMu4OverPIsSupportedAndOneAtFixedNMu2OverPIsNot() throws Exception {
        Fn quartic = (n, p, mu) -> phi(-Math.sqrt(n * Math.pow(mu, 4) / p));
        Claims.Finding f = Claims.evaluate(claim("jin-threshold"), jinGrid("jin-good", quartic), null);
        assertEquals(Claims.Verdict.SUPPORTED, f.verdict(), f.measured() + " / " + f.why());
        assertEquals(Claims.Verdict.NOT_SUPPORTED, f.controlVerdict(), f.controlMeasured());
        // learning governed by n‖μ‖²/p: the crossover scales like (p/n)^½
        Fn quadratic = (n, p, mu) -> phi(-4.5 * Math.sqrt(n * mu * mu / p));
        Claims.Finding g = Claims.evaluate(claim("jin-threshold"), jinGrid("jin-bad", quadratic), null);
        assertEquals(Claims.Verdict.NOT_SUPPORTED, g.verdict(), g.measured());
    }

    // ---- Lemma 4.11 ------------------------------------------------------------------------------

    private Path marginGrid(String name, Fn margin) {
        return grid(name, 27, 4, (c, rep) -> {
            Spec s = new Spec();
            s.n = NS[c / 9];
            s.p = PS[(c / 3) % 3];
            s.mu = new double[] {1, 2, 3}[c % 3] * Math.pow(s.p / s.n, 0.25);
            double m = margin.of(s.n, s.p, s.mu) * jitter(c, rep, 0.04);
            s.series(MetricNames.NORMALIZED_MARGIN, 0, 0.001, 1, 2 * m, 100, m, 1000, 1.2 * m);
            return s;
        });
    }

    @Test
    void aMarginThatScalesLikeMuSquaredRootNOverPIsSupported() throws Exception {
        Claims.Finding f = Claims.evaluate(claim("normalized-margin"),
                marginGrid("m-good", (n, p, mu) -> 0.3 * mu * mu * Math.sqrt(n / p)), null);
        assertEquals(Claims.Verdict.SUPPORTED, f.verdict(), f.measured() + " / " + f.why());
        assertEquals(Claims.Verdict.NOT_SUPPORTED, f.controlVerdict(), f.controlMeasured());
    }

    @Test
    void aMarginBelowItsBoundsScalingOrNotPositiveIsNotSupported() throws Exception {
        Claims.Finding slow = Claims.evaluate(claim("normalized-margin"),
                marginGrid("m-slow", (n, p, mu) -> 0.3 * mu * Math.sqrt(n / p)), null);
        assertEquals(Claims.Verdict.NOT_SUPPORTED, slow.verdict(), slow.measured());
        Claims.Finding negative = Claims.evaluate(claim("normalized-margin"),
                marginGrid("m-negative", (n, p, mu) -> -0.01), null);
        assertEquals(Claims.Verdict.NOT_SUPPORTED, negative.verdict(), negative.measured());
    }

    // ---- the report ------------------------------------------------------------------------------

    @Test
    void theClaimsReportHasOneRowPerClaimWithTheControlAndEscapesItsText() throws Exception {
        Claims.Claim c = new Claims.Claim("x<script>", "Lemma 0", "a | b", "rule", "it fails", "a control",
                List.of(), List.of());
        Claims.Finding fd = new Claims.Finding(c, Claims.Verdict.SUPPORTED, "m & n", "why",
                Claims.Verdict.NOT_SUPPORTED, "control m", 5, 6, 0.36, 0.996);
        List<Path> files = Claims.write(List.of(fd), dir.resolve("claims"), "quick");
        String html = Files.readString(files.get(0));
        assertTrue(html.contains("x&lt;script&gt;") && !html.contains("x<script>"), html);
        assertTrue(html.contains("m &amp; n"));
        String md = Files.readString(files.get(1));
        assertTrue(md.contains("a \\| b"), md);
        assertTrue(md.contains("It would have failed if") && md.contains("a control") && md.contains("control m"), md);
        List<String> csv = Files.readAllLines(files.get(2));
        assertEquals(2, csv.size());
        assertTrue(csv.get(0).startsWith("claim,source,verdict,control_verdict,fraction_satisfied,"), csv.get(0));
        assertTrue(csv.get(0).contains(",measured,") && csv.get(0).contains(",rule,"), csv.get(0));
        assertTrue(csv.get(1).contains(",supported,not supported,0.8333"), csv.get(1));
    }
}
