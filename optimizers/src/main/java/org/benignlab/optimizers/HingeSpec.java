package org.benignlab.optimizers;

/** {@code hinge} has no parameters. */
public record HingeSpec() {
}
