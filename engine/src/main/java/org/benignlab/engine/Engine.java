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
     * The backend of this engine's matrix products (for provenance: {@link Products#description()}); the built-in
     * engines take it when they are made ({@link Engines#create(String, int, Products)}). The default, for an engine
     * that has no products of its own to report: {@link Products#preferred()}.
     */
    default Products products() {
        return Products.preferred();
    }

    /**
     * Generates the data, initialises the network and trains it.
     *
     * @param setup   sizes and stopping rules (not modified)
     * @param plugins activation, cluster distribution, label noise, loss, optimiser
     * @param streams the seeds of the random streams (not modified: the engine makes its generators from them in its
     *                documented order)
     * @param sink    receives the metrics at every recorded step
     */
    TrainingResult train(TrainingSetup setup, Plugins plugins, RandomStreams streams, MetricsSink sink);

    /**
     * {@link #train(TrainingSetup, Plugins, RandomStreams, MetricsSink)}, also handing the arrays of
     * {@code arrays} to its sink (what each engine saves: {@link EngineKind#savedArrays}). Saving changes no
     * number: the same seeds give the same metrics with or without it. The built-in engines implement
     * it; the default accepts only {@link ArrayOutput#none()}.
     *
     * @param arrays which arrays to save and where (not null; {@link ArrayOutput#none()} for none)
     * @throws UnsupportedOperationException from the default when arrays are asked for
     */
    default TrainingResult train(TrainingSetup setup, Plugins plugins, RandomStreams streams, MetricsSink sink,
                                 ArrayOutput arrays) {
        if (!arrays.groups().isEmpty()) {
            throw new UnsupportedOperationException(name() + " engine: cannot save arrays");
        }
        return train(setup, plugins, streams, sink);
    }
}
