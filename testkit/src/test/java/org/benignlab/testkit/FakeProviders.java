package org.benignlab.testkit;

import java.util.Map;
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

    static Activation linear(double s) {
        return new Activation() {
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
        };
    }

    /** Registered as "zz-linear" (listed after "half-linear": the registry sorts by key). */
    public static final class Linear implements ActivationProvider<SlopeSpec> {
        public String type() {
            return "zz-linear";
        }

        public Class<SlopeSpec> specType() {
            return SlopeSpec.class;
        }

        public SlopeSpec exampleSpec() {
            return new SlopeSpec(null);
        }

        public Activation create(SlopeSpec spec) {
            return linear(spec.slope());
        }

        public String description() {
            return "A linear activation with slope in (0, 1].";
        }

        @Override
        public Map<String, String> properties() {
            return Map.of("slope", "spec slope (default 1)");
        }
    }

    /** Registered as "half-linear". */
    public static final class Half implements ActivationProvider<SlopeSpec> {
        public String type() {
            return "half-linear";
        }

        public Class<SlopeSpec> specType() {
            return SlopeSpec.class;
        }

        public SlopeSpec exampleSpec() {
            return new SlopeSpec(0.5);
        }

        public Activation create(SlopeSpec spec) {
            return linear(spec.slope());
        }

        public String description() {
            return "A linear activation, slope 1/2 by example.";
        }
    }
}
