package org.benignlab.testkit.junit;

import static org.quicktheories.QuickTheory.qt;

import org.benignlab.api.Activation;
import org.benignlab.api.ExtensionPoint;
import org.benignlab.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

/**
 * Ready-made JUnit 5 tests of an activation plugin against {@link ActivationContract} (φ(0) = 0, the
 * declared γ and H, 1-Lipschitz, monotone, derivatives against finite differences), driven by
 * QuickTheories with a pinned seed. Subclass it in your tests and name your provider:
 * <pre>{@code
 * class MyActivationTest extends AbstractActivationContractTest {
 *     @Override protected Provider<?, ?> provider() { return new MyActivationProvider(); }
 * }
 * }</pre>
 * Override {@link #specs()} to check more parameter values than the example spec.
 */
public abstract class AbstractActivationContractTest extends AbstractContractTest {

    /** Generated points per spec by default: {@link ContractAssertions#ACTIVATION_EXAMPLES}. */
    protected AbstractActivationContractTest() {
        super(ExtensionPoint.ACTIVATION, ContractAssertions.ACTIVATION_EXAMPLES);
    }

    /** The declarations alone: γ in (0, 1], H finite and &gt;= 0, no kinks when H is declared. */
    @Test
    public void declarationsAreSane() {
        assertEach(Activation.class, ActivationContract::checkDeclarations);
    }

    /** The contract at 0, tiny values, ±1/H, kinks and the points just beside them. */
    @Test
    public void contractHoldsAtInterestingPoints() {
        for (Activation a : instances(Activation.class)) {
            ContractAssertions.assertPasses(ActivationContract.checkAll(a, ActivationContract.interestingPoints(a)));
        }
    }

    /** The contract at generated points ({@link ContractAssertions#points(Activation)}). */
    @Test
    public void contractHoldsAtGeneratedPoints() {
        for (Activation a : instances(Activation.class)) {
            qt().withFixedSeed(seed()).withExamples(examples()).forAll(ContractAssertions.points(a))
                    .checkAssert(z -> ContractAssertions.assertPasses(ActivationContract.check(a, z)));
        }
    }
}
