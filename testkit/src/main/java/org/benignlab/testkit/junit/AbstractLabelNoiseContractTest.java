package org.benignlab.testkit.junit;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.LabelNoise;
import org.benignlab.testkit.LabelNoiseContract;
import org.junit.jupiter.api.Test;

/**
 * Ready-made JUnit 5 tests of a label-noise plugin against {@link LabelNoiseContract} (one flag per
 * point, determinism, features only when asked for, no flips at rate 0, the realised flip fraction
 * against the declared η, flips independent of the points unless adversarial, and the exact count
 * ⌈ηn⌉ when the provider declares it). Subclass it and name your provider:
 * <pre>{@code
 * class MyNoiseTest extends AbstractLabelNoiseContractTest {
 *     @Override protected Provider<?, ?> provider() { return new MyNoiseProvider(); }
 * }
 * }</pre>
 */
public abstract class AbstractLabelNoiseContractTest extends AbstractContractTest {

    /** Generated (seed, n) pairs per spec by default: {@link ContractAssertions#NOISE_EXAMPLES}. */
    protected AbstractLabelNoiseContractTest() {
        super(ExtensionPoint.LABEL_NOISE, ContractAssertions.NOISE_EXAMPLES);
    }

    /**
     * Whether the model flips exactly ⌈ηn⌉ labels; by default what the provider declares with the
     * property {@value LabelNoiseContract#EXACT_COUNT_PROPERTY}.
     */
    protected boolean exactCount() {
        return LabelNoiseContract.declaresExactCount(provider());
    }

    /** The declared rate is a fraction. */
    @Test
    public void declarationsAreSane() {
        assertEach(LabelNoise.class, LabelNoiseContract::checkDeclarations);
    }

    /** The flips, for generated seeds and n (1 to 60, or 10^4 to 3·10^4). */
    @Test
    public void flipsMatchTheDeclarations() {
        boolean exact = exactCount();
        for (LabelNoise n : instances(LabelNoise.class)) {
            qt().withFixedSeed(seed()).withExamples(examples()).forAll(longs().all(), ContractAssertions.NOISE_SIZES)
                    .checkAssert((s, size) -> ContractAssertions.assertPasses(exact
                            ? LabelNoiseContract.checkExactCount(n, s, size) : LabelNoiseContract.check(n, s, size)));
        }
    }
}
