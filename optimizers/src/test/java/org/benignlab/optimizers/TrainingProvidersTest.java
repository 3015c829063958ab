package org.benignlab.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.Loss;
import org.benignlab.api.Optimizer;
import org.benignlab.testkit.LossContract;
import org.benignlab.testkit.OptimizerContract;
import org.benignlab.testkit.ProviderContract;
import org.benignlab.testkit.Providers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Runs the testkit contracts over every loss and optimizer provider ServiceLoader finds, each created
 * from its example spec: a new plugin on this module's classpath is tested with no new test.
 */
class TrainingProvidersTest {

    static final long SEED = 0x5eed_0201L;

    /** Margins: mostly [-50, 50], often near 0, sometimes anywhere in [-1e6, 1e6], sometimes huge. */
    static final Gen<Double> MARGINS = Generate.frequency(List.of(
            Pair.of(6, doubles().between(-50, 50)),
            Pair.of(2, doubles().between(-1e-3, 1e-3)),
            Pair.of(2, doubles().between(-1e6, 1e6)),
            Pair.of(1, Generate.pick(List.of(-1e300, -1e100, -745.0, -1.0, 0.0, 1.0, 709.0, 745.0, 1e100, 1e300)))));

    @Test
    void builtInPluginsAreRegistered() {
        assertTrue(Providers.of(ExtensionPoint.LOSS).stream().anyMatch(p -> p.type().equals("logistic")));
        assertTrue(Providers.of(ExtensionPoint.OPTIMIZER).stream().anyMatch(p -> p.type().equals("gd")));
    }

    @TestFactory
    Stream<DynamicTest> everyLossPassesTheContract() {
        List<Providers.Example<Loss>> examples = Providers.examples(ExtensionPoint.LOSS, Loss.class);
        assertTrue(!examples.isEmpty(), "no loss found");
        return examples.stream().map(e -> dynamicTest(e.type(), () -> {
            assertEquals(Optional.empty(), ProviderContract.check(ExtensionPoint.LOSS, e.provider()));
            qt().withFixedSeed(SEED).withExamples(5000).forAll(MARGINS)
                    .checkAssert(z -> assertEquals(Optional.empty(), LossContract.check(e.instance(), z)));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyOptimizerPassesTheContract() {
        List<Providers.Example<Optimizer>> examples = Providers.examples(ExtensionPoint.OPTIMIZER, Optimizer.class);
        assertTrue(!examples.isEmpty(), "no optimizer found");
        return examples.stream().map(e -> dynamicTest(e.type(), () -> {
            assertEquals(Optional.empty(), ProviderContract.check(ExtensionPoint.OPTIMIZER, e.provider()));
            qt().withFixedSeed(SEED + 1).withExamples(50)
                    .forAll(longs().all(), integers().between(1, 40), integers().between(1, 60))
                    .checkAssert((seed, dim, steps) -> assertEquals(Optional.empty(),
                            OptimizerContract.check(e.instance(), seed, dim, steps)));
        }));
    }
}
