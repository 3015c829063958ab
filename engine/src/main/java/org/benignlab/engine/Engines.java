package org.benignlab.engine;

import java.util.List;
import java.util.Optional;

/**
 * The engines by name, for callers that hold a name (tests, benchmarks): each method looks the name up with
 * {@link EngineKind#of} and asks the descriptor.
 */
public final class Engines {
    /** The known engine names, sorted. */
    public static final List<String> NAMES = EngineKind.names();

    private Engines() {
    }

    /**
     * A new engine on {@link Products#preferred()}.
     *
     * @param name    {@code dense}, {@code span} or {@code sketch}
     * @param threads threads for the matrix products, &gt;= 1
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones) or threads &lt; 1
     */
    public static Engine create(String name, int threads) {
        return create(name, threads, Products.preferred());
    }

    /**
     * A new engine whose matrix products run on {@code products} ({@link EngineKind#create}).
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones) or threads &lt; 1
     */
    public static Engine create(String name, int threads, Products products) {
        return EngineKind.of(name).create(threads, products);
    }

    /**
     * Why the engine {@code engineName} cannot run these plugins and sizes exactly, or empty when it can
     * ({@link EngineKind#unsupported}).
     *
     * @throws IllegalArgumentException for an unknown engine name
     */
    public static Optional<String> unsupported(String engineName, Plugins plugins, TrainingSetup setup) {
        java.util.Objects.requireNonNull(plugins, "plugins");
        java.util.Objects.requireNonNull(setup, "setup");
        return EngineKind.of(engineName).unsupported(plugins, setup);
    }
}
