package org.benignlab.api;

/** Extension point for optimisers (YAML {@code training.optimizer}). */
public interface OptimizerProvider<S extends Record> extends Provider<S, Optimizer> {
}
