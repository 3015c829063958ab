package org.benignlab.experiments.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.benignlab.api.Activation;
import org.benignlab.experiments.run.ExperimentModule;
import org.benignlab.experiments.run.PluginCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ExperimentLoaderTest {
    public static final String VALID = """
            name: t
            seed: 7
            data:
              n: 20
              p: 400
              mu: "p^0.35"
              cluster: {type: gaussian}
              noise: {type: random-flip, rate: 0.1}
              test: 200
            network:
              width: 10
              activation: {type: smoothed-leaky-relu, gamma: 0.1, H: 1.0}
              init: 1.0e-12
            training:
              loss: {type: logistic}
              optimizer: {type: gd, step: "1/p"}
              steps: 100
              stop_loss: 1.0e-3
            """;

    @TempDir
    Path dir;

    private ExperimentLoader.Loaded load(String yaml, String... overrides) throws Exception {
        Path f = dir.resolve("e.yaml");
        Files.writeString(f, yaml);
        return new ExperimentLoader(PluginCatalog.builtIn().registries()).load(f, List.of(overrides));
    }

    private String error(String yaml, String... overrides) {
        InputException e = assertThrows(InputException.class, () -> load(yaml, overrides));
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void aSecondLayerCanBeAllMinusOneOrGivenAsAListOrAFile() throws Exception {
        var minus = ExperimentModule.secondLayer(load(VALID,
                "network.second_layer={signs: constant, sign: -1, scale: 0.5}").spec().network().secondLayer())
                .draw(10, null);
        assertTrue(java.util.Arrays.stream(minus).allMatch(v -> v == -0.5), java.util.Arrays.toString(minus));
        // +1 is the default: writing it changes nothing, not even the resolved configuration
        assertEquals(load(VALID, "network.second_layer={signs: constant}").spec().network().secondLayer(),
                load(VALID, "network.second_layer={signs: constant, sign: 1}").spec().network().secondLayer());
        var listed = load(VALID, "network.second_layer={signs: values, values: [1, -1, -1, 1, 1, 1, -1, 1, 1, -1]}")
                .spec().network().secondLayer();
        assertEquals(List.of(1, -1, -1, 1, 1, 1, -1, 1, 1, -1), listed.values());
        Files.writeString(dir.resolve("a.csv"), "1\n-1\n-1\n1\n1\n1\n-1\n1\n1\n-1\n");
        var fromFile = load(VALID, "network.second_layer={signs: values, values: a.csv}").spec().network().secondLayer();
        assertEquals(listed, fromFile, "the file's entries take the name's place");
        assertEquals(List.of(1.0 / Math.sqrt(10), -1.0 / Math.sqrt(10)), java.util.Arrays.stream(
                ExperimentModule.secondLayer(fromFile).draw(10, null)).limit(2).boxed().toList());

        assertTrue(error(VALID, "network.second_layer={signs: constant, sign: 0}")
                .contains("network.second_layer.sign: must be -1 or +1, got 0"));
        assertTrue(error(VALID, "network.second_layer={signs: random, sign: -1}")
                .contains("network.second_layer.sign: applies only to signs: constant"));
        assertTrue(error(VALID, "network.second_layer={signs: values, values: [1, -1]}")
                .contains("network.second_layer.values: has 2 entries; needs one per hidden unit, width = 10"));
        assertTrue(error(VALID, "network.second_layer={signs: values, values: [1, 2, 1, 1, 1, 1, 1, 1, 1, 1]}")
                .contains("network.second_layer.values: entry 1 must be -1 or +1, got 2"));
        assertTrue(error(VALID, "network.second_layer={signs: values}")
                .contains("network.second_layer.values: is required for signs: values"));
        assertTrue(error(VALID, "network.second_layer={signs: values, values: nothere.npy}")
                .contains("network.second_layer.values: no such file"));
    }

    @Test
    void integersAreReadExactlyAndOnlyExactOnesAreTaken() throws Exception {
        // 2^53 + 1: a double would make it 2^53, so two seeds would give one run
        assertEquals(9007199254740993L, load(VALID, "seed=9007199254740993").spec().seed());
        assertEquals(9007199254740992L, load(VALID, "seed=9007199254740992").spec().seed());
        assertEquals(Long.MAX_VALUE, load(VALID, "seed=9223372036854775807").spec().seed());
        assertEquals(9007199254740993L, load(VALID, "seed='9007199254740993'").spec().seed());
        assertTrue(error(VALID, "seed=9223372036854775808").contains("seed: must be an integer between"));
        assertTrue(error(VALID, "seed=1e17").contains("seed: 1.0E17 is beyond 2^53"));
        assertTrue(error(VALID, "data.n=3000000000").contains("data.n: must be an integer between"));
        assertEquals(1000, load(VALID, "data.p=1e3").spec().data().p());
    }

    @Test
    void recordedStepsAreBoundedAndTheSuggestedDensityFits() throws Exception {
        // every step of 99,999 steps: 100,000 recorded, the bound itself
        assertEquals(99_999L, load(VALID, "training.steps=99999", "training.metrics_per_decade=1000000").spec()
                .training().steps());
        String e = error(VALID, "training.steps=100000", "training.metrics_per_decade=1000000");
        assertTrue(e.contains("training.metrics_per_decade: must keep the recorded steps to at most 100000"), e);
        String big = error(VALID, "training.steps=10000000", "training.metrics_per_decade=10000000");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("use at most (\\d+) per decade").matcher(big);
        assertTrue(m.find(), big);
        int fits = Integer.parseInt(m.group(1));
        assertEquals(10_000_000L, load(VALID, "training.steps=10000000", "training.metrics_per_decade=" + fits).spec()
                .training().steps(), "the density the message suggests is accepted");
        // the default density over many steps records a few hundred steps
        assertEquals(1_000_000_000_000L, load(VALID, "training.steps=1000000000000").spec().training().steps());
    }

    @Test
    void bindsAValidFileWithExpressionsAndDefaults() throws Exception {
        ExperimentSpec s = load(VALID).spec();
        assertEquals(Math.pow(400, 0.35), s.data().mu(), 1e-12);
        assertEquals(7L, s.seed());
        assertEquals("auto", s.training().engine());
        assertEquals(false, s.training().stopAtInterpolation());
        assertEquals("smoothed-leaky-relu", s.network().activation().type());
        Activation a = s.network().activation().create(Activation.class);
        assertEquals(0.1, a.leakiness().getAsDouble(), 0.0);
        Map<String, Object> resolved = RecordBinder.toMap(s);
        assertTrue(resolved.get("training").toString().contains("stop_loss=0.001"), resolved.toString());
    }

    @Test
    void overridesByDottedPath() throws Exception {
        ExperimentSpec s = load(VALID, "training.steps=500", "training.stop_at_interpolation=true",
                "network.activation.gamma=0.5", "data.mu=p^0.25").spec();
        assertEquals(500L, s.training().steps());
        assertTrue(s.training().stopAtInterpolation());
        assertEquals(Math.pow(400, 0.25), s.data().mu(), 1e-12);
        assertEquals(0.5, s.network().activation().create(Activation.class).leakiness().getAsDouble(), 0.0);
    }

    @Test
    void secondLayerDefaultsToThePapersAndTakesPatternsAndScales() throws Exception {
        SecondLayerSpec paper = load(VALID).spec().network().secondLayer();
        assertEquals("random", paper.signs());
        assertEquals(1 / Math.sqrt(10), paper.scale(), 1e-15);
        SecondLayerSpec given = load(VALID, "network.second_layer={signs: balanced, scale: \"2/m\"}").spec()
                .network().secondLayer();
        assertEquals("balanced", given.signs());
        assertEquals(0.2, given.scale(), 1e-15);
        assertTrue(error(VALID, "network.second_layer.signs=mixed")
                .endsWith("network.second_layer.signs: must be one of random, alternating, balanced, constant, values, got 'mixed'"));
        assertTrue(error(VALID, "network.second_layer.scale=0")
                .endsWith("network.second_layer.scale: must be a finite number > 0, got 0"));
    }

    @Test
    void anEmptyOverrideRemovesTheKey() throws Exception {
        // identity takes no parameters: removing gamma and H makes the switch possible from the command line
        ExperimentSpec s = load(VALID, "network.activation.type=identity", "network.activation.gamma=",
                "network.activation.H=").spec();
        assertEquals("identity", s.network().activation().type());
        assertEquals(0.0, load(VALID, "training.stop_loss=").spec().training().stopLoss(), 0.0);
    }

    @Test
    void unknownKeySuggestsTheNearestOne() {
        String m = error(VALID.replace("stop_loss:", "stop_los:"));
        assertTrue(m.contains("training.stop_los: unknown key; did you mean 'stop_loss'?"), m);
        m = error(VALID, "training.stepz=5");
        assertTrue(m.contains("training.stepz: unknown key; did you mean 'steps'?"), m);
    }

    @Test
    void outOfRangeValueNamesPathValueAndAllowedRange() {
        String m = error(VALID.replace("gamma: 0.1", "gamma: 1.5"));
        assertTrue(m.endsWith("network.activation.gamma: must be in (0, 1], got 1.5"), m);
        m = error(VALID, "data.n=1");
        assertTrue(m.endsWith("data.n: must be an integer >= 2, got 1"), m);
        m = error(VALID, "data.noise.rate=0.5");
        assertTrue(m.contains("data.noise.rate") && m.contains("0.5"), m);
    }

    @Test
    void unknownPluginTypeListsTheKnownOnes() {
        String m = error(VALID.replace("type: smoothed-leaky-relu", "type: smoothed-leaky-relux"));
        assertTrue(m.contains("network.activation.type: unknown activations type 'smoothed-leaky-relux'"), m);
        assertTrue(m.contains("leaky-relu") && m.contains("identity"), m);
        assertTrue(m.contains("did you mean 'smoothed-leaky-relu'?"), m);
    }

    @Test
    void wrongTypesAreNamed() {
        assertTrue(error(VALID, "data.n=[1, 2]").endsWith("data.n: must be a number or an expression, got a list"));
        assertTrue(error(VALID, "training.stop_at_interpolation=3")
                .endsWith("training.stop_at_interpolation: must be true or false, got 3"));
        assertTrue(error(VALID, "data.n=2.5").endsWith("data.n: must be an integer, got 2.5"));
        assertTrue(error(VALID, "network=5").endsWith("network: must be a mapping of keys to values, got 5"));
    }

    @Test
    void badExpressionsAndMissingValues() {
        assertTrue(error(VALID, "data.mu=p^0.35*zeta").contains("data.mu: unknown name 'zeta'"));
        assertTrue(error(VALID, "data.mu=1/(n-n)").endsWith("data.mu: expression '1/(n-n)' divides by zero (n = 20)"));
        assertTrue(error(VALID, "data.n=").endsWith("data.n: is required"));
    }

    @Test
    void yamlErrorsGiveLineAndColumn() {
        String m = error("name: t\ndata: {n: 3\nnetwork: [\n");
        assertTrue(m.matches(".*e\\.yaml:\\d+:\\d+: invalid YAML: .*"), m);
        m = error("name: t\nname: u\n");
        assertTrue(m.contains("invalid YAML") && m.contains("name"), m);
        assertTrue(error("").contains("is empty"));
        assertTrue(error("- 1\n- 2\n").contains("must be a mapping"));
    }

    @Test
    void anchorsAndAliasesAreRefusedWithTheirPosition() {
        // Jackson would read *k as the string "k"; a "billion laughs" file is refused at its first anchor
        StringBuilder bomb = new StringBuilder("name: t\nlol: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            bomb.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ", ").repeat(9))
                    .append('*').append((char) (c - 1)).append("]\n");
        }
        String m = error(bomb.toString());
        assertTrue(m.endsWith("e.yaml:2:6: YAML anchors and aliases (&name, *name) are not supported; "
                + "write the values out"), m);
        assertTrue(error("name: t\nseed: &s 3\ndata: {n: *s}\n").contains("anchors and aliases"));
    }

    @Test
    void setOnAValueIsAnError() {
        assertTrue(error(VALID, "data.n.x=3").contains("'data.n' is a value, not a mapping"));
        assertTrue(error(VALID, "novalue").contains("expected PATH=VALUE"));
    }

    @Test
    void fileErrors() {
        InputException missing = assertThrows(InputException.class,
                () -> new ExperimentLoader(PluginCatalog.builtIn().registries()).load(dir.resolve("nope.yaml"), List.of()));
        assertTrue(missing.getMessage().endsWith("nope.yaml: no such file"), missing.getMessage());
        InputException isDir = assertThrows(InputException.class,
                () -> new ExperimentLoader(PluginCatalog.builtIn().registries()).load(dir, List.of()));
        assertTrue(isDir.getMessage().contains("is a directory"), isDir.getMessage());
    }
}
