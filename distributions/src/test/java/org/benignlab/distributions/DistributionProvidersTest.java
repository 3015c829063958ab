package org.benignlab.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ExtensionPoint;
import org.benignlab.testkit.Providers;
import org.benignlab.testkit.junit.EveryProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every testkit contract over every cluster-distribution, label-noise and signal-model provider ServiceLoader
 * finds, each created from its example spec ({@link EveryProvider}). The statistical contracts run with
 * seeds drawn by QuickTheories from a pinned seed, so the whole test is deterministic; their per-run
 * failure budgets are in the contracts' Javadoc (below 1e-4 for a cluster check at p &lt;= 24, 2e-6 for a
 * label-noise check), so a correct plugin fails here with probability below 1e-3.
 */
class DistributionProvidersTest {

    @Test
    void builtInPluginsAreRegistered() {
        assertEquals(List.of("gaussian", "gaussian-diagonal", "laplace", "rademacher", "uniform"),
                Providers.of(ExtensionPoint.CLUSTER).stream().map(p -> p.type()).toList());
        assertEquals(List.of("class-conditional", "fixed-count", "margin-adversarial", "none", "random-flip"),
                Providers.of(ExtensionPoint.LABEL_NOISE).stream().map(p -> p.type()).toList());
        assertEquals(List.of("mixture", "one-mean", "xor"),
                Providers.of(ExtensionPoint.SIGNAL).stream().map(p -> p.type()).toList());
    }

    @Test
    void onlyGaussianDeclaresTheSketch() {
        for (Providers.Example<ClusterDistribution> e : Providers.examples(ExtensionPoint.CLUSTER,
                ClusterDistribution.class)) {
            assertEquals(e.type().equals("gaussian"), e.instance().properties().isotropicGaussian(), e.type());
            if (!e.type().equals("gaussian")) {
                assertFalse(e.instance().properties().meetsPaperAssumptions(), e.type() + " example spec");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyProviderPassesTheContracts() {
        List<DynamicTest> tests = EveryProvider.tests(ExtensionPoint.CLUSTER, ExtensionPoint.LABEL_NOISE,
                ExtensionPoint.SIGNAL).toList();
        assertTrue(tests.size() >= 13, "expected the built-in plugins, found " + tests.size());
        return tests.stream();
    }
}
