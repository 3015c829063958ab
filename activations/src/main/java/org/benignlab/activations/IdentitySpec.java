package org.benignlab.activations;

/** {@code identity} has no parameters. */
public record IdentitySpec() {
}
