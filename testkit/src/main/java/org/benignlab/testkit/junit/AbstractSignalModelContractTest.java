package org.benignlab.testkit.junit;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.SignalModel;
import org.benignlab.testkit.SignalModelContract;
import org.junit.jupiter.api.Test;

/**
 * Ready-made JUnit 5 tests of a signal-model plugin against {@link SignalModelContract} (labels in ±1, weights summing
 * to 1, means of the declared dimension, a sane declared Bayes error, draws determined by the generator, and each of
 * the k clusters drawn with its weight in the limit). Subclass it and name your provider:
 * <pre>{@code
 * class MySignalTest extends AbstractSignalModelContractTest {
 *     @Override protected Provider<?, ?> provider() { return new MySignalProvider(); }
 * }
 * }</pre>
 */
public abstract class AbstractSignalModelContractTest extends AbstractContractTest {

    /** Generated seeds per spec by default: {@link ContractAssertions#SIGNAL_EXAMPLES}. */
    protected AbstractSignalModelContractTest() {
        super(ExtensionPoint.SIGNAL, ContractAssertions.SIGNAL_EXAMPLES);
    }

    /** Draws per frequency check. */
    protected int draws() {
        return ContractAssertions.SIGNAL_DRAWS;
    }

    /** The clusters are well formed. */
    @Test
    public void declarationsAreSane() {
        assertEach(SignalModel.class, SignalModelContract::checkDeclarations);
    }

    /** Determinism and the clusters' frequencies, for generated seeds. */
    @Test
    public void drawsUseEveryClusterWithItsWeight() {
        for (SignalModel m : instances(SignalModel.class)) {
            qt().withFixedSeed(seed()).withExamples(examples()).forAll(longs().all())
                    .checkAssert(s -> ContractAssertions.assertPasses(SignalModelContract.check(m, s, draws())));
        }
    }
}
