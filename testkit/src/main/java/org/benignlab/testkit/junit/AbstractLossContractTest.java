package org.benignlab.testkit.junit;

import static org.quicktheories.QuickTheory.qt;

import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.Loss;
import org.benignlab.testkit.LossContract;
import org.junit.jupiter.api.Test;

/**
 * Ready-made JUnit 5 tests of a loss plugin against {@link LossContract} (non-negative,
 * non-increasing, convex, ℓ' against finite differences, g = -ℓ', finite for |z| &lt;= 700, never
 * NaN). Subclass it and name your provider:
 * <pre>{@code
 * class MyLossTest extends AbstractLossContractTest {
 *     @Override protected Provider<?, ?> provider() { return new MyLossProvider(); }
 * }
 * }</pre>
 */
public abstract class AbstractLossContractTest extends AbstractContractTest {

    /** Generated margins per spec by default: {@link ContractAssertions#LOSS_EXAMPLES}. */
    protected AbstractLossContractTest() {
        super(ExtensionPoint.LOSS, ContractAssertions.LOSS_EXAMPLES);
    }

    /** The contract at generated margins ({@link ContractAssertions#MARGINS}). */
    @Test
    public void contractHoldsAtGeneratedMargins() {
        for (Loss l : instances(Loss.class)) {
            qt().withFixedSeed(seed()).withExamples(examples()).forAll(ContractAssertions.MARGINS)
                    .checkAssert(z -> ContractAssertions.assertPasses(LossContract.check(l, z)));
        }
    }
}
