package org.benignlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RecordProviderTest {

    /** A spec with defaults for every component. */
    public record Slope(Double gamma) {
        public Slope {
            gamma = Specs.inRange("gamma", Specs.orDefault(gamma, 0.25), 0, false, 1, true);
        }
    }

    /** A spec with a required component and a declared example. */
    public record Step(Double step) {
        public static final Step EXAMPLE = new Step(0.5);

        public Step {
            step = Specs.positive("step", Specs.required("step", step));
        }
    }

    /** A spec with a required component and no example. */
    public record Required(Double step) {
        public Required {
            step = Specs.required("step", step);
        }
    }

    record Linear(double gamma) implements Activation {
        @Override
        public double value(double z) {
            return z >= 0 ? z : gamma * z;
        }

        @Override
        public double derivative(double z) {
            return z >= 0 ? 1 : gamma;
        }

        @Override
        public double secondDerivative(double z) {
            return 0;
        }

        @Override
        public OptionalDouble leakiness() {
            return OptionalDouble.of(gamma);
        }

        @Override
        public OptionalDouble smoothness() {
            return OptionalDouble.empty();
        }

        @Override
        public double[] kinks() {
            return new double[] {0};
        }
    }

    static final class SlopeProvider extends ActivationProvider.Base<Slope> {
        SlopeProvider() {
            super("slope", Slope.class, s -> new Linear(s.gamma()), "A leaky ReLU.");
            note("paper_assumptions", "no: a kink at 0");
        }
    }

    @Test
    void derivesSpecTypeExampleAndDescriptionFromTheConstructorCall() {
        SlopeProvider p = new SlopeProvider();
        assertEquals("slope", p.type());
        assertSame(Slope.class, p.specType());
        assertEquals(new Slope(0.25), p.exampleSpec());
        assertEquals("A leaky ReLU.", p.description());
        assertEquals(0.4, ((Linear) p.create(new Slope(0.4))).gamma());
    }

    @Test
    void propertiesAreTheInstanceDeclarationsThenTheNotes() {
        Map<String, String> props = new SlopeProvider().properties();
        assertEquals("0.25", props.get("gamma"));
        assertEquals("none (kinks at 0)", props.get("H"));
        assertEquals("no: a kink at 0", props.get("paper_assumptions"));
    }

    @Test
    void exampleIsTheDeclaredConstantWhenThereIsOne() {
        assertSame(Step.EXAMPLE, RecordProvider.example(Step.class));
        assertEquals(new NoSpec(), RecordProvider.example(NoSpec.class));
    }

    @Test
    void aRecordWithoutDefaultsOrExampleIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RecordProvider.example(Required.class));
        assertTrue(e.getMessage().contains("Required") && e.getMessage().contains("EXAMPLE"), e.getMessage());
    }

    @Test
    void activationPaperAssumptionsFollowTheDeclarations() {
        assertEquals("no: not smooth", Declarations.of(new Linear(0.1)).get("paper_assumptions"));
        assertEquals("none (not leaky)", Declarations.of(new Activation() {
            @Override
            public double value(double z) {
                return Math.max(0, z);
            }

            @Override
            public double derivative(double z) {
                return z >= 0 ? 1 : 0;
            }

            @Override
            public double secondDerivative(double z) {
                return 0;
            }

            @Override
            public OptionalDouble leakiness() {
                return OptionalDouble.empty();
            }

            @Override
            public OptionalDouble smoothness() {
                return OptionalDouble.empty();
            }
        }).get("gamma"));
    }
}
