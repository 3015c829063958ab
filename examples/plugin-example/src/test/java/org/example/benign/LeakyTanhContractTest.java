package org.example.benign;

import java.util.List;

import org.benignlab.api.Provider;
import org.benignlab.testkit.junit.AbstractActivationContractTest;

/**
 * The testkit's ready-made activation tests (φ(0) = 0, the declared γ and H, 1-Lipschitz, monotone,
 * derivatives against finite differences), run on leaky-tanh at three values of gamma.
 */
class LeakyTanhContractTest extends AbstractActivationContractTest {

    @Override
    protected Provider<?, ?> provider() {
        return new LeakyTanhProvider();
    }

    @Override
    protected List<? extends Record> specs() {
        return List.of(new LeakyTanhSpec(null), new LeakyTanhSpec(1e-3), new LeakyTanhSpec(1.0));
    }
}
