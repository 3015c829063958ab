package org.benignlab.api;

/** Extension point for signal models (YAML {@code data.signal}): how the clean label and the mean are drawn. */
public interface SignalModelProvider<S extends Record> extends Provider<S, SignalModel> {
}
