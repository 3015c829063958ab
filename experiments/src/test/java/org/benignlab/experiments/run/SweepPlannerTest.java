package org.benignlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.benignlab.experiments.spec.ExperimentLoader;
import org.benignlab.experiments.spec.ExperimentLoaderTest;
import org.benignlab.experiments.spec.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning a sweep: the product, ranges, zips, stable run keys and the experiment's identity. */
class SweepPlannerTest {
    @TempDir
    Path dir;

    private SweepPlanner.Planned plan(String sweep, String... overrides) throws Exception {
        Path f = dir.resolve("e.yaml");
        Files.writeString(f, ExperimentLoaderTest.VALID + sweep);
        return SweepPlanner.plan(new ExperimentLoader(PluginCatalog.builtIn().registries()), f, List.of(overrides));
    }

    private String error(String sweep, String... overrides) {
        InputException e = assertThrows(InputException.class, () -> plan(sweep, overrides));
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private static Map<Object, String> keyBy(SweepPlanner.Planned p, String path, int repetition) {
        Map<Object, String> m = new HashMap<>();
        for (RunPlan r : p.runs()) {
            if (r.repetition() == repetition) {
                m.put(r.swept().get(path), r.key());
            }
        }
        return m;
    }

    @Test
    void aFileWithoutASweepIsOneRun() throws Exception {
        SweepPlanner.Planned p = plan("");
        assertEquals(1, p.runs().size());
        assertEquals(Map.of(), p.runs().get(0).swept());
        assertEquals(List.of(), p.sweep().paths());
    }

    @Test
    void theGridIsTheCartesianProductInFileOrderWithRepetitionsInnermost() throws Exception {
        SweepPlanner.Planned p = plan("""
                sweep:
                  grid:
                    data.p: [400, 900]
                    network.width: [5, 10, 20]
                  repetitions: 2
                """);
        assertEquals(12, p.runs().size());
        RunPlan first = p.runs().get(0);
        RunPlan second = p.runs().get(1);
        RunPlan third = p.runs().get(2);
        assertEquals(List.of(400, 5, 0), List.of(first.spec().data().p(), first.spec().network().width(), first.repetition()));
        assertEquals(List.of(400, 5, 1), List.of(second.spec().data().p(), second.spec().network().width(), second.repetition()));
        assertEquals(List.of(400, 10, 0), List.of(third.spec().data().p(), third.spec().network().width(), third.repetition()));
        assertEquals(first.configKey(), second.configKey());
        assertNotEquals(first.key(), second.key());
        assertEquals(6, p.runs().stream().map(RunPlan::configKey).distinct().count());
        assertEquals(12, p.runs().stream().map(RunPlan::key).distinct().count());
        // the expression mu = p^0.35 of the file is evaluated at each swept p
        assertEquals(Math.pow(900, 0.35), p.runs().get(11).spec().data().mu(), 1e-12);
    }

    @Test
    void valuesMayBeExpressionsOverOtherParameters() throws Exception {
        SweepPlanner.Planned p = plan("""
                sweep:
                  grid:
                    data.mu: ["p^0.25", "2*p^0.25"]
                """);
        assertEquals(Math.pow(400, 0.25), p.runs().get(0).spec().data().mu(), 1e-12);
        assertEquals(2 * Math.pow(400, 0.25), p.runs().get(1).spec().data().mu(), 1e-12);
        assertEquals(p.runs().get(1).spec().data().mu(), p.runs().get(1).swept().get("data.mu"));
    }

    @Test
    void logRangesAreGeometricAndRoundedWhereThePathTakesIntegers() throws Exception {
        SweepPlanner.Planned p = plan("""
                sweep:
                  grid:
                    data.p: {from: 100, to: 10000, steps: 5, scale: log}
                    data.mu: {from: 1, to: 2, steps: 3}
                """);
        List<Integer> ps = p.runs().stream().map(r -> r.spec().data().p()).distinct().toList();
        assertEquals(List.of(100, 316, 1000, 3162, 10000), ps);
        List<Double> mus = p.runs().stream().map(r -> r.spec().data().mu()).distinct().toList();
        assertEquals(List.of(1.0, 1.5, 2.0), mus);
    }

    @Test
    void zippedPathsVaryTogether() throws Exception {
        SweepPlanner.Planned p = plan("""
                sweep:
                  zip:
                    data.n: [10, 20, 40]
                    network.width: [5, 10, 20]
                  grid:
                    training.steps: [10, 20]
                """);
        assertEquals(6, p.runs().size());
        for (RunPlan r : p.runs()) {
            assertEquals(2 * r.spec().network().width(), r.spec().data().n());
        }
        assertEquals(List.of("training.steps", "data.n", "network.width"), p.sweep().paths(),
                "grid factors first, then zip groups, in file order");
    }

    @Test
    void runKeysDoNotDependOnGridOrderOrOnValuesAddedLater() throws Exception {
        SweepPlanner.Planned a = plan("sweep: {grid: {data.p: [400, 900]}, repetitions: 2}");
        SweepPlanner.Planned b = plan("sweep: {grid: {data.p: [1600, 900, 400]}, repetitions: 3}");
        for (int rep = 0; rep < 2; rep++) {
            Map<Object, String> ka = keyBy(a, "data.p", rep);
            Map<Object, String> kb = keyBy(b, "data.p", rep);
            assertEquals(ka.get(400), kb.get(400));
            assertEquals(ka.get(900), kb.get(900));
        }
        assertEquals(a.experimentHash(), b.experimentHash(), "extending a sweep keeps the experiment");
        // the same configuration run alone has the key it has inside the sweep
        SweepPlanner.Planned single = plan("", "data.p=900");
        assertEquals(keyBy(a, "data.p", 0).get(900), single.runs().get(0).key());
    }

    @Test
    void changingAnUnsweptValueOrTheSweptPathsMakesAnotherExperiment() throws Exception {
        String sweep = "sweep: {grid: {data.p: [400, 900]}}";
        String h = plan(sweep).experimentHash();
        assertNotEquals(h, plan(sweep, "training.steps=101").experimentHash());
        assertNotEquals(h, plan("sweep: {grid: {data.n: [20, 30]}}").experimentHash());
        assertEquals(h, plan(sweep, "name=renamed").experimentHash(), "the name is a label");
    }

    @Test
    void overridesReachTheSweepBlock() throws Exception {
        SweepPlanner.Planned p = plan("sweep: {grid: {data.p: [400, 900]}}", "sweep.grid.data.p=[400, 900, 1600]",
                "sweep.repetitions=2");
        assertEquals(6, p.runs().size());
        Function<RunPlan, Integer> pOf = r -> r.spec().data().p();
        assertEquals(Map.of(400, 2L, 900, 2L, 1600, 2L),
                p.runs().stream().collect(Collectors.groupingBy(pOf, Collectors.counting())));
    }

    @Test
    void badSweepsAreOneLineErrorsNamingTheSweepPath() {
        assertTrue(error("sweep: {grid: {data.p: []}}").contains("sweep.grid.data.p: empty list"));
        assertTrue(error("sweep: {grid: {data.p: 5}}").contains("sweep.grid.data.p: must be a list of values"));
        assertTrue(error("sweep: {gird: {data.p: [1]}}").contains("sweep.gird: unknown key; did you mean 'grid'?"));
        assertTrue(error("sweep: {repetitions: 0}").contains("sweep.repetitions: must be an integer from 1"));
        assertTrue(error("sweep: {zip: {data.n: [10, 20], network.width: [5]}}")
                .contains("sweep.zip.network.width: has 1 values but sweep.zip.data.n has 2"));
        assertTrue(error("sweep: {grid: {data.p: {from: 0, to: 10, steps: 3, scale: log}}}")
                .contains("a log range needs from > 0"));
        assertTrue(error("sweep: {grid: {data.p: {from: 10, to: 12, steps: 5}}}")
                .contains("takes integer values and the range gives"));
        assertTrue(error("sweep: {grid: {name: [a, b]}}").contains("'name' cannot be swept"));
        assertTrue(error("sweep: {grid: {data: [1]}, zip: {data.p: [1]}}").contains("overlap"));
        assertTrue(error("sweep: {grid: {data.p: [400, 400.0]}}").contains("give the same configuration"));
        String unknown = error("sweep: {grid: {network.widht: [5, 10]}}");
        assertTrue(unknown.contains("network.widht: unknown key; did you mean 'width'?"), unknown);
        assertTrue(unknown.contains("(in sweep point network.widht=5)"), unknown);
        String out = error("sweep: {grid: {data.n: [1, 20]}}");
        assertTrue(out.contains("data.n: must be an integer >= 2, got 1") && out.contains("sweep point data.n=1"), out);
        assertTrue(error("sweep: {grid: {data.p: [400]}}", "data.p=900").contains("--set data.p: this path is swept"));
        assertTrue(error("sweep: {grid: {data.p: {from: 1, to: 1000000, steps: 100}, data.n: {from: 2, to: 2001, "
                + "steps: 1001}}}").contains("at most 100000"));
    }
}
