package org.example.benign;

import org.benignlab.api.Provider;
import org.benignlab.testkit.junit.AbstractLabelNoiseContractTest;

/**
 * The testkit's ready-made label-noise tests (one flag per point, determinism, no features needed,
 * the flipped fraction against the declared rate), run on boundary-flip.
 */
class BoundaryFlipContractTest extends AbstractLabelNoiseContractTest {

    @Override
    protected Provider<?, ?> provider() {
        return new BoundaryFlipProvider();
    }
}
