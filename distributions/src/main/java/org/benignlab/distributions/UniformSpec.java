package org.benignlab.distributions;

/** {@code uniform} has no parameters (p is {@code data.p}). */
public record UniformSpec() {
}
