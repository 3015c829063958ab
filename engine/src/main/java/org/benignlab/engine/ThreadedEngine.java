package org.benignlab.engine;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the three engines share: a thread count, the argument checks, and the refusal of a configuration
 * for which {@link Engines#unsupported} gives a reason. Subclasses supply the representation and the run.
 */
abstract class ThreadedEngine implements Engine {
    private final int threads;

    /**
     * @param threads threads for the matrix products, &gt;= 1
     * @throws IllegalArgumentException if threads &lt; 1
     */
    ThreadedEngine(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    /** Number of threads. */
    public int threads() {
        return threads;
    }

    /**
     * Generates the data, initialises the network and trains it.
     *
     * @param setup   sizes and stopping rules (not modified)
     * @param plugins activation, cluster distribution, label noise, loss, optimiser
     * @param streams random streams (modified: advanced in the engine's documented order)
     * @param sink    receives the metrics at every recorded step
     * @return how the run ended; exceptions thrown by plugins or the sink propagate
     * @throws IllegalArgumentException when {@link Engines#unsupported} gives a reason, as
     *                                  "NAME engine: REASON" followed by {@link #alternative()}
     */
    @Override
    public final TrainingResult train(TrainingSetup setup, Plugins plugins, RandomStreams streams, MetricsSink sink) {
        return train(setup, plugins, streams, sink, null);
    }

    /**
     * {@link #train(TrainingSetup, Plugins, RandomStreams, MetricsSink)}, handing a copy of the final
     * parameters (dense: W, m x p; span and sketch: B, m x n; flat row-major) to {@code finalParameters}
     * when it is not null (for tests).
     */
    final TrainingResult train(TrainingSetup setup, Plugins plugins, RandomStreams streams, MetricsSink sink,
                               Consumer<double[]> finalParameters) {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(plugins, "plugins");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(sink, "sink");
        Engines.unsupported(name(), plugins, setup).ifPresent(why -> {
            throw new IllegalArgumentException(name() + " engine: " + why + alternative());
        });
        return run(setup, plugins, streams, sink, finalParameters);
    }

    /** What to suggest after a refusal, e.g. {@code "; use engine dense"} (empty for none). */
    abstract String alternative();

    /** The run itself, after the checks. */
    abstract TrainingResult run(TrainingSetup setup, Plugins plugins, RandomStreams streams, MetricsSink sink,
                                Consumer<double[]> finalParameters);
}
