package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.benignlab.experiments.results.ResultStore;
import org.benignlab.reports.MetricsTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny fixed-seed run compared with the metrics kept under test resources, so that a change that
 * moves the numbers (draw order, seeds, kernels) is seen. Tolerance: 1e-9 relative (plus 1e-12
 * absolute), which allows last-digit differences of Math.exp/log between JVMs but nothing else.
 * When a change is meant to move the numbers, regenerate with
 * {@code mvn -pl experiments verify -Dit.test=GoldenRunIT -Dbenign.golden.regenerate=true} and say
 * why in the commit.
 */
class GoldenRunIT {
    static final Path GOLDEN_DIR = Path.of("src/test/resources/golden");

    @TempDir
    Path dir;

    private Path runOnce(Path yaml, Path out) throws IOException {
        CliTest.Result r = CliTest.cli("run", yaml.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.out() + r.err());
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(Files::isDirectory).filter(d -> d.getFileName().toString().matches("[0-9a-f]{12}")).findFirst().orElseThrow().resolve(ResultStore.METRICS);
        }
    }

    /** One golden run per engine family: dense (explicit data) and sketch (Gram-matrix draw). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tiny", "tiny-sketch"})
    void metricsMatchTheGoldenFile(String name) throws IOException {
        Path golden = GOLDEN_DIR.resolve(name + "-metrics.csv");
        Path metrics = runOnce(GOLDEN_DIR.resolve(name + ".yaml"), dir.resolve(name));
        if (Boolean.getBoolean("benign.golden.regenerate")) {
            Files.copy(metrics, golden, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        MetricsTable expected = MetricsTable.read(golden);
        MetricsTable actual = MetricsTable.read(metrics);
        assertEquals(expected.metrics(), actual.metrics());
        for (String m : expected.metrics()) {
            List<MetricsTable.Point> e = expected.series(m);
            List<MetricsTable.Point> a = actual.series(m);
            assertEquals(e.size(), a.size(), m);
            for (int i = 0; i < e.size(); i++) {
                assertEquals(e.get(i).step(), a.get(i).step(), m);
                double ev = e.get(i).value();
                double av = a.get(i).value();
                if (Double.isNaN(ev)) {
                    assertTrue(Double.isNaN(av), m + " at step " + e.get(i).step());
                } else {
                    assertEquals(ev, av, 1e-12 + 1e-9 * Math.abs(ev), m + " at step " + e.get(i).step());
                }
            }
        }
    }
}
