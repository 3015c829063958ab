package org.benignlab.distributions;

/** {@code laplace} has no parameters (p is {@code data.p}). */
public record LaplaceSpec() {
}
