package org.benignlab.experiments.testplugins;

import org.benignlab.api.Loss;
import org.benignlab.api.LossProvider;

/**
 * Test-only loss {@code test-throwing}: the logistic loss, except that with {@code fail: true} it throws
 * at its first use, so that a run of a sweep fails the way a buggy plugin would.
 */
public final class ThrowingLossProvider extends LossProvider.Base<ThrowingLossProvider.Spec> {

    /** @param fail throw at the first use */
    public record Spec(Boolean fail) {
        public Spec {
            fail = fail != null && fail;
        }
    }

    public ThrowingLossProvider() {
        super("test-throwing", Spec.class, ThrowingLossProvider::loss,
                "Test only: logistic loss that throws when fail is true.");
    }

    private static Loss loss(Spec spec) {
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
}
