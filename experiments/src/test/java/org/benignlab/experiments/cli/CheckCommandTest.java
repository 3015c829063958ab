package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.benignlab.experiments.spec.ExperimentLoaderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benign check}: the assumptions table, its numbers from MODEL.md's inequalities, and the run's note. */
class CheckCommandTest {
    @TempDir
    Path dir;

    @Test
    void checkPrintsEachConfigurationWithTheLargestConstants() throws Exception {
        Path f = dir.resolve("e.yaml");
        Files.writeString(f, ExperimentLoaderTest.VALID + "sweep: {grid: {data.p: [400, 100000]}, repetitions: 3}\n");
        CliTest.Result r = CliTest.cli("check", f.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().lines().filter(l -> l.matches("^[12]\\s.*")).toList();
        assertEquals(2, rows.size(), "one row per configuration, not per run:\n" + r.out());
        // n = 20, p = 400, delta = 0.01: A1 largest C = 20 / log(100) = 4.343
        assertTrue(rows.get(0).contains("ok 4.343"), rows.get(0));
        // A2: max{n mu^2, n^2 log(n/delta)} = 400 log(2000) = 3040.4 > p = 400: largest C = 0.1316
        assertTrue(rows.get(0).contains("NO 0.1316"), rows.get(0));
        // A5 with step 1/p: 1 / (alpha p^2) = 1/p = 0.0025
        assertTrue(rows.get(0).contains("NO 0.0025"), rows.get(0));
        // p = 10^5, mu = p^0.35: n mu^2 = 20 * 10^3.5 = 63245.6 > 3040.4, so A2's largest C = 10^5 / 63245.6 = 1.581
        assertTrue(rows.get(1).contains("ok 1.581"), rows.get(1));
        CliTest.Result c2 = CliTest.cli("check", f.toString(), "-C", "2");
        assertTrue(c2.out().lines().filter(l -> l.startsWith("2 ")).findFirst().orElseThrow().contains("NO 1.581"),
                c2.out());
        CliTest.Result bad = CliTest.cli("check", f.toString(), "--delta", "2");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--delta: must be in (0, 1/2), got 2.0"), bad.err());
    }

    /**
     * XOR data: A1-A6 and the bound are n/a (the paper states them for one mean), the Bayes column is the XOR Bayes
     * error the signal model declares, η + (1 − 2η)·2Φ(‖μ‖/√2)Φ(−‖μ‖/√2), and a run is not warned about them.
     */
    @Test
    void assumptionsAreNotApplicableBeyondOneMean() throws Exception {
        Path f = dir.resolve("xor.yaml");
        Files.writeString(f, ExperimentLoaderTest.VALID.replace("mu: \"p^0.35\"", "mu: 1.5\n  signal: {type: xor}"));
        CliTest.Result r = CliTest.cli("check", f.toString());
        assertEquals(0, r.code(), r.err());
        String row = r.out().lines().filter(l -> l.startsWith("1 ")).findFirst().orElseThrow();
        assertEquals(List.of("1", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a"),
                List.of(row.split("\\s+")).subList(0, 8), row);
        org.apache.commons.math3.distribution.NormalDistribution n01 =
                new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);
        double t = 1.5 / Math.sqrt(2);
        double bayes = 0.1 + 0.8 * 2 * n01.cumulativeProbability(t) * n01.cumulativeProbability(-t);
        assertEquals(bayes, Double.parseDouble(row.split("\\s+")[8]), 5e-4, row);
        assertTrue(r.out().contains("A1 n/a: assumptions stated for one mean (signal model xor)"), r.out());
        assertTrue(r.out().contains("bound n/a: assumptions stated for one mean"), r.out());
        assertEquals(null, AssumptionTable.warning(org.benignlab.experiments.run.SweepPlanner.plan(
                new org.benignlab.experiments.spec.ExperimentLoader(
                        org.benignlab.experiments.run.PluginCatalog.builtIn().registries()), f, List.of()),
                f.toString(), 1, 0.01), "no assumption warning for a run on XOR data");
    }

    @Test
    void deltaMustBeBelowOneHalf() throws Exception {
        Path f = dir.resolve("e.yaml");
        Files.writeString(f, ExperimentLoaderTest.VALID);
        CliTest.Result bad = CliTest.cli("check", f.toString(), "--delta", "0.6");
        assertEquals(2, bad.code(), bad.out());
        assertEquals("", bad.out(), "nothing printed but the error");
        assertTrue(bad.err().contains("--delta: must be in (0, 1/2), got 0.6"), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), "one line, no stack trace: " + bad.err());
        assertEquals(0, CliTest.cli("check", f.toString(), "--delta", "0.49").code());
    }

    /** A jar holding only a services file that names a provider class already on the class path. */
    private Path servicesJar(Class<?> extensionPoint, Class<?> provider) throws java.io.IOException {
        Path jar = dir.resolve("plugins").resolve("scaled.jar");
        Files.createDirectories(jar.getParent());
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("META-INF/services/" + extensionPoint.getName()));
            out.write((provider.getName() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** The cells of the first configuration row of {@code benign check}'s table, by column name. */
    private static java.util.Map<String, String> firstRow(String out) {
        List<String> lines = out.lines().toList();
        int h = 0;
        while (!lines.get(h).startsWith("#")) {
            h++;
        }
        String[] header = lines.get(h).trim().split("\\s{2,}");
        String[] cells = lines.get(h + 1).trim().split("\\s{2,}");
        java.util.Map<String, String> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
            row.put(header[i], cells[i]);
        }
        return row;
    }

    @Test
    void aClusterOfVarianceFourGivesTheSignalDividedBySixteen() throws Exception {
        Path jar = servicesJar(org.benignlab.api.ClusterDistributionProvider.class,
                org.benignlab.experiments.testplugins.ScaledGaussianProvider.class);
        Path f = dir.resolve("e.yaml");
        Files.writeString(f, ExperimentLoaderTest.VALID);
        CliTest.Result unit = CliTest.cli("check", f.toString());
        CliTest.Result scaled = CliTest.cli("check", f.toString(), "--plugins", jar.toString(), "--set",
                "data.cluster={type: test-scaled-gaussian, sigma: 2}");
        assertEquals(0, scaled.code(), scaled.err());
        java.util.Map<String, String> u = firstRow(unit.out());
        java.util.Map<String, String> s = firstRow(scaled.out());
        // n = 20, p = 400, ‖μ‖ = 400^0.35: n‖μ‖⁴/p = 20 · 400^1.4 / 400 = 20 · 400^0.4
        double signal = 20 * Math.pow(400, 0.4);
        assertEquals(signal, Double.parseDouble(u.get("n‖μ‖⁴/(σ⁴p)")), 1e-3 * signal);
        assertEquals(signal / 16, Double.parseDouble(s.get("n‖μ‖⁴/(σ⁴p)")), 1e-3 * signal / 16, scaled.out());
        assertEquals(Double.parseDouble(u.get("‖μ‖/(σp^¼)")) / 2, Double.parseDouble(s.get("‖μ‖/(σp^¼)")), 1e-3);
        assertEquals("n/a", s.get("Bayes"), "N(0, 4 I) is not declared isotropic N(0, I)");
        assertTrue(scaled.out().contains("Bayes n/a: the cluster is not declared isotropic Gaussian"), scaled.out());
    }

    @Test
    void adversarialNoiseAndLaplaceClustersLeaveWhatIsUndefinedOut() throws Exception {
        Path f = dir.resolve("e.yaml");
        Files.writeString(f, ExperimentLoaderTest.VALID);
        CliTest.Result adv = CliTest.cli("check", f.toString(), "--set", "data.noise={type: margin-adversarial, rate: 0.1}");
        assertEquals("n/a", firstRow(adv.out()).get("Bayes"), adv.out());
        assertTrue(adv.out().contains("Bayes n/a: label noise 'margin-adversarial' is not independent random flips"),
                adv.out());
        CliTest.Result lap = CliTest.cli("check", f.toString(), "--set", "data.cluster={type: laplace}");
        java.util.Map<String, String> row = firstRow(lap.out());
        assertEquals("n/a", row.get("bound"), lap.out());
        assertTrue(lap.out().contains("bound n/a: the cluster is not strongly log-concave (λ = 0): Theorem 3.1 does "
                + "not apply"), lap.out());
        assertTrue(lap.out().contains("A2 n/a: the cluster declares no sub-Gaussian norm K"), lap.out());
        assertTrue(row.get("A2").equals("n/a"), lap.out());
    }

    @Test
    void runSaysInOneLineWhenAssumptionsFail() throws Exception {
        Path f = dir.resolve("e.yaml");
        Files.writeString(f, ExperimentLoaderTest.VALID);
        CliTest.Result r = CliTest.cli("run", f.toString(), "--out", dir.resolve("out").toString(), "--no-report");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("note: outside the paper's assumptions at C = 1, δ = 0.01: "
                + "A2, A5 fail") && l.endsWith("./benign check " + f + ")")), r.out());
    }
}
