package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.benignlab.api.MetricNames;
import org.benignlab.experiments.results.ResultStore;
import org.benignlab.experiments.spec.ExperimentLoader;
import org.benignlab.reports.MetricsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End to end through the real command line: a small copy of the quickstart (same model, smaller n, p,
 * width and test set) reaches train error 0 and a test error near the noise rate, and writes a
 * complete results folder.
 */
class RunIT {
    static final Path QUICKSTART = Path.of("..", "examples", "quickstart.yaml");
    /** The quickstart, made smaller so that it runs in a few seconds. */
    static final String[] SMALL = {"--set", "data.n=50", "--set", "data.p=2000", "--set", "network.width=20",
        "--set", "data.test=1000", "--set", "training.steps=3000"};

    @TempDir
    Path dir;

    private static CliTest.Result run(Path out, String... extra) {
        String[] args = Stream.concat(Stream.of("run", QUICKSTART.toString(), "--out", out.toString()),
                Stream.concat(Stream.of(SMALL), Stream.of(extra))).toArray(String[]::new);
        return CliTest.cli(args);
    }

    private static JsonNode summary(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            Path runDir = s.filter(Files::isDirectory).filter(d -> d.getFileName().toString().matches("[0-9a-f]{12}")).findFirst().orElseThrow();
            return new ObjectMapper().readTree(runDir.resolve(ResultStore.SUMMARY).toFile());
        }
    }

    @ParameterizedTest(name = "engine {0}")
    @CsvSource({"auto, sketch", "sketch, sketch", "span, span", "dense, dense"})
    void quickstartShowsBenignOverfittingAndWritesACompleteFolder(String asked, String used) throws Exception {
        Path out = dir.resolve("qs-" + asked);
        CliTest.Result r = run(out, "--set", "training.engine=" + asked);
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode s = summary(out);
        assertEquals("completed", s.get("status").asText());
        assertEquals(0.0, s.get("train_error").asDouble(), 0.0, "every label fitted, noisy ones included");
        assertTrue(s.get("noisy_count").asInt() > 0, "the run had flipped labels to fit");
        // noise rate 0.1 and ||mu|| = p^0.3 ~ 10: the Bayes error on noisy labels is 0.1, on clean ~0.
        // 1000 test points: a binomial standard error of about 0.01; allow 0.06 above the noise rate.
        double test = s.get("test_error").asDouble();
        assertTrue(test > 0.04 && test < 0.16, "test error on noisy labels near 0.1: " + test);
        assertTrue(s.get("test_error_clean").asDouble() < 0.06, "clean test error small: " + s);
        assertTrue(r.out().contains("train       error 0.0000"), r.out());

        Path runDir = out.resolve(s.get("run_key").asText());
        for (String f : List.of(ResultStore.CONFIG, ResultStore.PROVENANCE, ResultStore.METRICS, ResultStore.SUMMARY)) {
            assertTrue(Files.exists(runDir.resolve(f)), f);
        }
        assertTrue(Files.exists(out.resolve(ResultStore.MANIFEST)));
        List<String> csv = Files.readAllLines(out.resolve(ResultStore.RUNS_CSV));
        assertEquals(2, csv.size(), "header and one row: " + csv);
        try (Stream<Path> files = Files.walk(out)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
        // the trajectory ends at the summary's values
        MetricsTable metrics = MetricsTable.read(runDir.resolve(ResultStore.METRICS));
        for (String m : List.of(MetricNames.TRAIN_LOSS, MetricNames.TEST_ERROR, MetricNames.WEIGHT_NORM)) {
            assertEquals(s.get(m).asDouble(), metrics.last(m).getAsDouble(), 0.0, m);
        }
        assertEquals(s.get("steps").asLong(), metrics.series(MetricNames.TRAIN_LOSS)
                .get(metrics.series(MetricNames.TRAIN_LOSS).size() - 1).step());
        // the resolved config is a valid experiment that reproduces the run key
        JsonNode config = ExperimentLoader.mapper().readTree(runDir.resolve(ResultStore.CONFIG).toFile());
        assertEquals(Math.pow(2000, 0.3), config.at("/data/mu").asDouble(), 1e-9);
        JsonNode prov = new ObjectMapper().readTree(runDir.resolve(ResultStore.PROVENANCE).toFile());
        assertEquals(used, prov.get("engine").asText());
        assertEquals(used, s.get("engine").asText());
        assertNotNull(prov.get("stream_seeds").get("data"));
        assertTrue(prov.get("products").asText().matches("(native BLAS|Java kernels) \\(.*\\)"), prov.toString());

        // running again skips the finished run
        CliTest.Result again = run(out, "--set", "training.engine=" + asked);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("already finished"), again.out());
    }

    /** Every engine; span with two threads overlaps its setup products and test projections with other work. */
    @ParameterizedTest(name = "engine {0}")
    @CsvSource({"auto", "span", "dense"})
    void sameSeedSameNumbersWhateverTheThreadCount(String engine) throws Exception {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        String choice = "training.engine=" + engine;
        assertEquals(0, run(one, "--threads", "1", "--set", "training.steps=200", "--set", choice).code());
        assertEquals(0, run(two, "--threads", "2", "--set", "training.steps=200", "--set", choice).code());
        String key = summary(one).get("run_key").asText();
        assertEquals(key, summary(two).get("run_key").asText());
        assertEquals(Files.readString(one.resolve(key).resolve(ResultStore.METRICS)),
                Files.readString(two.resolve(key).resolve(ResultStore.METRICS)));
        Path other = dir.resolve("other");
        assertEquals(0, run(other, "--threads", "1", "--set", "training.steps=200", "--set", "seed=2", "--set",
                choice).code());
        assertFalse(Files.readString(one.resolve(key).resolve(ResultStore.METRICS)).equals(
                Files.readString(other.resolve(summary(other).get("run_key").asText()).resolve(ResultStore.METRICS))),
                "another seed gives other numbers");
    }

    /**
     * examples/xor.yaml, shrunk to one configuration (identity, p = 2000, ‖μ‖ = p^0.2, 300 steps, 2000 test points):
     * it runs on the sketch (auto: exact for XOR at p − 2 &gt;= n + m), summary.json declares the signal model with
     * its clean Bayes error 2Φ(‖μ‖/√2)Φ(−‖μ‖/√2), summary.csv gives η + (1 − 2η) times it, and the linear network's
     * clean test error is within 4 binomial standard errors (0.045) of 1/2.
     */
    @Test
    void theXorExampleRecordsItsSignalModel() throws Exception {
        Path out = dir.resolve("xor");
        CliTest.Result r = CliTest.cli("run", Path.of("..", "examples", "xor.yaml").toString(), "--out", out.toString(),
                "--set", "sweep.repetitions=1", "--set", "sweep.grid.data.p=[2000]", "--set",
                "sweep.grid.data.mu=[\"p^0.2\"]", "--set", "sweep.grid.network.activation=[{type: identity}]", "--set",
                "training.steps=300", "--set", "data.test=2000", "--threads", "2");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode s = summary(out);
        assertEquals("sketch", s.get("engine").asText(), s.toString());
        JsonNode signal = s.get("declared").get("signal");
        assertEquals("xor", signal.get("type").asText());
        assertEquals(2, signal.get("means").asInt());
        org.apache.commons.math3.distribution.NormalDistribution n01 =
                new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);
        double mu = Math.pow(2000, 0.2);
        double bayes = 2 * n01.cumulativeProbability(mu / Math.sqrt(2)) * n01.cumulativeProbability(-mu / Math.sqrt(2));
        assertEquals(bayes, signal.get("bayes_error_clean").asDouble(), 1e-12);
        assertEquals(0.5, s.get(MetricNames.TEST_ERROR_CLEAN).asDouble(), 4 * 0.5 / Math.sqrt(2000), s.toString());
        List<String> csv = Files.readAllLines(out.resolve("report").resolve("summary.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        assertEquals(0.1 + 0.8 * bayes, Double.parseDouble(csv.get(1).split(",")[header.indexOf("bayes_error")]), 1e-9);
    }

    /**
     * training.spectral_norm: false leaves ||W||_2 and the stable rank out (null in summary.json, blank in
     * runs.csv, no rows in metrics.csv), changes no other number (span: up to rounding) and not the run key, and
     * the report is still written.
     */
    @Test
    void withoutTheSpectralNormItsMetricsAreLeftOutAndNothingElseChanges() throws Exception {
        Path with = dir.resolve("with");
        Path without = dir.resolve("without");
        String[] span = {"--set", "training.engine=span", "--set", "training.steps=300", "--threads", "2"};
        assertEquals(0, run(with, span).code());
        CliTest.Result r = run(without, Stream.concat(Stream.of(span),
                Stream.of("--set", "training.spectral_norm=false")).toArray(String[]::new));
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode on = summary(with);
        JsonNode off = summary(without);
        assertEquals(on.get("run_key").asText(), off.get("run_key").asText(), "not part of the run key");
        for (String m : MetricNames.ALL) {
            if (m.equals(MetricNames.WEIGHT_NORM_SPECTRAL) || m.equals(MetricNames.STABLE_RANK)) {
                assertTrue(on.get(m).isNumber(), m + " recorded by default");
                assertTrue(off.get(m).isNull(), m + " left out: " + off);
            } else {
                assertEquals(on.get(m).asDouble(), off.get(m).asDouble(), 1e-12 * Math.abs(on.get(m).asDouble()), m);
            }
        }
        String key = off.get("run_key").asText();
        MetricsTable metrics = MetricsTable.read(without.resolve(key).resolve(ResultStore.METRICS));
        assertTrue(metrics.series(MetricNames.WEIGHT_NORM_SPECTRAL).isEmpty(), "no ||W||_2 rows");
        assertFalse(metrics.series(MetricNames.WEIGHT_NORM).isEmpty());
        List<String> csv = Files.readAllLines(without.resolve(ResultStore.RUNS_CSV));
        List<String> header = List.of(csv.get(0).split(","));
        String[] row = csv.get(1).split(",", -1);
        assertEquals("", row[header.indexOf(MetricNames.STABLE_RANK)], csv.get(1));
        assertFalse(row[header.indexOf(MetricNames.WEIGHT_NORM)].isEmpty(), csv.get(1));
        assertTrue(Files.exists(without.resolve("report").resolve("report.html")), r.out());
        JsonNode prov = new ObjectMapper().readTree(without.resolve(key).resolve(ResultStore.PROVENANCE).toFile());
        assertFalse(prov.get("spectral_norm").asBoolean(), prov.toString());
    }

    @Test
    void aRunIsRebuiltFromItsRecordedConfigurationWithTheSameNumbers() throws Exception {
        Path out = dir.resolve("orig");
        assertEquals(0, run(out, "--set", "training.steps=100").code());
        String key = summary(out).get("run_key").asText();
        Path config = out.resolve(key).resolve(ResultStore.CONFIG);
        Path again = dir.resolve("again");
        CliTest.Result r = CliTest.cli("run", config.toString(), "--out", again.toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertEquals(key, summary(again).get("run_key").asText(), "the resolved config has the same run key");
        assertEquals(Files.readString(out.resolve(key).resolve(ResultStore.METRICS)),
                Files.readString(again.resolve(key).resolve(ResultStore.METRICS)));
        JsonNode prov = new ObjectMapper().readTree(out.resolve(key).resolve(ResultStore.PROVENANCE).toFile());
        assertEquals(ExperimentLoader.mapper().readTree(config.toFile()), prov.get("config"),
                "provenance.json holds the same resolved configuration");
    }

    @Test
    void aFolderOfAnotherExperimentIsRefused() throws Exception {
        Path out = dir.resolve("shared");
        assertEquals(0, run(out, "--set", "training.steps=5").code());
        CliTest.Result r = run(out, "--set", "training.steps=6");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("holds results of a different experiment"), r.err());
    }

    @Test
    void aDivergingRunIsRecordedAsDiverged() throws Exception {
        Path out = dir.resolve("div");
        // W0 entries of 1e306 make <w_j, x_i> overflow: f is NaN at step 0
        CliTest.Result r = run(out, "--set", "network.init=1e306", "--set", "training.steps=50");
        assertEquals(0, r.code(), "a diverged run is a recorded result, not a crash: " + r.out() + r.err());
        JsonNode s = summary(out);
        assertEquals("diverged", s.get("status").asText());
        assertEquals(0, s.get("diverged_at_step").asLong());
        assertEquals("diverged", s.get("stop_reason").asText());
        assertTrue(r.out().contains("diverged"), r.out());
    }
}
