package org.benignlab.testkit;

import java.util.OptionalDouble;

import org.benignlab.api.Activation;
import org.benignlab.api.ActivationProvider;
import org.benignlab.api.Specs;

/** Two activation providers registered in the test resources' META-INF/services, for {@link ProvidersTest}. */
public final class FakeProviders {
    private FakeProviders() {
    }

    /** φ(z) = s z with s in (0, 1]. */
    public record SlopeSpec(Double slope) {
        public SlopeSpec {
            slope = Specs.inRange("slope", Specs.orDefault(slope, 1.0), 0, false, 1, true);
        }
    }

    /** φ(z) = s z: leaky with γ = s, smooth with H = 0. */
    record Linear1d(double s) implements Activation {
        public double value(double z) {
            return s * z;
        }

        public double derivative(double z) {
            return s;
        }

        public double secondDerivative(double z) {
            return 0;
        }

        public OptionalDouble leakiness() {
            return OptionalDouble.of(s);
        }

        public OptionalDouble smoothness() {
            return OptionalDouble.of(0);
        }
    }

    static Activation linear(double s) {
        return new Linear1d(s);
    }

    /** Registered as "zz-linear" (listed after "half-linear": the registry sorts by key). */
    public static final class Linear extends ActivationProvider.Base<SlopeSpec> {
        public Linear() {
            super("zz-linear", SlopeSpec.class, s -> linear(s.slope()), "A linear activation with slope in (0, 1].");
            note("slope", "spec slope (default 1)");
        }
    }

    /** Registered as "half-linear"; its example is slope 1/2. */
    public static final class Half extends ActivationProvider.Base<SlopeSpec> {
        public Half() {
            super("half-linear", SlopeSpec.class, s -> linear(s.slope()), "A linear activation, slope 1/2 by example.");
        }

        @Override
        public SlopeSpec exampleSpec() {
            return new SlopeSpec(0.5);
        }
    }
}
