package org.benignlab.api;

/** Extension point for activations (YAML {@code network.activation}). */
public interface ActivationProvider<S extends Record> extends Provider<S, Activation> {
}
