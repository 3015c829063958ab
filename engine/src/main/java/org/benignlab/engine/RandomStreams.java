package org.benignlab.engine;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The named random streams of one run. They should be independent generators (derived by the caller in
 * a fixed order from the run seed); an engine advances each one only in the order documented on it
 * ({@link DenseEngine}, {@link SpanEngine}: the same draws; {@link SketchEngine}: its own, and no use of
 * {@code init}), so the same streams give the same numbers. None may be null.
 *
 * @param data  training labels ỹ_i and cluster draws z_i (sketch: also c and the Bartlett factor L)
 * @param noise training label flips
 * @param init  first-layer initialisation W0 (dense and span; the sketch draws W0's Gram matrix from data)
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
