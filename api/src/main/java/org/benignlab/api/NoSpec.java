package org.benignlab.api;

/** The spec of a plugin without parameters: its YAML block holds only {@code type}. */
public record NoSpec() {
}
