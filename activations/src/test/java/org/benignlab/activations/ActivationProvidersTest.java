package org.benignlab.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.benignlab.api.ExtensionPoint;
import org.benignlab.testkit.Providers;
import org.benignlab.testkit.junit.EveryProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every testkit contract over every activation provider ServiceLoader finds, each created from
 * its example spec ({@link EveryProvider}, 3000 generated points each with a pinned seed): a new
 * activation plugin on this module's classpath is tested with no new test.
 */
class ActivationProvidersTest {

    static final List<String> BUILT_IN = List.of("huberized-relu", "identity", "leaky-relu", "relu",
            "smoothed-leaky-relu", "softplus-leaky", "tanh");

    @Test
    void builtInActivationsAreRegistered() {
        List<String> keys = Providers.of(ExtensionPoint.ACTIVATION).stream().map(p -> p.type()).toList();
        assertEquals(BUILT_IN, keys);
    }

    @TestFactory
    Stream<DynamicTest> everyProviderPassesTheContracts() {
        List<DynamicTest> tests = EveryProvider.tests(ExtensionPoint.ACTIVATION).toList();
        assertTrue(tests.size() >= BUILT_IN.size(), "expected the built-in activations, found " + tests.size());
        return tests.stream();
    }
}
