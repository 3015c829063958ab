package org.benignlab.distributions;

/** {@code gaussian} has no parameters: z ~ N(0, I_p) (p is {@code data.p}). */
public record GaussianSpec() {
}
