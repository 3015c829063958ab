package org.benignlab.api;

import java.util.function.Function;

/** Extension point for activations (YAML {@code network.activation}). */
public interface ActivationProvider<S extends Record> extends Provider<S, Activation> {
    /**
     * The base of a provider of activations written in one constructor call (see {@link RecordProvider}).
     *
     * @param <S> the spec record
     */
    abstract class Base<S extends Record> extends RecordProvider<S, Activation> implements ActivationProvider<S> {
        protected Base(String type, Class<S> specType, Function<? super S, ? extends Activation> factory,
                String description) {
            super(type, specType, factory, description);
        }
    }
}
