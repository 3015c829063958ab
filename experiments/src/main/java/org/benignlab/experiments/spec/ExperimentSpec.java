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
 */
public record ExperimentSpec(String name, Long seed, DataSpec data, NetworkSpec network, TrainingSpec training) {
    public ExperimentSpec {
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
