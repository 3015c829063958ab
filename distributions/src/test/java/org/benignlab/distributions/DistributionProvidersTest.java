package org.benignlab.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.LabelNoise;
import org.benignlab.testkit.ClusterDistributionContract;
import org.benignlab.testkit.LabelNoiseContract;
import org.benignlab.testkit.ProviderContract;
import org.benignlab.testkit.Providers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the testkit contracts over every cluster-distribution and label-noise provider ServiceLoader
 * finds, each created from its example spec. The statistical contracts run with seeds drawn by
 * QuickTheories from a pinned seed, so the whole test is deterministic; their per-run failure
 * budgets are in the contracts' Javadoc (about 3e-5 for a cluster check at p = 16, 5.7e-7 for a
 * label-noise check), so a correct plugin fails here with probability below 1e-3.
 */
class DistributionProvidersTest {

    static final long SEED = 0x5eed_0101L;

    @Test
    void builtInPluginsAreRegistered() {
        assertTrue(Providers.of(ExtensionPoint.CLUSTER).stream().anyMatch(p -> p.type().equals("gaussian")));
        List<String> noise = Providers.of(ExtensionPoint.LABEL_NOISE).stream().map(p -> p.type()).toList();
        assertTrue(noise.containsAll(List.of("none", "random-flip")), noise.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyClusterDistributionPassesTheContract() {
        List<Providers.Example<ClusterDistribution>> examples =
                Providers.examples(ExtensionPoint.CLUSTER, ClusterDistribution.class);
        assertTrue(!examples.isEmpty(), "no cluster distribution found");
        return examples.stream().map(e -> dynamicTest(e.type(), () -> {
            assertEquals(Optional.empty(), ProviderContract.check(ExtensionPoint.CLUSTER, e.provider()));
            qt().withFixedSeed(SEED).withExamples(6).forAll(longs().all(), integers().between(2, 24))
                    .checkAssert((seed, dim) -> assertEquals(Optional.empty(),
                            ClusterDistributionContract.check(e.instance(), seed, dim, 20_000)));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyLabelNoisePassesTheContract() {
        List<Providers.Example<LabelNoise>> examples = Providers.examples(ExtensionPoint.LABEL_NOISE, LabelNoise.class);
        assertTrue(examples.size() >= 2, "expected the built-in label-noise models, found " + examples);
        return examples.stream().map(e -> dynamicTest(e.type(), () -> {
            assertEquals(Optional.empty(), ProviderContract.check(ExtensionPoint.LABEL_NOISE, e.provider()));
            qt().withFixedSeed(SEED + 1).withExamples(10).forAll(longs().all(), integers().between(10_000, 30_000))
                    .checkAssert((seed, n) -> assertEquals(Optional.empty(), LabelNoiseContract.check(e.instance(), seed, n)));
        }));
    }
}
