package org.benignlab.engine;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the three engines share: a thread count, the backend of the matrix products, the argument checks, and the
 * refusal of a configuration for which {@link EngineKind#unsupported} gives a reason. Subclasses supply the
 * representation and the run.
 */
abstract class ThreadedEngine implements Engine {
    private final EngineKind kind;
    private final int threads;
    private final Products products;
    private final boolean checked;

    /**
     * @param kind     the engine's descriptor
     * @param threads  threads for the matrix products, &gt;= 1
     * @param products the backend of every matrix product of this engine's runs
     * @param checked  whether an {@link EngineChoice} settled the exactness of the run it trains, so that
     *                 {@link #train} need not ask {@link EngineKind#unsupported} again
     * @throws IllegalArgumentException if threads &lt; 1
     */
    ThreadedEngine(EngineKind kind, int threads, Products products, boolean checked) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be >= 1, got " + threads);
        }
        this.kind = Objects.requireNonNull(kind, "kind");
        this.threads = threads;
        this.products = Objects.requireNonNull(products, "products");
        this.checked = checked;
    }

    @Override
    public String name() {
        return kind.key();
    }

    /** The engine's descriptor. */
    EngineKind kind() {
        return kind;
    }

    /** Number of threads. */
    public int threads() {
        return threads;
    }

    @Override
    public Products products() {
        return products;
    }

    /**
     * Generates the data, initialises the network and trains it.
     *
     * @param setup   sizes and stopping rules (not modified)
     * @param plugins activation, cluster distribution, label noise, loss, optimiser
     * @param streams the seeds of the random streams (not modified: the engine makes its generators from them in its
     *                documented order)
     * @param sink    receives the metrics at every recorded step
     * @return how the run ended; exceptions thrown by plugins or the sink propagate
     * @throws IllegalArgumentException when {@link EngineKind#unsupported} gives a reason, as
     *                                  "NAME engine: REASON" followed by {@link #alternative()}
     */
    @Override
    public final TrainingResult train(TrainingSetup setup, Plugins plugins, RandomStreams streams, MetricsSink sink) {
        return train(setup, plugins, streams, sink, null, ArrayOutput.none());
    }

    /**
     * {@link #train(TrainingSetup, Plugins, RandomStreams, MetricsSink)}, handing the arrays asked for to
     * {@code arrays}' sink ({@link EngineKind#savedArrays}); the numbers are the same as without.
     */
    @Override
    public final TrainingResult train(TrainingSetup setup, Plugins plugins, RandomStreams streams, MetricsSink sink,
                                      ArrayOutput arrays) {
        return train(setup, plugins, streams, sink, null, arrays);
    }

    /**
     * {@link #train(TrainingSetup, Plugins, RandomStreams, MetricsSink)}, handing a copy of the final
     * parameters (dense: W, m x p; span and sketch: B, m x n; flat row-major) to {@code finalParameters}
     * when it is not null (for tests).
     */
    final TrainingResult train(TrainingSetup setup, Plugins plugins, RandomStreams streams, MetricsSink sink,
                               Consumer<double[]> finalParameters) {
        return train(setup, plugins, streams, sink, finalParameters, ArrayOutput.none());
    }

    final TrainingResult train(TrainingSetup setup, Plugins plugins, RandomStreams streams, MetricsSink sink,
                               Consumer<double[]> finalParameters, ArrayOutput arrays) {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(plugins, "plugins");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(arrays, "arrays");
        if (!checked) {
            java.util.Optional<String> why = kind.unsupported(plugins, setup);
            if (why.isPresent()) {
                throw new IllegalArgumentException(name() + " engine: " + why.get() + alternative());
            }
        }
        ArraySaver saver = new ArraySaver(arrays, kind, setup);
        TrainingResult result = run(setup, plugins, streams, sink, finalParameters, saver);
        saver.checkComplete();
        return result;
    }

    /** What to suggest after a refusal, e.g. {@code "; use engine dense"} (empty for none). */
    abstract String alternative();

    /**
     * The run itself, after the checks.
     *
     * @param finalParameters receives a copy of the final parameters, or null
     * @param saver           the arrays to save (the engine calls its data/init methods during setup and its
     *                        final method at the final step; each does nothing for a group not asked for)
     */
    abstract TrainingResult run(TrainingSetup setup, Plugins plugins, RandomStreams streams, MetricsSink sink,
                                Consumer<double[]> finalParameters, ArraySaver saver);

    /**
     * The final-step callback of the training loop: the parameters to {@code finalParameters} (if not null)
     * and the final arrays to {@code finals}; null when there is nothing to do.
     */
    static TrainingLoop.FinalStep finalStep(Consumer<double[]> finalParameters, ArraySaver saver,
                                            TrainingLoop.FinalStep finals) {
        boolean save = saver.wants(ArrayGroup.FINAL);
        if (finalParameters == null && !save) {
            return null;
        }
        return (params, zt) -> {
            if (save) {
                finals.accept(params, zt);
            }
            if (finalParameters != null) {
                finalParameters.accept(params);
            }
        };
    }

    /**
     * Loads the given data of a setup and checks its sizes against the setup.
     *
     * @throws IllegalStateException when the loaded points do not have the declared sizes
     */
    static GivenData.Points loadGiven(TrainingSetup setup) {
        GivenData.Points points = Objects.requireNonNull(setup.given().load(), "given data");
        int n = points.x().length;
        int p = points.x()[0].length;
        if (n != setup.n() || p != setup.p() || points.testX().length != setup.testSize()) {
            throw new IllegalStateException("given data: loaded " + n + " x " + p + " with " + points.testX().length
                    + " test points, but the setup says n = " + setup.n() + ", p = " + setup.p() + ", test = "
                    + setup.testSize());
        }
        return points;
    }
}
