package org.benignlab.testkit.junit;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.Provider;
import org.benignlab.testkit.Providers;
import org.junit.jupiter.api.DynamicTest;

/**
 * Every contract over every provider {@link java.util.ServiceLoader} finds on the test class path,
 * each created from its example spec, as JUnit dynamic tests named {@code <extension point>: <type>}.
 * A module's test that returns {@code EveryProvider.tests(...)} from a {@code @TestFactory} method
 * verifies a new plugin of that module with no new test code:
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> everyProviderPassesTheContracts() {
 *     return EveryProvider.tests(ExtensionPoint.ACTIVATION);
 * }
 * }</pre>
 */
public final class EveryProvider {

    private EveryProvider() {
    }

    /** One dynamic test per provider of each point, with {@link ContractAssertions#SEED}. */
    public static Stream<DynamicTest> tests(ExtensionPoint... points) {
        return tests(ContractAssertions.SEED, points);
    }

    /**
     * One dynamic test per provider of each point.
     *
     * @throws AssertionError if a point has no provider at all (a missing services file)
     */
    public static Stream<DynamicTest> tests(long seed, ExtensionPoint... points) {
        List<DynamicTest> tests = new ArrayList<>();
        for (ExtensionPoint point : points) {
            List<Provider<?, ?>> providers = Providers.of(point);
            if (providers.isEmpty()) {
                throw new AssertionError("no " + point.title() + " provider found: is META-INF/services/"
                        + point.providerType().getName() + " on the test class path?");
            }
            for (Provider<?, ?> p : providers) {
                tests.add(dynamicTest(point.title() + ": " + p.type(),
                        () -> ContractAssertions.all(point, p, p.exampleSpec(), seed)));
            }
        }
        return tests.stream();
    }
}
