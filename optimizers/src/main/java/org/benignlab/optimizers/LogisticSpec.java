package org.benignlab.optimizers;

/** {@code logistic} has no parameters. */
public record LogisticSpec() {
}
