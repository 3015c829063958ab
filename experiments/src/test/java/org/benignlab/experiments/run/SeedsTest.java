package org.benignlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.NoiseContext;
import org.benignlab.engine.DrawFamily;
import org.junit.jupiter.api.Test;

/** Which configuration entries key which stream (common random numbers), on resolved configurations. */
class SeedsTest {

    /** A resolved configuration with the entries the scheme reads. */
    private static Map<String, Object> config() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("n", 20);
        data.put("p", 300);
        data.put("mu", 5.5);
        data.put("cluster", Map.of("type", "gaussian"));
        data.put("noise", Map.of("type", "random-flip", "rate", 0.1));
        data.put("test", 100);
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("width", 8);
        network.put("init", 1e-3);
        network.put("second_layer", Map.of("signs", "random", "scale", 0.35));
        network.put("activation", Map.of("type", "smoothed-leaky-relu", "gamma", 0.1, "H", 1.0));
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("optimizer", Map.of("type", "gd", "step", 0.01));
        training.put("loss", Map.of("type", "logistic"));
        training.put("steps", 100);
        training.put("engine", "auto");
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", "t");
        c.put("seed", 1);
        c.put("data", data);
        c.put("network", network);
        c.put("training", training);
        return c;
    }

    /** A copy of {@code config()} with one dotted path set. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(String path, Object value) {
        Map<String, Object> c = deepCopy(config());
        String[] parts = path.split("\\.");
        Map<String, Object> m = c;
        for (int i = 0; i < parts.length - 1; i++) {
            m = (Map<String, Object>) m.get(parts[i]);
        }
        m.put(parts[parts.length - 1], value);
        return c;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> inner ? deepCopy((Map<String, Object>) inner) : v));
        return out;
    }

    private static Map<String, String> seeds(Map<String, Object> c, DrawFamily family, LabelNoise noise, int rep) {
        return new Seeds(1, rep, family, c, noise).describe();
    }

    private static final LabelNoise UNIFORMS = new Noise(false, true);

    /** A noise model with chosen declarations (its flips are never called here). */
    private record Noise(boolean margins, boolean ignoresParameters) implements LabelNoise {
        @Override
        public boolean[] flips(NoiseContext context, UniformRandomProvider rng) {
            return new boolean[context.size()];
        }

        @Override
        public double rate() {
            return 0.1;
        }

        @Override
        public boolean adversarial() {
            return margins;
        }

        @Override
        public boolean readsMargins() {
            return margins;
        }

        @Override
        public boolean drawsIgnoreParameters() {
            return ignoresParameters;
        }
    }

    @Test
    void entriesThatDecideHowARunTrainsChangeNoSeed() {
        Map<String, String> base = seeds(config(), DrawFamily.EXPLICIT, UNIFORMS, 0);
        for (Object[] change : new Object[][] {
            {"training.optimizer", Map.of("type", "adam", "step", 0.001)},
            {"training.loss", Map.of("type", "hinge")},
            {"training.steps", 5000},
            {"training.engine", "span"},
            {"network.activation", Map.of("type", "relu")},
            {"network.init", 0.5},
            {"network.width", 80},
            {"network.second_layer", Map.of("signs", "random", "scale", 2.0)},
            {"data.mu", 0.1},
            {"data.n", 200},
            {"data.test", 7},
            {"data.noise", Map.of("type", "random-flip", "rate", 0.4)},
            {"name", "other"}}) {
            assertEquals(base, seeds(with((String) change[0], change[1]), DrawFamily.EXPLICIT, UNIFORMS, 0),
                    change[0] + " = " + change[1] + " must change no seed");
        }
    }

    @Test
    void entriesThatDetermineTheStandardDrawsChangeTheirStreamsOnly() {
        Map<String, String> base = seeds(config(), DrawFamily.EXPLICIT, UNIFORMS, 0);
        Object[][] changes = {
            {"data.p", 301, List.of("data", "noise", "init", "test")},
            {"data.cluster", Map.of("type", "rademacher"), List.of("data", "noise", "test")},
            {"data.noise", Map.of("type", "fixed-count", "rate", 0.1), List.of("noise")},
            {"network.second_layer", Map.of("signs", "alternating", "scale", 0.35), List.of("signs")}};
        for (Object[] change : changes) {
            Map<String, String> other = seeds(with((String) change[0], change[1]), DrawFamily.EXPLICIT, UNIFORMS, 0);
            @SuppressWarnings("unchecked")
            List<String> changed = (List<String>) change[2];
            for (String stream : Seeds.STREAMS) {
                if (changed.contains(stream)) {
                    assertNotEquals(base.get(stream), other.get(stream), change[0] + " must change " + stream);
                } else {
                    assertEquals(base.get(stream), other.get(stream), change[0] + " must not change " + stream);
                }
            }
        }
        Map<String, String> otherSeed = new Seeds(2, 0, DrawFamily.EXPLICIT, config(), UNIFORMS).describe();
        Map<String, String> otherRep = seeds(config(), DrawFamily.EXPLICIT, UNIFORMS, 1);
        Map<String, String> sketch = seeds(config(), DrawFamily.SKETCH, UNIFORMS, 0);
        for (String stream : Seeds.STREAMS) {
            assertNotEquals(base.get(stream), otherSeed.get(stream), "root seed, " + stream);
            assertNotEquals(base.get(stream), otherRep.get(stream), "repetition, " + stream);
            assertNotEquals(base.get(stream), sketch.get(stream), "engine family, " + stream);
        }
        assertEquals(5, new java.util.HashSet<>(base.values()).size(), "five different streams");
    }

    @Test
    @SuppressWarnings("unchecked")
    void declarationsOfTheNoiseModelAndTheSignPatternWidenTheKeys() {
        // a model that does not declare rate-free draws is keyed by its rate
        LabelNoise keyedByRate = new Noise(false, false);
        assertNotEquals(seeds(config(), DrawFamily.EXPLICIT, keyedByRate, 0).get("noise"),
                seeds(with("data.noise", Map.of("type", "random-flip", "rate", 0.4)), DrawFamily.EXPLICIT,
                        keyedByRate, 0).get("noise"));
        // a model that reads the margins is keyed by ||μ||
        LabelNoise margins = new Noise(true, true);
        assertNotEquals(seeds(config(), DrawFamily.EXPLICIT, margins, 0).get("noise"),
                seeds(with("data.mu", 9.0), DrawFamily.EXPLICIT, margins, 0).get("noise"));
        assertEquals(List.of("data.p", "data.cluster", "data.noise.type", "data.mu"),
                Seeds.entries(config(), DrawFamily.EXPLICIT, margins).get("noise"));
        // balanced signs depend on m as a whole; random signs nest across m
        Map<String, Object> balanced = with("network.second_layer", Map.of("signs", "balanced", "scale", 0.35));
        assertEquals(List.of("network.second_layer.signs", "network.width"),
                Seeds.entries(balanced, DrawFamily.EXPLICIT, UNIFORMS).get("signs"));
        Map<String, Object> wider = deepCopy(balanced);
        ((Map<String, Object>) wider.get("network")).put("width", 9);
        assertNotEquals(seeds(balanced, DrawFamily.EXPLICIT, UNIFORMS, 0).get("signs"),
                seeds(wider, DrawFamily.EXPLICIT, UNIFORMS, 0).get("signs"));
        // the sketch's Gram draw is one draw for all n + m vectors
        assertEquals(List.of("data.p", "data.cluster", "data.n", "network.width"),
                Seeds.entries(config(), DrawFamily.SKETCH, UNIFORMS).get("data"));
        assertNotEquals(seeds(config(), DrawFamily.SKETCH, UNIFORMS, 0).get("data"),
                seeds(with("data.n", 21), DrawFamily.SKETCH, UNIFORMS, 0).get("data"));
        assertEquals(Map.of("data", List.of("data.p", "data.cluster"),
                        "noise", List.of("data.p", "data.cluster", "data.noise.type"),
                        "init", List.of("data.p"),
                        "signs", List.of("network.second_layer.signs"),
                        "test", List.of("data.p", "data.cluster")),
                Seeds.entries(config(), DrawFamily.EXPLICIT, UNIFORMS));
    }

    @Test
    void seedsAreAFunctionOfTheirInputsOnly() {
        Seeds a = new Seeds(1, 0, DrawFamily.EXPLICIT, config(), UNIFORMS);
        Seeds b = new Seeds(1, 0, DrawFamily.EXPLICIT, config(), UNIFORMS);
        assertEquals(a.describe(), b.describe());
        assertEquals(a.streams(), b.streams());
        assertEquals(a.streams().data().generator().nextLong(), b.streams().data().generator().nextLong());
        assertTrue(a.describe().get("data").matches("[0-9a-f]{64}"));
    }
}
