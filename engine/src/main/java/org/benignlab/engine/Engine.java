package org.benignlab.engine;

/**
 * A training engine: generates the data of a run, initialises the network and trains it, recording
 * every metric of {@link org.benignlab.api.MetricNames#ALL} on the log-spaced schedule plus the last
 * step. Implementations: {@link DenseEngine} (explicit X and W, any optimiser), {@link SpanEngine}
 * (W = W0 + B X, optimisers linear in gradients), {@link SketchEngine} (exact Gram-matrix draw for isotropic
 * Gaussian clusters). {@link Engines#create} makes one by name; {@link Engines#unsupported} says why one
 * cannot run a configuration exactly.
 */
public interface Engine {

    /** The engine's name as used in YAML ({@code training.engine}) and result files. */
    String name();

    /**
     * Generates the data, initialises the network and trains it.
     *
     * @param setup   sizes and stopping rules (not modified)
     * @param plugins activation, cluster distribution, label noise, loss, optimiser
     * @param streams random streams (modified: advanced in the engine's documented order)
     * @param sink    receives the metrics at every recorded step
     */
    TrainingResult train(TrainingSetup setup, Plugins plugins, RandomStreams streams, MetricsSink sink);
}
