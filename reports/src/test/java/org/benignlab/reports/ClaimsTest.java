package org.benignlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.benignlab.api.MetricNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each claim's rule on crafted results whose verdict follows from the rule as stated. */
class ClaimsTest {
    @TempDir
    Path dir;

    private static Claims.Claim claim(String id) {
        return Claims.ALL.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** One configuration per value, two repetitions each, with the given final metrics. */
    private Path sweep(String name, String path, double[] values, java.util.function.BiConsumer<Fixtures.Run, Double> set) {
        List<Fixtures.Run> runs = new ArrayList<>();
        int k = 0;
        for (double v : values) {
            for (int rep = 0; rep < 2; rep++) {
                Fixtures.Run r = new Fixtures.Run(String.format("%012x", k * 2 + rep + 1), String.format("c%011x", k),
                        rep);
                r.swept.put(path, v);
                r.errors(0.0, 0.1, 0.0);
                set.accept(r, v);
                runs.add(r);
            }
            k++;
        }
        Path d = dir.resolve(name);
        Fixtures.write(d, name, List.of(path), 2, runs);
        return d;
    }

    @Test
    void testErrorFallingToTheNoiseRateIsSupportedAndStayingHighIsNot() throws Exception {
        double[] mus = {3, 10, 30};
        Path good = sweep("good", "data.mu", mus, (r, mu) -> {
            r.mu = mu;
            r.metrics.put(MetricNames.TEST_ERROR, mu == 3 ? 0.35 : mu == 10 ? 0.15 : 0.101);
        });
        assertEquals(Claims.Verdict.SUPPORTED, Claims.evaluate(claim("test-error-vs-signal"), good).verdict());
        Path bad = sweep("bad", "data.mu", mus, (r, mu) -> {
            r.mu = mu;
            r.metrics.put(MetricNames.TEST_ERROR, 0.3); // 300 of 1000 test points: interval far above 0.1 + tol
        });
        Claims.Finding f = Claims.evaluate(claim("test-error-vs-signal"), bad);
        assertEquals(Claims.Verdict.NOT_SUPPORTED, f.verdict(), f.measured());
    }

    @Test
    void theMarginsExponentDecidesTheMarginClaim() throws Exception {
        double[] mus = {3, 6, 12, 24};
        Path quadratic = sweep("quadratic", "data.mu", mus, (r, mu) -> {
            r.mu = mu;
            r.metrics.put(MetricNames.NORMALIZED_MARGIN, 0.01 * mu * mu * (1 + 0.01 * r.repetition));
        });
        Claims.Finding q = Claims.evaluate(claim("normalized-margin"), quadratic);
        assertEquals(Claims.Verdict.SUPPORTED, q.verdict(), q.measured());
        assertTrue(q.measured().contains("b = 2"), q.measured());
        Path root = sweep("root", "data.mu", mus, (r, mu) -> {
            r.mu = mu;
            r.metrics.put(MetricNames.NORMALIZED_MARGIN, 0.5 * Math.sqrt(mu) * (1 + 0.01 * r.repetition));
        });
        assertEquals(Claims.Verdict.NOT_SUPPORTED, Claims.evaluate(claim("normalized-margin"), root).verdict());
    }

    @Test
    void interpolationNeedsEveryRunAtTrainErrorZero() throws Exception {
        double[] etas = {0.0, 0.2};
        Path all = sweep("all", "data.noise.rate", etas, (r, eta) -> r.eta = eta);
        assertEquals(Claims.Verdict.SUPPORTED, Claims.evaluate(claim("interpolation-vs-noise"), all).verdict());
        Path one = sweep("one", "data.noise.rate", etas, (r, eta) -> {
            r.eta = eta;
            if (eta == 0.2 && r.repetition == 1) {
                r.metrics.put(MetricNames.TRAIN_ERROR, 0.02);
            }
        });
        assertEquals(Claims.Verdict.INCONCLUSIVE, Claims.evaluate(claim("interpolation-vs-noise"), one).verdict());
    }

    @Test
    void jinsThresholdNeedsFailureBelowAndSuccessAbove() throws Exception {
        double[] mus = {2.5, 40}; // p = 10^4: ratios 0.25 and 4
        Path good = sweep("jin", "data.mu", mus, (r, mu) -> {
            r.mu = mu;
            r.p = 10000;
            r.metrics.put(MetricNames.TEST_ERROR_CLEAN, mu < 10 ? 0.35 : 0.0);
        });
        assertEquals(Claims.Verdict.SUPPORTED, Claims.evaluate(claim("jin-threshold"), good).verdict());
        Path learns = sweep("learns", "data.mu", mus, (r, mu) -> {
            r.mu = mu;
            r.p = 10000;
            r.metrics.put(MetricNames.TEST_ERROR_CLEAN, 0.007); // Bayes at 2.5 is 0.0062: learned below the threshold
        });
        assertEquals(Claims.Verdict.NOT_SUPPORTED, Claims.evaluate(claim("jin-threshold"), learns).verdict());
    }

    @Test
    void theClaimsReportHasOneRowPerClaimAndEscapesItsText() throws Exception {
        Claims.Claim c = new Claims.Claim("x<script>", "Lemma 0", "a | b", "rule", List.of());
        List<Path> files = Claims.write(List.of(new Claims.Finding(c, "m & n", Claims.Verdict.SUPPORTED, "why")),
                dir.resolve("claims"), "quick");
        String html = Files.readString(files.get(0));
        assertTrue(html.contains("x&lt;script&gt;") && !html.contains("x<script>"), html);
        assertTrue(html.contains("m &amp; n"));
        String md = Files.readString(files.get(1));
        assertTrue(md.contains("a \\| b"), md);
        assertEquals(2, Files.readAllLines(files.get(2)).size());
    }
}
