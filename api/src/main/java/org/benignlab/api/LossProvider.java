package org.benignlab.api;

import java.util.function.Function;

/** Extension point for losses (YAML {@code training.loss}). */
public interface LossProvider<S extends Record> extends Provider<S, Loss> {
    /**
     * The base of a provider of losses written in one constructor call (see {@link RecordProvider}).
     *
     * @param <S> the spec record
     */
    abstract class Base<S extends Record> extends RecordProvider<S, Loss> implements LossProvider<S> {
        protected Base(String type, Class<S> specType, Function<? super S, ? extends Loss> factory,
                String description) {
            super(type, specType, factory, description);
        }
    }
}
