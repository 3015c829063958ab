package org.benignlab.api;

/** Extension point for losses (YAML {@code training.loss}). */
public interface LossProvider<S extends Record> extends Provider<S, Loss> {
}
