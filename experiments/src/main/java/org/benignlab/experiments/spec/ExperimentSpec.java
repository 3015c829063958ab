package org.benignlab.experiments.spec;

import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.Specs;

/**
 * A whole experiment file, resolved: every expression evaluated, every default filled in.
 *
 * @param name     experiment name; the default results folder is {@code results/<name>}
 * @param seed     root seed; every random stream of the run is derived from it
 * @param data     the data model (paper, Section 2.2)
 * @param network  the two-layer network
 * @param training loss, optimiser, engine and stopping rules
 * @param vars     the user's named numbers ({@code vars:}), each resolved to its value, in the file's order; null
 *                 when the file has none (then absent from the resolved configuration, so such a file keeps its
 *                 run key). Part of the resolved configuration and so of the run key; no random stream is keyed by
 *                 them: a var changes a draw only through the values it feeds ({@link Parameters})
 */
public record ExperimentSpec(String name, Long seed, DataSpec data, NetworkSpec network, TrainingSpec training,
                             @InConfig(InConfig.When.IF_SET) java.util.Map<String, Double> vars) {
    /** An experiment without vars. */
    public ExperimentSpec(String name, Long seed, DataSpec data, NetworkSpec network, TrainingSpec training) {
        this(name, seed, data, network, training, null);
    }

    public ExperimentSpec {
        vars = vars == null || vars.isEmpty() ? null
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        name = Specs.required("name", name);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw InvalidSpecException.of("name", name,
                    "must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (data == null) {
            throw new InvalidSpecException("data", "is required: a mapping with n, p, mu (or type: file and the "
                    + "files), cluster, noise, test");
        }
        if (network == null) {
            throw new InvalidSpecException("network", "is required: a mapping with width, activation, init");
        }
        if (training == null) {
            throw new InvalidSpecException("training", "is required: a mapping with loss, optimizer, steps");
        }
        seed = Specs.orDefault(seed, 1L);
        if (seed < 0) {
            throw InvalidSpecException.of("seed", seed, "must be an integer >= 0");
        }
    }
}
