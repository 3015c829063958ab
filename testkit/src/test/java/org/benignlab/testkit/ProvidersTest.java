package org.benignlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.benignlab.api.Activation;
import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.Loss;
import org.junit.jupiter.api.Test;

/** Providers finds what META-INF/services registers, sorted by key, and creates from example specs. */
class ProvidersTest {

    @Test
    void findsRegisteredProvidersSortedByKey() {
        assertEquals(List.of("half-linear", "zz-linear"),
                Providers.of(ExtensionPoint.ACTIVATION).stream().map(p -> p.type()).toList());
        assertTrue(Providers.of(ExtensionPoint.LOSS).isEmpty());
    }

    @Test
    void createsEachFromItsExampleSpec() {
        List<Providers.Example<Activation>> examples = Providers.examples(ExtensionPoint.ACTIVATION, Activation.class);
        assertEquals(2, examples.size());
        assertEquals(0.5, examples.get(0).instance().value(1.0));
        assertEquals(1.0, examples.get(1).instance().value(1.0));
        assertEquals("half-linear", examples.get(0).toString());
        for (Providers.Example<Activation> e : examples) {
            assertEquals(Optional.empty(), ProviderContract.check(ExtensionPoint.ACTIVATION, e.provider()));
            assertEquals(Optional.empty(), ActivationContract.checkAll(e.instance(), -3, -1e-3, 0, 2, 40));
        }
    }

    @Test
    void refusesInstancesOfTheWrongType() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Providers.examples(ExtensionPoint.ACTIVATION, Loss.class));
        assertTrue(e.getMessage().contains("half-linear"), e.getMessage());
    }

    @Test
    void createChecksTheSpecType() {
        assertThrows(IllegalArgumentException.class, () -> Providers.create(new FakeProviders.Linear(),
                new ProviderContractTest.NpeSpec(1.0)));
        assertEquals(0.25, Providers.create(new FakeProviders.Linear(), new FakeProviders.SlopeSpec(0.25)).value(1));
    }
}
