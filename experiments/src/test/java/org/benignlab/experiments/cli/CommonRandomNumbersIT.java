package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.benignlab.api.MetricNames;
import org.benignlab.experiments.arrays.RunArrays;
import org.benignlab.experiments.results.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Common random numbers through the real command line: dense and span on one file give the same metrics to 1e-9
 * relative and save the same X, y and W0 byte for byte; two step sizes or two activations in one sweep share X, y,
 * W0 and a per repetition and the report compares them in pairs; a sweep whose auto engine mixes draw families
 * says so; a results folder of the previous seeding scheme is refused with exit 2 and left as it was.
 */
class CommonRandomNumbersIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path yaml(String training) throws IOException {
        Path yaml = dir.resolve("crn.yaml");
        Files.writeString(yaml, """
                name: crn
                seed: 5
                data: {n: 20, p: 300, mu: "p^0.3", noise: {type: random-flip, rate: 0.2}, test: 200}
                network: {width: 8, activation: {type: smoothed-leaky-relu, gamma: 0.2, H: 2.0}, init: 1.0e-3}
                training: {optimizer: {type: gd, step: "2/p"}, steps: 200, save: [data, init]%s}
                """.formatted(training));
        return yaml;
    }

    private static List<Path> runs(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(d -> Files.exists(d.resolve(ResultStore.SUMMARY))).sorted().toList();
        }
    }

    private static byte[] array(Path run, String name) throws IOException {
        return Files.readAllBytes(run.resolve(RunArrays.FOLDER).resolve(name + ".npy"));
    }

    @Test
    void denseAndSpanOnOneFileAgreeOnEveryMetricAndSaveTheSameArrays() throws IOException {
        Path yaml = yaml("");
        CliTest.Result dense = CliTest.cli("run", yaml.toString(), "--set", "training.engine=dense", "--out",
                dir.resolve("dense").toString(), "--no-report");
        CliTest.Result span = CliTest.cli("run", yaml.toString(), "--set", "training.engine=span", "--out",
                dir.resolve("span").toString(), "--no-report", "--threads", "1");
        assertEquals(0, dense.code(), dense.out() + dense.err());
        assertEquals(0, span.code(), span.out() + span.err());
        Path d = runs(dir.resolve("dense")).get(0);
        Path s = runs(dir.resolve("span")).get(0);
        JsonNode sd = JSON.readTree(d.resolve(ResultStore.SUMMARY).toFile());
        JsonNode ss = JSON.readTree(s.resolve(ResultStore.SUMMARY).toFile());
        assertEquals("dense", sd.get("engine").asText());
        assertEquals("span", ss.get("engine").asText());
        assertEquals(sd.get("steps"), ss.get("steps"));
        assertEquals(sd.get("noisy_count"), ss.get("noisy_count"));
        List<String> metrics = new ArrayList<>(MetricNames.ALL);
        metrics.addAll(MetricNames.DIAGNOSTICS);
        int compared = 0;
        for (String m : metrics) {
            JsonNode a = sd.get(m);
            JsonNode b = ss.get(m);
            assertEquals(a == null || a.isNull(), b == null || b.isNull(), m);
            if (a != null && !a.isNull()) {
                assertEquals(a.asDouble(), b.asDouble(), 1e-9 * Math.max(1e-300, Math.abs(a.asDouble())), m);
                compared++;
            }
        }
        assertTrue(compared >= MetricNames.ALL.size() - 1, compared + " metrics compared");
        for (String name : List.of("X", "y", "y_clean", "noisy", "a", "W0")) {
            assertArrayEquals(array(d, name), array(s, name), name + ".npy byte for byte");
        }
        JsonNode pd = JSON.readTree(d.resolve(ResultStore.PROVENANCE).toFile());
        JsonNode ps = JSON.readTree(s.resolve(ResultStore.PROVENANCE).toFile());
        assertEquals(pd.get("stream_seeds"), ps.get("stream_seeds"), "one draw family: the same seeds");
        assertEquals("explicit", pd.get("draw_family").asText());
        assertEquals(2, pd.get("seeding_scheme").asInt());
        assertEquals("[\"data.p\"]", pd.get("stream_entries").get("init").toString());
        assertEquals("[\"data.p\",\"data.cluster\",\"data.noise.type\"]", pd.get("stream_entries").get("noise").toString());
    }

    @Test
    void stepSizesAndActivationsOfOneSweepShareTheirDrawsAndCompareInPairs() throws IOException {
        Path yaml = yaml(", engine: span");
        Files.writeString(yaml, Files.readString(yaml) + """
                sweep:
                  grid:
                    training.optimizer.step: ["2/p", "4/p"]
                    network.activation: [{type: smoothed-leaky-relu, gamma: 0.2, H: 2.0}, {type: tanh}]
                  repetitions: 2
                """);
        Path out = dir.resolve("sweep");
        CliTest.Result r = CliTest.cli("run", yaml.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        Map<Integer, List<Path>> byRepetition = new TreeMap<>();
        for (Path run : runs(out)) {
            int rep = JSON.readTree(run.resolve(ResultStore.SUMMARY).toFile()).get("repetition").asInt();
            byRepetition.computeIfAbsent(rep, k -> new ArrayList<>()).add(run);
        }
        assertEquals(2, byRepetition.size());
        byte[] firstX = null;
        for (List<Path> same : byRepetition.values()) {
            assertEquals(4, same.size());
            Path ref = same.get(0);
            for (Path run : same) {
                for (String name : List.of("X", "y", "W0", "a")) {
                    assertArrayEquals(array(ref, name), array(run, name), name + ".npy of " + run.getFileName());
                }
            }
            if (firstX == null) {
                firstX = array(ref, "X");
            } else {
                assertFalse(java.util.Arrays.equals(firstX, array(ref, "X")), "repetitions draw anew");
            }
        }
        String report = Files.readString(out.resolve("report").resolve("report.md"));
        assertTrue(report.contains("## Paired comparisons"), report);
        assertTrue(report.contains("so the comparison is paired"), report);
        assertFalse(report.contains("Not paired with"), report);
    }

    @Test
    void aSweepWhoseAutoEngineMixesDrawFamiliesSaysSo() throws IOException {
        Path yaml = yaml("");
        Files.writeString(yaml, Files.readString(yaml).replace(", save: [data, init]", "").replace("steps: 200",
                "steps: 20") + """
                sweep:
                  grid:
                    training.optimizer: [{type: gd, step: 0.01}, {type: adam, step: 0.001}]
                """);
        Path out = dir.resolve("mixed");
        CliTest.Result r = CliTest.cli("run", yaml.toString(), "--out", out.toString(), "--progress", "log");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("note: the configurations of this sweep run on engines that draw differently "
                + "(explicit: dense; sketch: sketch), so they do not share draws and comparisons across them are not "
                + "paired; set training.engine"), r.out());
        String report = Files.readString(out.resolve("report").resolve("report.md"));
        assertTrue(report.contains("the configurations ran on engines that draw differently (explicit: #2; sketch: #1)"),
                report);
    }

    @Test
    void aResultsFolderOfThePreviousSeedingSchemeIsRefusedAndLeftAsItWas() throws IOException {
        Path yaml = yaml("");
        Files.writeString(yaml, Files.readString(yaml).replace(", save: [data, init]", "").replace("steps: 200",
                "steps: 20"));
        Path out = dir.resolve("old");
        assertEquals(0, CliTest.cli("run", yaml.toString(), "--out", out.toString(), "--no-report").code());
        // a manifest as the previous scheme wrote it: no seeding_scheme field
        Path manifest = out.resolve(ResultStore.MANIFEST);
        ObjectNode m = (ObjectNode) JSON.readTree(manifest.toFile());
        assertEquals(2, m.remove("seeding_scheme").asInt());
        Files.writeString(manifest, JSON.writeValueAsString(m));
        Map<String, String> before = snapshot(out);

        CliTest.Result r = CliTest.cli("run", yaml.toString(), "--out", out.toString(), "--set", "training.steps=30");
        assertEquals(2, r.code(), r.out() + r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertTrue(err.contains(out + ": written under seeding scheme 1 (streams seeded from the run key), and this "
                + "version uses scheme 2 (common random numbers), which gives other numbers; choose another folder "
                + "with --out, or --force-new"), err);
        assertEquals(before, snapshot(out), "nothing changed in the folder");

        CliTest.Result merge = CliTest.cli("merge", out.toString(), "--out", dir.resolve("merged").toString());
        assertEquals(2, merge.code(), merge.out() + merge.err());
        assertTrue(merge.err().contains("written under seeding scheme 1"), merge.err());
    }

    /** Every file under a folder: path -> size, modification time and content hash. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String rel = root.relativize(p).toString();
                if (Files.isDirectory(p)) {
                    out.put(rel + "/", "dir");
                } else {
                    out.put(rel, Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis() + " "
                            + java.util.Arrays.hashCode(Files.readAllBytes(p)));
                }
            }
        }
        return out;
    }
}
