package org.benignlab.api;

import java.util.function.Function;

/** Extension point for label-noise models (YAML {@code data.noise}). */
public interface LabelNoiseProvider<S extends Record> extends Provider<S, LabelNoise> {
    /**
     * The base of a provider of label-noise models written in one constructor call (see {@link RecordProvider}).
     *
     * @param <S> the spec record
     */
    abstract class Base<S extends Record> extends RecordProvider<S, LabelNoise> implements LabelNoiseProvider<S> {
        protected Base(String type, Class<S> specType, Function<? super S, ? extends LabelNoise> factory,
                String description) {
            super(type, specType, factory, description);
        }
    }
}
