package org.benignlab.api;

import java.util.function.Function;

/** Extension point for signal models (YAML {@code data.signal}): how the clean label and the mean are drawn. */
public interface SignalModelProvider<S extends Record> extends Provider<S, SignalModel> {
    /**
     * The base of a provider of signal models written in one constructor call (see {@link RecordProvider}).
     *
     * @param <S> the spec record
     */
    abstract class Base<S extends Record> extends RecordProvider<S, SignalModel> implements SignalModelProvider<S> {
        protected Base(String type, Class<S> specType, Function<? super S, ? extends SignalModel> factory,
                String description) {
            super(type, specType, factory, description);
        }
    }
}
