package org.benignlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunContextTest {
    @Test
    void theContextKeepsACopyOfTheParametersAndAnswersNaNForWhatTheFileDoesNotSet() {
        Map<String, Double> given = new HashMap<>(Map.of("eta", 0.1, "vars.g", 0.5));
        RunContext c = new RunContext(10, 200, 5, 100, 3.0, given);
        given.put("eta", 0.4);
        assertEquals(0.1, c.eta(), 0.0);
        assertEquals(0.5, c.var("g"), 0.0);
        assertTrue(Double.isNaN(c.var("ratio")));
        assertTrue(Double.isNaN(new RunContext(10, 200, 5, 100, Double.NaN, Map.of()).eta()));
        assertThrows(UnsupportedOperationException.class, () -> c.parameters().put("p", 1.0));
        assertThrows(IllegalArgumentException.class, () -> new RunContext(0, 200, 5, 100, 3.0, Map.of()));
    }

    @Test
    void aProviderWithoutAContextAwareFactoryIsCreatedFromItsSpecAlone() {
        Provider<Record, String> provider = new Provider<>() {
            record Spec() {
            }

            public String type() {
                return "t";
            }

            @SuppressWarnings("unchecked")
            public Class<Record> specType() {
                return (Class<Record>) (Class<?>) Spec.class;
            }

            public Record exampleSpec() {
                return new Spec();
            }

            public String create(Record spec) {
                return "made";
            }

            public String description() {
                return "d";
            }
        };
        assertEquals("made", provider.create(provider.exampleSpec(), new RunContext(2, 1, 1, 0, 1.0, Map.of())));
    }
}
