package org.benignlab.engine;

import java.util.Objects;

/**
 * The seeds of the named random streams of one run. An engine makes its generators from them as documented on
 * it ({@link Dataset}, {@link DenseEngine}, {@link SpanEngine}: the same draws, per index; {@link SketchEngine}:
 * its own, and no use of {@code init}), so the same seeds give the same numbers. None may be null.
 *
 * <p>Which configuration entries each seed depends on is the caller's business (the experiments module keys
 * each stream by the entries that determine its standard draws: common random numbers); the engine applies
 * every scale (‖μ‖, ω, |a_j|, the noise rate) after drawing, so that a change of scale changes no draw.
 *
 * @param data  training labels ỹ_i and cluster draws z_i, one substream per point (sketch: ỹ, c and the Bartlett
 *              factor L, one sequence)
 * @param noise the training flips' uniforms, one substream per point, and the noise model's generator; its child
 *              {@code "test"} ({@link #testFlips()}) does the same for the test set
 * @param init  first-layer initialisation W0 = ω · N(0, 1), one substream per hidden unit (dense and span)
 * @param signs second-layer signs a_j, one sequence (the first m draws are those of any wider network)
 * @param test  test points and their clean labels, one substream per point (sketch: one sequence)
 */
public record RandomStreams(StreamSeed data, StreamSeed noise, StreamSeed init, StreamSeed signs, StreamSeed test) {
    public RandomStreams {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(signs, "signs");
        Objects.requireNonNull(test, "test");
    }

    /** Five independent streams from one number ({@link StreamSeed#of}, named as the components): tests, benchmarks. */
    public static RandomStreams of(long seed) {
        return new RandomStreams(StreamSeed.of(seed, "data"), StreamSeed.of(seed, "noise"),
                StreamSeed.of(seed, "init"), StreamSeed.of(seed, "signs"), StreamSeed.of(seed, "test"));
    }

    /** The seed of the test set's flips: {@code noise.child("test")}, so keyed like the training flips. */
    public StreamSeed testFlips() {
        return noise.child("test");
    }
}
