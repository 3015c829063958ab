package org.benignlab.testkit.junit;

import java.util.ArrayList;
import java.util.List;

import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.Provider;
import org.benignlab.testkit.Providers;
import org.junit.jupiter.api.Test;

/**
 * What the six abstract contract tests share: the provider under test, the specs it is checked
 * with, the seed, and the provider contract ({@link org.benignlab.testkit.ProviderContract}).
 * Extend one of {@link AbstractActivationContractTest}, {@link AbstractClusterDistributionContractTest},
 * {@link AbstractLabelNoiseContractTest}, {@link AbstractLossContractTest}, {@link AbstractSignalModelContractTest} or
 * {@link AbstractOptimizerContractTest}, not this class.
 */
public abstract class AbstractContractTest {

    AbstractContractTest() {
    }

    /** The provider under test, e.g. {@code new MyActivationProvider()}. */
    protected abstract Provider<?, ?> provider();

    /** The extension point of this test class. */
    protected abstract ExtensionPoint point();

    /**
     * The specs the contracts check, each of the provider's spec type; by default its example spec.
     * Override to check more parameter values (the contracts then run once per spec).
     */
    protected List<? extends Record> specs() {
        return List.of(provider().exampleSpec());
    }

    /** The seed of the generators; pinned, so a run is reproducible. */
    protected long seed() {
        return ContractAssertions.SEED;
    }

    /** The instances created from {@link #specs()}. */
    protected final <T> List<T> instances(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Record spec : specs()) {
            out.add(ContractAssertions.cast(Providers.create(provider(), spec), type, provider()));
        }
        return out;
    }

    /** The provider contract: type key, spec record, example spec, description, properties. */
    @Test
    public void providerContract() {
        ContractAssertions.provider(point(), provider());
    }
}
