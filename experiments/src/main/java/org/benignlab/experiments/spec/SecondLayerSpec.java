package org.benignlab.experiments.spec;

import java.util.List;
import java.util.Locale;
import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.RunOptions;
import org.benignlab.api.Specs;

/**
 * The fixed second layer a: its sign pattern and magnitude (YAML {@code network.second_layer}).
 * The paper's choice, and the default: random signs, magnitude 1/√m.
 *
 * @param signs  {@code random} (each ±1 uniformly), {@code alternating} (+ - + ...), {@code balanced}
 *               (⌈m/2⌉ plus, ⌊m/2⌋ minus, in random order), {@code constant} (all {@code sign}) or {@code values}
 *               (the given {@code values})
 * @param scale  |a_j|, &gt; 0; null here means 1/√m, filled in by {@link NetworkSpec}
 * @param sign   for {@code constant}: -1 or +1; null means +1 (+1 is stored as null, so that writing it changes
 *               no run key)
 * @param values for {@code values}: one sign per hidden unit, each -1 or +1 (a .npy or .csv file named here is
 *               read by {@link ExperimentLoader} and its entries written in its place)
 */
public record SecondLayerSpec(String signs, Double scale, @InConfig(InConfig.When.IF_SET) Integer sign,
                              @InConfig(InConfig.When.IF_SET) List<Integer> values) {
    /** The allowed sign patterns. */
    public static final List<String> SIGNS = RunOptions.SECOND_LAYER_SIGNS;

    public SecondLayerSpec {
        signs = Specs.orDefault(signs, "random").toLowerCase(Locale.ROOT);
        if (!SIGNS.contains(signs)) {
            throw InvalidSpecException.of("signs", signs, "must be one of " + String.join(", ", SIGNS));
        }
        if (scale != null) {
            Specs.positive("scale", scale);
        }
        if (sign != null) {
            if (!signs.equals("constant")) {
                throw InvalidSpecException.of("sign", sign, "applies only to signs: constant (signs is "
                        + signs + "); remove it");
            }
            if (sign != 1 && sign != -1) {
                throw InvalidSpecException.of("sign", sign, "must be -1 or +1");
            }
            sign = sign == 1 ? null : sign;
        }
        if (values != null && !signs.equals("values")) {
            throw new InvalidSpecException("values", "applies only to signs: values (signs is " + signs
                    + "); remove it");
        }
        if (signs.equals("values")) {
            if (values == null || values.isEmpty()) {
                throw new InvalidSpecException("values", "is required for signs: values: a list of -1/+1, one per "
                        + "hidden unit, or a .npy or .csv file");
            }
            for (int j = 0; j < values.size(); j++) {
                Integer v = values.get(j);
                if (v == null || (v != 1 && v != -1)) {
                    throw new InvalidSpecException("values", "entry " + j + " must be -1 or +1, got " + v);
                }
            }
            values = List.copyOf(values);
        }
    }

    /** This spec with the magnitude filled in for width m when it was not given. */
    SecondLayerSpec withDefaultScale(int m) {
        return scale != null ? this : new SecondLayerSpec(signs, 1.0 / Math.sqrt(m), sign, values);
    }
}
