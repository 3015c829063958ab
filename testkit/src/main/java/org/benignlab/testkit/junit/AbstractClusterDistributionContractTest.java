package org.benignlab.testkit.junit;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ExtensionPoint;
import org.benignlab.testkit.ClusterDistributionContract;
import org.junit.jupiter.api.Test;

/**
 * Ready-made JUnit 5 tests of a cluster-distribution plugin against {@link ClusterDistributionContract}
 * (determinism; mean zero; E||z||^2 &gt;= κ p; independent coordinates when a product is declared;
 * variance and moment-generating function within what the declared sub-Gaussian norm and λ allow;
 * Gaussian coordinates when isotropic Gaussian is declared). The statistical checks use seeds drawn
 * from a pinned seed and state their failure budget. Subclass it and name your provider:
 * <pre>{@code
 * class MyClusterTest extends AbstractClusterDistributionContractTest {
 *     @Override protected Provider<?, ?> provider() { return new MyClusterProvider(); }
 * }
 * }</pre>
 */
public abstract class AbstractClusterDistributionContractTest extends AbstractContractTest {

    /** Generated (seed, p) pairs per spec by default: {@link ContractAssertions#CLUSTER_EXAMPLES}. */
    protected AbstractClusterDistributionContractTest() {
        super(ExtensionPoint.CLUSTER, ContractAssertions.CLUSTER_EXAMPLES);
    }

    /** Draws per check. */
    protected int draws() {
        return ContractAssertions.CLUSTER_DRAWS;
    }

    /** The declared properties are sane. */
    @Test
    public void declarationsAreSane() {
        assertEach(ClusterDistribution.class, ClusterDistributionContract::checkProperties);
    }

    /** Determinism and every declared property, for generated seeds and dimensions p in [2, 24]. */
    @Test
    public void drawsHaveTheDeclaredProperties() {
        for (ClusterDistribution d : instances(ClusterDistribution.class)) {
            qt().withFixedSeed(seed()).withExamples(examples()).forAll(longs().all(), integers().between(2, 24))
                    .checkAssert((s, dim) -> ContractAssertions.assertPasses(
                            ClusterDistributionContract.check(d, s, dim, draws())));
        }
    }
}
