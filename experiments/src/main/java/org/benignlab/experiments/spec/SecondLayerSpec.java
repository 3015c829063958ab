package org.benignlab.experiments.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.Specs;

/**
 * The fixed second layer a: its sign pattern and magnitude (YAML {@code network.second_layer}).
 * The paper's choice, and the default: random signs, magnitude 1/√m.
 *
 * @param signs {@code random} (each ±1 uniformly), {@code alternating} (+ - + ...), {@code balanced}
 *              (⌈m/2⌉ plus, ⌊m/2⌋ minus, in random order) or {@code constant} (all +)
 * @param scale |a_j|, &gt; 0; null here means 1/√m, filled in by {@link NetworkSpec}
 */
public record SecondLayerSpec(String signs, Double scale) {
    /** The allowed sign patterns. */
    public static final List<String> SIGNS = Arrays.stream(org.benignlab.engine.SecondLayer.Signs.values())
            .map(org.benignlab.engine.SecondLayer.Signs::key).toList();

    public SecondLayerSpec {
        signs = Specs.orDefault(signs, "random").toLowerCase(Locale.ROOT);
        if (!SIGNS.contains(signs)) {
            throw InvalidSpecException.of("signs", signs, "must be one of " + String.join(", ", SIGNS));
        }
        if (scale != null) {
            Specs.positive("scale", scale);
        }
    }

    /** This spec with the magnitude filled in for width m when it was not given. */
    SecondLayerSpec withDefaultScale(int m) {
        return scale != null ? this : new SecondLayerSpec(signs, 1.0 / Math.sqrt(m));
    }

    /** The engine's description of this second layer (scale must be filled in). */
    public org.benignlab.engine.SecondLayer toEngine() {
        return new org.benignlab.engine.SecondLayer(
                org.benignlab.engine.SecondLayer.Signs.valueOf(signs.toUpperCase(Locale.ROOT)), scale);
    }
}
