package org.benignlab.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.Optimizer;
import org.benignlab.testkit.Providers;
import org.benignlab.testkit.junit.EveryProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every testkit contract over every loss and optimizer provider ServiceLoader finds, each created
 * from its example spec ({@link EveryProvider}): a new plugin on this module's classpath is tested
 * with no new test.
 */
class TrainingProvidersTest {

    @Test
    void builtInPluginsAreRegistered() {
        assertEquals(List.of("exponential", "hinge", "logistic"),
                Providers.of(ExtensionPoint.LOSS).stream().map(p -> p.type()).toList());
        assertEquals(List.of("adam", "gd", "gd-schedule", "momentum", "nesterov", "normalized-gd"),
                Providers.of(ExtensionPoint.OPTIMIZER).stream().map(p -> p.type()).toList());
    }

    @Test
    void onlyTheCoordinateFreeLinearRulesDeclareLinearity() {
        for (Providers.Example<Optimizer> e : Providers.examples(ExtensionPoint.OPTIMIZER, Optimizer.class)) {
            boolean linear = !List.of("adam", "normalized-gd").contains(e.type());
            assertEquals(linear, e.instance().linearInGradients(), e.type());
            assertEquals(linear, e.provider().properties().get("linear_in_gradients").startsWith("yes"), e.type());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyProviderPassesTheContracts() {
        List<DynamicTest> tests = EveryProvider.tests(ExtensionPoint.LOSS, ExtensionPoint.OPTIMIZER).toList();
        assertTrue(tests.size() >= 9, "expected the built-in plugins, found " + tests.size());
        return tests.stream();
    }
}
