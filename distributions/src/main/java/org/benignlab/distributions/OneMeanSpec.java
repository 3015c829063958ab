package org.benignlab.distributions;

/** {@code one-mean} has no parameters: its mean is ‖μ‖ e_1 with ‖μ‖ = {@code data.mu}. */
public record OneMeanSpec() {
}
