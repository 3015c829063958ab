package org.benignlab.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.NoiseContext;
import org.benignlab.api.Optimizer;

/**
 * Models no built-in plugin has, for cases of the engine's tests: flips drawn from the model's generator (the
 * built-ins flip from the per-point uniforms of the context), a deterministic flip pattern, a feature-reading
 * noise model and an optimizer that is not linear in the gradients by construction. Everything else the tests
 * train with is the real plugin (the plugin modules are test dependencies of engine; main code knows none).
 */
final class TestPlugins {
    private TestPlugins() {
    }

    /** Each label flips independently with probability η, one nextDouble of the model's generator per point. */
    record GeneratorFlips(double eta) implements LabelNoise {
        @Override
        public boolean[] flips(NoiseContext context, UniformRandomProvider rng) {
            boolean[] out = new boolean[context.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = rng.nextDouble() < eta;
            }
            return out;
        }

        @Override
        public double rate() {
            return eta;
        }

        @Override
        public boolean adversarial() {
            return false;
        }
    }

    /** Flips exactly the points whose index is a multiple of {@code every} (no randomness). */
    record FlipEvery(int every) implements LabelNoise {
        @Override
        public boolean[] flips(NoiseContext context, UniformRandomProvider rng) {
            boolean[] out = new boolean[context.size()];
            for (int i = 0; i < out.length; i += every) {
                out[i] = true;
            }
            return out;
        }

        @Override
        public double rate() {
            return 1.0 / every;
        }

        @Override
        public boolean adversarial() {
            return true;
        }
    }

    /** Sign descent: W &lt;- W - α sign(∇L̂), coordinate-wise, so not linear in the gradients. */
    record SignDescent(double step) implements Optimizer {
        @Override
        public State start(int dimension) {
            return (t, params, gradient) -> {
                for (int k = 0; k < params.length; k++) {
                    params[k] -= step * Math.signum(gradient[k]);
                }
            };
        }

        @Override
        public boolean linearInGradients() {
            return false;
        }
    }

    /**
     * Reads the features: flips the points whose second coordinate x_i2 is below {@code threshold}
     * (needs p &gt;= 2; no randomness).
     */
    record SecondCoordinateFlips(double threshold) implements LabelNoise {
        @Override
        public boolean[] flips(NoiseContext context, UniformRandomProvider rng) {
            boolean[] out = new boolean[context.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = context.features().apply(i)[1] < threshold;
            }
            return out;
        }

        @Override
        public double rate() {
            return 0.1;
        }

        @Override
        public boolean adversarial() {
            return true;
        }

        @Override
        public boolean needsFeatures() {
            return true;
        }
    }
}
