package org.benignlab.activations;

/** {@code relu} has no parameters: φ(z) = max(0, z). */
public record ReluSpec() {
}
