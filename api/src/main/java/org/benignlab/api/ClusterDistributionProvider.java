package org.benignlab.api;

import java.util.function.Function;

/** Extension point for cluster distributions (YAML {@code data.cluster}). */
public interface ClusterDistributionProvider<S extends Record> extends Provider<S, ClusterDistribution> {
    /**
     * The base of a provider of cluster distributions written in one constructor call (see {@link RecordProvider}).
     *
     * @param <S> the spec record
     */
    abstract class Base<S extends Record> extends RecordProvider<S, ClusterDistribution>
            implements ClusterDistributionProvider<S> {
        protected Base(String type, Class<S> specType, Function<? super S, ? extends ClusterDistribution> factory,
                String description) {
            super(type, specType, factory, description);
        }
    }
}
