package org.benignlab.distributions;

/** {@code none} has no parameters. */
public record NoNoiseSpec() {
}
