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

    /** An activation that declares the given γ and H and has a kink at 0 when H is not given. */
    static Activation declaring(OptionalDouble gamma, OptionalDouble h) {
        return new Activation() {
            // φ is never evaluated here: only the declarations are read
            public double value(double z) { return z; }
            public double derivative(double z) { return 1; }
            public double secondDerivative(double z) { return 0; }
            public OptionalDouble leakiness() { return gamma; }
            public OptionalDouble smoothness() { return h; }
            public double[] kinks() { return h.isPresent() ? new double[0] : new double[] {0}; }
        };
    }

    static final class SlopeProvider extends ActivationProvider.Base<Slope> {
        SlopeProvider() {
            super("slope", Slope.class, s -> declaring(OptionalDouble.of(s.gamma()), OptionalDouble.empty()),
                    "A leaky ReLU.");
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
        assertEquals(0.4, p.create(new Slope(0.4)).leakiness().getAsDouble());
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
        OptionalDouble none = OptionalDouble.empty();
        assertEquals("yes", Declarations.of(declaring(OptionalDouble.of(0.1), OptionalDouble.of(1))).get("paper_assumptions"));
        assertEquals("no: not smooth", Declarations.of(declaring(OptionalDouble.of(0.1), none)).get("paper_assumptions"));
        assertEquals("no: not leaky", Declarations.of(declaring(none, OptionalDouble.of(1))).get("paper_assumptions"));
        Map<String, String> relu = Declarations.of(declaring(none, none));
        assertEquals("no: not leaky and not smooth", relu.get("paper_assumptions"));
        assertEquals("none (not leaky)", relu.get("gamma"));
    }
}
