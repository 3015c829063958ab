package org.benignlab.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.benignlab.api.Activation;
import org.benignlab.api.ExtensionPoint;
import org.benignlab.testkit.ActivationContract;
import org.benignlab.testkit.ProviderContract;
import org.benignlab.testkit.Providers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Runs the testkit contracts over every activation provider ServiceLoader finds, each created from its
 * example spec: a new activation plugin on this module's classpath is tested with no new test.
 */
class ActivationProvidersTest {

    static final long SEED = 0x5eed_0001L;

    /**
     * z for the contract: mostly uniform on [-50, 50], often tiny, often within 1e-5 (relative) of
     * a point the contract singles out for this activation (0, ±1/H, kinks).
     */
    static Gen<Double> points(Activation a) {
        List<Double> special = Arrays.stream(ActivationContract.interestingPoints(a)).boxed().collect(Collectors.toList());
        Gen<Double> near = Generate.pick(special)
                .zip(doubles().between(-1e-5, 1e-5), (p, j) -> p + j * Math.max(1, Math.abs(p)));
        return Generate.frequency(List.of(
                Pair.of(5, doubles().between(-50, 50)),
                Pair.of(2, doubles().between(-1e-3, 1e-3)),
                Pair.of(3, near)));
    }

    @Test
    void builtInActivationsAreRegistered() {
        List<String> keys = Providers.of(ExtensionPoint.ACTIVATION).stream().map(p -> p.type()).toList();
        assertTrue(keys.containsAll(List.of("identity", "leaky-relu", "smoothed-leaky-relu")), keys.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyProviderPassesTheContracts() {
        List<Providers.Example<Activation>> examples = Providers.examples(ExtensionPoint.ACTIVATION, Activation.class);
        assertTrue(examples.size() >= 3, "expected the built-in activations, found " + examples);
        return examples.stream().map(e -> dynamicTest(e.type(), () -> {
            assertEquals(Optional.empty(), ProviderContract.check(ExtensionPoint.ACTIVATION, e.provider()));
            Activation a = e.instance();
            assertEquals(Optional.empty(), ActivationContract.checkAll(a, ActivationContract.interestingPoints(a)));
            qt().withFixedSeed(SEED).withExamples(3000).forAll(points(a))
                    .checkAssert(z -> assertEquals(Optional.empty(), ActivationContract.check(a, z)));
        }));
    }
}
