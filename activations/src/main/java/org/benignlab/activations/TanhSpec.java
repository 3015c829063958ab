package org.benignlab.activations;

/** {@code tanh} has no parameters: φ(z) = tanh(z). */
public record TanhSpec() {
}
