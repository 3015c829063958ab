package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.benignlab.api.CsvCells;
import org.benignlab.experiments.results.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vars:} through the real command line: a sweep over {@code vars.ratio} with {@code data.p: "ratio*n*200"}
 * and a noise rate given as a var ({@code g: "3/n"}) writes the ratio and the p it gives into runs.csv, the ratio
 * into the report's summary.csv, and draws the test error against it.
 */
class VarsIT {
    static final String VARS = """
            name: vars-it
            seed: 3
            vars: {ratio: 2, g: "3/n"}
            data: {n: 30, p: "ratio*n*200", mu: "p^0.3", noise: {type: random-flip, rate: "g"}, test: 300}
            network: {width: 10, init: 1.0e-9}
            training: {optimizer: {type: gd, step: "1/p"}, steps: 100, engine: sketch}
            sweep:
              grid:
                vars.ratio: [2, 3, 5]
            """;

    @TempDir
    Path dir;

    private static List<List<String>> csv(Path file) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rows.add(CsvCells.split(line));
        }
        return rows;
    }

    private static List<String> column(List<List<String>> rows, String name) {
        int c = rows.get(0).indexOf(name);
        assertTrue(c >= 0, "a column " + name + " in " + rows.get(0));
        return rows.subList(1, rows.size()).stream().map(r -> r.get(c)).sorted().toList();
    }

    @Test
    void aSweptVarIsAColumnOfRunsCsvAndSummaryCsvAndAnAxisOfTheReport() throws Exception {
        Path f = dir.resolve("vars.yaml");
        Files.writeString(f, VARS);
        Path out = dir.resolve("out");
        CliTest.Result r = CliTest.cli("run", f.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());

        List<List<String>> runs = csv(out.resolve(ResultStore.RUNS_CSV));
        assertEquals(List.of("2", "3", "5"), column(runs, "vars.ratio").stream().map(v -> v.replace(".0", "")).toList());
        assertEquals(List.of("12000", "18000", "30000"), column(runs, "p"), "p = ratio * n * 200");
        assertEquals(List.of("0.1", "0.1", "0.1"), column(runs, "vars.g"), "an unswept var is a column too");
        assertEquals(List.of("0.1", "0.1", "0.1"), column(runs, "eta"), "a plugin parameter given as a var");

        List<List<String>> summary = csv(out.resolve("report/summary.csv"));
        assertEquals(3, column(summary, "vars.ratio").size());
        try (Stream<Path> s = Files.walk(out.resolve("report"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("test_error_vs_vars_ratio")),
                    "the test error is drawn against the swept var: " + names);
        }
        String config = Files.readString(Files.list(out).filter(Files::isDirectory)
                .filter(d -> Files.exists(d.resolve("config.yaml"))).findFirst().orElseThrow().resolve("config.yaml"));
        assertTrue(config.contains("vars:") && config.contains("ratio:"), "the resolved configuration holds the vars:\n"
                + config);
    }

    /**
     * The model of issue 18 as its user wrote it: leaky ReLU, second layer all -1, summed hinge loss trained to
     * interpolation, p a var's multiple of n, on the span engine. It runs and stops at interpolation, its
     * config.yaml holds the sign and the reduction, and the sign is among the signs stream's entries.
     */
    @Test
    void allMinusOneSecondLayerWithSummedHingeLossRunsToInterpolation() throws Exception {
        Path f = dir.resolve("model.yaml");
        Files.writeString(f, """
                name: model
                seed: 4
                vars: {ratio: 20}
                data: {n: 20, p: "ratio*n", mu: "p^0.3", noise: {type: random-flip, rate: 0.1}, test: 200}
                network:
                  width: 8
                  activation: {type: leaky-relu, gamma: 0.1}
                  second_layer: {signs: constant, sign: -1, scale: 1}
                  init: 1.0e-3
                training:
                  loss: {type: hinge, reduction: sum}
                  optimizer: {type: gd, step: "1/(n*p)"}
                  steps: 20000
                  stop_at_interpolation: true
                  engine: span
                """);
        Path out = dir.resolve("model-out");
        CliTest.Result r = CliTest.cli("run", "--no-report", f.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        List<List<String>> runs = csv(out.resolve(ResultStore.RUNS_CSV));
        assertEquals(List.of("interpolation"), column(runs, "stop_reason"), r.out());
        assertEquals(List.of("400"), column(runs, "p"));
        Path run = Files.list(out).filter(d -> Files.exists(d.resolve("provenance.json"))).findFirst().orElseThrow();
        String provenance = Files.readString(run.resolve("provenance.json"));
        assertTrue(provenance.contains("network.second_layer.sign"), "the sign keys the signs stream:\n" + provenance);
        String config = Files.readString(run.resolve("config.yaml"));
        assertTrue(config.contains("sign: -1") && config.contains("reduction: sum"), config);
    }

    @Test
    void theSameVarValuesGiveTheSameRunKeyAndAnotherValueAnother() throws Exception {
        Path f = dir.resolve("vars.yaml");
        Files.writeString(f, VARS.replace("""
                sweep:
                  grid:
                    vars.ratio: [2, 3, 5]
                """, ""));
        Path a = dir.resolve("a");
        assertEquals(0, CliTest.cli("run", "--no-report", f.toString(), "--out", a.toString()).code());
        Path b = dir.resolve("b");
        assertEquals(0, CliTest.cli("run", "--no-report", f.toString(), "--out", b.toString(), "--set",
                "vars.g=0.1").code());
        assertEquals(column(csv(a.resolve(ResultStore.RUNS_CSV)), "run_key"),
                column(csv(b.resolve(ResultStore.RUNS_CSV)), "run_key"), "g = 3/n = 0.1 either way");
        Path c = dir.resolve("c");
        assertEquals(0, CliTest.cli("run", "--no-report", f.toString(), "--out", c.toString(), "--set",
                "vars.unused=7").code());
        assertTrue(!column(csv(a.resolve(ResultStore.RUNS_CSV)), "run_key")
                .equals(column(csv(c.resolve(ResultStore.RUNS_CSV)), "run_key")), "a var is part of the run key");
    }
}
