package org.benignlab.engine;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The named random streams of one run. They should be independent generators (derived by the caller in
 * a fixed order from the run seed); the engine advances each one only in the order documented on
 * {@link DenseEngine}, so the same streams give the same numbers. None may be null.
 *
 * @param data  training labels ỹ_i and cluster draws z_i
 * @param noise training label flips
 * @param init  first-layer initialisation W0
 * @param signs second-layer signs a_j
 * @param test  test points, their clean labels and their flips
 */
public record RandomStreams(UniformRandomProvider data, UniformRandomProvider noise, UniformRandomProvider init,
                            UniformRandomProvider signs, UniformRandomProvider test) {
    public RandomStreams {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(signs, "signs");
        Objects.requireNonNull(test, "test");
    }
}
