package org.benignlab.testkit;

import static org.benignlab.testkit.Counterexamples.assertFailsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.benignlab.api.Activation;
import org.benignlab.api.ActivationProvider;
import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.LossProvider;
import org.benignlab.api.Specs;
import org.junit.jupiter.api.Test;

/** The provider contract accepts a well-formed provider and rejects each kind of malformed one. */
class ProviderContractTest {

    record PrimitiveSpec(double x) {
    }

    record NpeSpec(Double x) {
        NpeSpec {
            if (x > 1) { // unboxing null: NullPointerException instead of a default or InvalidSpecException
                throw new IllegalArgumentException();
            }
        }
    }

    record DoublingSpec(Double x) {
        DoublingSpec {
            x = 2 * Specs.orDefault(x, 1.0);
        }
    }

    record RequiredSpec(Double step) {
        RequiredSpec {
            step = Specs.positive("step", Specs.required("step", step));
        }
    }

    /** A camelCase component is bound from a snake_case key, and its errors name that key. */
    record SnakeSpec(Double rateMinus) {
        SnakeSpec {
            rateMinus = Specs.inRange("rate_minus", Specs.required("rate_minus", rateMinus), 0, true, 0.5, false);
        }
    }

    record P<S extends Record>(String type, Class<S> specType, Supplier<S> example, Map<String, String> props)
            implements ActivationProvider<S> {
        public S exampleSpec() {
            return example.get();
        }

        public Activation create(S spec) {
            return FakeProviders.linear(1);
        }

        public String description() {
            return "test provider";
        }

        @Override
        public Map<String, String> properties() {
            return props;
        }
    }

    @Test
    void wellFormedProvidersPass() {
        assertEquals(Optional.empty(), ProviderContract.check(new FakeProviders.Linear()));
        assertEquals(Optional.empty(), ProviderContract.check(
                new P<>("with-required", RequiredSpec.class, () -> new RequiredSpec(0.1), Map.of("step", "given"))));
    }

    @Test
    void errorsMayNameTheSnakeCaseKeyOfAComponent() {
        assertEquals(Optional.empty(), ProviderContract.check(new P<>("snake", SnakeSpec.class, () -> new SnakeSpec(0.1),
                Map.of("rate_minus", "η_-"))));
        assertEquals("rate_minus", ProviderContract.yamlKey("rateMinus"));
        assertEquals("H", ProviderContract.yamlKey("H"));
        assertEquals("beta1", ProviderContract.yamlKey("beta1"));
    }

    @Test
    void malformedProvidersAreCaught() {
        assertFailsWith(ProviderContract.check(new P<>("Bad_Key", RequiredSpec.class, () -> new RequiredSpec(0.1),
                Map.of())), "hyphens");
        assertFailsWith(ProviderContract.check(new P<>("prim", PrimitiveSpec.class, () -> new PrimitiveSpec(1),
                Map.of())), "boxed");
        assertFailsWith(ProviderContract.check(new P<>("npe", NpeSpec.class, () -> new NpeSpec(0.5), Map.of())),
                "NullPointerException");
        assertFailsWith(ProviderContract.check(new P<>("doubling", DoublingSpec.class, () -> new DoublingSpec(null),
                Map.of())), "rebuilding");
        assertFailsWith(ProviderContract.check(new P<>("key", RequiredSpec.class, () -> new RequiredSpec(0.1),
                Map.of("Bad Key", "x"))), "snake_case");
        assertFailsWith(ProviderContract.check(ExtensionPoint.LOSS, new FakeProviders.Linear()),
                LossProvider.class.getName());
    }
}
