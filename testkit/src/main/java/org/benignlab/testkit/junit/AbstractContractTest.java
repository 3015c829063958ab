package org.benignlab.testkit.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.Provider;
import org.benignlab.testkit.Providers;
import org.junit.jupiter.api.Test;

/**
 * What the five abstract contract tests share: the provider under test, the specs it is checked
 * with, the seed, and the provider contract ({@link org.benignlab.testkit.ProviderContract}).
 * Extend one of {@link AbstractActivationContractTest}, {@link AbstractClusterDistributionContractTest},
 * {@link AbstractLabelNoiseContractTest}, {@link AbstractLossContractTest} or
 * {@link AbstractOptimizerContractTest}, not this class.
 */
public abstract class AbstractContractTest {

    private final ExtensionPoint point;
    private final int examples;

    AbstractContractTest(ExtensionPoint point, int examples) {
        this.point = point;
        this.examples = examples;
    }

    /** The provider under test, e.g. {@code new MyActivationProvider()}. */
    protected abstract Provider<?, ?> provider();

    /** The extension point of this test class. */
    protected final ExtensionPoint point() {
        return point;
    }

    /** Generated examples per spec (points, margins, or seeds with sizes, depending on the extension point). */
    protected int examples() {
        return examples;
    }

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

    /** Asserts that {@code check} finds no counterexample on any instance of {@link #specs()}. */
    protected final <T> void assertEach(Class<T> type, Function<? super T, Optional<String>> check) {
        for (T instance : instances(type)) {
            ContractAssertions.assertPasses(check.apply(instance));
        }
    }

    /** The provider contract: type key, spec record, example spec, description, properties. */
    @Test
    public void providerContract() {
        ContractAssertions.provider(point(), provider());
    }
}
