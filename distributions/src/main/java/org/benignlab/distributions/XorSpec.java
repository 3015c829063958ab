package org.benignlab.distributions;

/** {@code xor} has no parameters: its means are ±‖μ‖ e_1 and ±‖μ‖ e_2 with ‖μ‖ = {@code data.mu}. */
public record XorSpec() {
}
