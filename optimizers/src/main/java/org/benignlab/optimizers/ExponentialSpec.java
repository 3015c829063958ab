package org.benignlab.optimizers;

/** {@code exponential} has no parameters. */
public record ExponentialSpec() {
}
