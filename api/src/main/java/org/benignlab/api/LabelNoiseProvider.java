package org.benignlab.api;

/** Extension point for label-noise models (YAML {@code data.noise}). */
public interface LabelNoiseProvider<S extends Record> extends Provider<S, LabelNoise> {
}
