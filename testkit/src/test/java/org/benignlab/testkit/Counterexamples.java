package org.benignlab.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

/** The one assertion the contract tests share: a check found a counterexample, and it names the fault. */
final class Counterexamples {
    private Counterexamples() {
    }

    /** {@code r} holds a counterexample whose text contains {@code fragment}. */
    static void assertFailsWith(Optional<String> r, String fragment) {
        assertTrue(r.isPresent(), "expected a counterexample mentioning '" + fragment + "'");
        assertTrue(r.get().contains(fragment), "counterexample '" + r.get() + "' should mention '" + fragment + "'");
    }
}
