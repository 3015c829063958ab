package org.benignlab.experiments.testplugins;

import org.benignlab.api.Loss;
import org.benignlab.api.LossProvider;

/**
 * Test-only loss {@code test-throwing}: the logistic loss, except that with {@code fail: true} it throws
 * at its first use, so that a run of a sweep fails the way a buggy plugin would.
 */
public final class ThrowingLossProvider implements LossProvider<ThrowingLossProvider.Spec> {

    /** @param fail throw at the first use */
    public record Spec(Boolean fail) {
        public Spec {
            fail = fail != null && fail;
        }
    }

    @Override
    public String type() {
        return "test-throwing";
    }

    @Override
    public Class<Spec> specType() {
        return Spec.class;
    }

    @Override
    public Spec exampleSpec() {
        return new Spec(false);
    }

    @Override
    public Loss create(Spec spec) {
        return new Loss() {
            @Override
            public double value(double z) {
                check();
                return z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
            }

            @Override
            public double derivative(double z) {
                check();
                return -1.0 / (1.0 + Math.exp(z));
            }

            private void check() {
                if (spec.fail()) {
                    throw new IllegalStateException("test-throwing loss was asked to fail");
                }
            }
        };
    }

    @Override
    public String description() {
        return "Test only: logistic loss that throws when fail is true.";
    }
}
