package org.benignlab.distributions;

/** {@code rademacher} has no parameters (p is {@code data.p}). */
public record RademacherSpec() {
}
