package org.benignlab.api;

import java.util.function.Function;

/** Extension point for optimisers (YAML {@code training.optimizer}). */
public interface OptimizerProvider<S extends Record> extends Provider<S, Optimizer> {
    /**
     * The base of a provider of optimizers written in one constructor call (see {@link RecordProvider}).
     *
     * @param <S> the spec record
     */
    abstract class Base<S extends Record> extends RecordProvider<S, Optimizer> implements OptimizerProvider<S> {
        protected Base(String type, Class<S> specType, Function<? super S, ? extends Optimizer> factory,
                String description) {
            super(type, specType, factory, description);
        }
    }
}
