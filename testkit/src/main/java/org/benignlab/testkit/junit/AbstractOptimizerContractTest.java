package org.benignlab.testkit.junit;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.Optimizer;
import org.benignlab.testkit.OptimizerContract;
import org.junit.jupiter.api.Test;

/**
 * Ready-made JUnit 5 tests of an optimizer plugin against {@link OptimizerContract} (determinism,
 * states that share nothing, the gradient left untouched, linearity in past gradients when declared,
 * and descent on a convex quadratic). Subclass it and name your provider:
 * <pre>{@code
 * class MyOptimizerTest extends AbstractOptimizerContractTest {
 *     @Override protected Provider<?, ?> provider() { return new MyOptimizerProvider(); }
 * }
 * }</pre>
 */
public abstract class AbstractOptimizerContractTest extends AbstractContractTest {

    /** Generated (seed, dim, steps) triples per spec by default: {@link ContractAssertions#OPTIMIZER_EXAMPLES}. */
    protected AbstractOptimizerContractTest() {
        super(ExtensionPoint.OPTIMIZER, ContractAssertions.OPTIMIZER_EXAMPLES);
    }

    /** Determinism and, when declared, linearity in gradients; dim in [1, 40], steps in [1, 60]. */
    @Test
    public void updatesAreDeterministicAndAsLinearAsDeclared() {
        for (Optimizer o : instances(Optimizer.class)) {
            qt().withFixedSeed(seed()).withExamples(examples())
                    .forAll(longs().all(), integers().between(1, 40), integers().between(1, 60))
                    .checkAssert((s, dim, steps) -> {
                        ContractAssertions.assertPasses(OptimizerContract.checkDeterminism(o, s, dim, steps));
                        ContractAssertions.assertPasses(OptimizerContract.checkLinearity(o, s, dim, steps));
                    });
        }
    }

    /** A small step decreases a convex quadratic; dim in [1, 40]. */
    @Test
    public void smallStepsDecreaseAConvexQuadratic() {
        for (Optimizer o : instances(Optimizer.class)) {
            qt().withFixedSeed(seed()).withExamples(examples()).forAll(longs().all(), integers().between(1, 40))
                    .checkAssert((s, dim) -> ContractAssertions.assertPasses(OptimizerContract.checkDescent(o, s, dim)));
        }
    }
}
