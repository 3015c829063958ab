package org.benignlab.engine;

import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.benignlab.api.Activation;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterProperties;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.Loss;
import org.benignlab.api.NoiseContext;
import org.benignlab.api.Optimizer;
import org.benignlab.api.SignalModel;

/** Small implementations of the SPI for the engine's tests (the engine must not depend on plugin modules). */
final class TestPlugins {
    private TestPlugins() {
    }

    /** The paper's smoothed leaky ReLU, equation (1). */
    record SmoothLeakyRelu(double gamma, double h) implements Activation {
        @Override
        public double value(double z) {
            if (z >= 1 / h) {
                return z - (1 - gamma) / (4 * h);
            }
            if (z <= -1 / h) {
                return gamma * z - (1 - gamma) / (4 * h);
            }
            return (1 - gamma) / 4 * h * z * z + (1 + gamma) / 2 * z;
        }

        @Override
        public double derivative(double z) {
            if (z >= 1 / h) {
                return 1;
            }
            if (z <= -1 / h) {
                return gamma;
            }
            return (1 - gamma) / 2 * h * z + (1 + gamma) / 2;
        }

        @Override
        public double secondDerivative(double z) {
            return Math.abs(z) < 1 / h ? (1 - gamma) / 2 * h : 0;
        }

        @Override
        public OptionalDouble leakiness() {
            return OptionalDouble.of(gamma);
        }

        @Override
        public OptionalDouble smoothness() {
            return OptionalDouble.of(h);
        }
    }

    /** A C-infinity leaky activation: φ(z) = γ z + (1 - γ)(softplus(z) - log 2); φ' = γ + (1 - γ) σ(z). */
    record SoftLeaky(double gamma) implements Activation {
        @Override
        public double value(double z) {
            double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
            return gamma * z + (1 - gamma) * (softplus - Math.log(2));
        }

        @Override
        public double derivative(double z) {
            return gamma + (1 - gamma) / (1 + Math.exp(-z));
        }

        @Override
        public double secondDerivative(double z) {
            double s = 1 / (1 + Math.exp(-z));
            return (1 - gamma) * s * (1 - s);
        }

        @Override
        public OptionalDouble leakiness() {
            return OptionalDouble.of(gamma);
        }

        @Override
        public OptionalDouble smoothness() {
            return OptionalDouble.of((1 - gamma) / 4);
        }
    }

    /** ℓ(z) = log(1 + e^-z), computed stably. */
    record Logistic() implements Loss {
        @Override
        public double value(double z) {
            return z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
        }

        @Override
        public double derivative(double z) {
            if (z >= 0) {
                double e = Math.exp(-z);
                return -e / (1 + e);
            }
            return -1 / (1 + Math.exp(z));
        }

        @Override
        public double logG(double z) {
            return z > 0 ? -z - Math.log1p(Math.exp(-z)) : -Math.log1p(Math.exp(z));
        }
    }

    /** W &lt;- W - α ∇L̂. */
    record Gd(double step) implements Optimizer {
        @Override
        public State start(int dimension) {
            return (t, params, gradient) -> {
                for (int k = 0; k < params.length; k++) {
                    params[k] -= step * gradient[k];
                }
            };
        }

        @Override
        public boolean linearInGradients() {
            return true;
        }
    }

    /** z ~ N(0, I_p). */
    record IsotropicGaussian() implements ClusterDistribution {
        @Override
        public void sample(UniformRandomProvider rng, double[] out) {
            NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
            for (int k = 0; k < out.length; k++) {
                out[k] = g.sample();
            }
        }

        @Override
        public ClusterProperties properties() {
            return new ClusterProperties(true, 1.0, 1.0, 1.0, true);
        }
    }

    /** Each label flips independently with probability η (one nextDouble per point). */
    record RandomFlips(double eta) implements LabelNoise {
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

    /** φ(z) = z: the network is linear (γ = 1, H = 0). */
    record Identity() implements Activation {
        @Override
        public double value(double z) {
            return z;
        }

        @Override
        public double derivative(double z) {
            return 1;
        }

        @Override
        public double secondDerivative(double z) {
            return 0;
        }

        @Override
        public OptionalDouble leakiness() {
            return OptionalDouble.of(1);
        }

        @Override
        public OptionalDouble smoothness() {
            return OptionalDouble.of(0);
        }
    }

    /** Heavy ball: v &lt;- β v + ∇L̂; W &lt;- W - α v. A fixed linear combination of past gradients. */
    record HeavyBall(double step, double beta) implements Optimizer {
        @Override
        public State start(int dimension) {
            double[] v = new double[dimension];
            return (t, params, gradient) -> {
                for (int k = 0; k < params.length; k++) {
                    v[k] = beta * v[k] + gradient[k];
                    params[k] -= step * v[k];
                }
            };
        }

        @Override
        public boolean linearInGradients() {
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

    /** Rademacher coordinates: a product distribution that is not Gaussian. */
    record Rademacher() implements ClusterDistribution {
        @Override
        public void sample(UniformRandomProvider rng, double[] out) {
            for (int k = 0; k < out.length; k++) {
                out[k] = rng.nextBoolean() ? 1 : -1;
            }
        }

        @Override
        public ClusterProperties properties() {
            return new ClusterProperties(true, 1.0, 0.0, 1.0, false);
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

    /** Clusters given as (label, weight, β) with a draw by inversion of one uniform: the test double of a signal model. */
    record Clusters(java.util.List<SignalModel.Cluster> clusters, int dimension) implements SignalModel {
        /** XOR: ±e_1 labelled +1, ±e_2 labelled −1, each 1/4. */
        static Clusters xor() {
            return new Clusters(java.util.List.of(new Cluster(1, 0.25, new double[] {1, 0}),
                    new Cluster(1, 0.25, new double[] {-1, 0}), new Cluster(-1, 0.25, new double[] {0, 1}),
                    new Cluster(-1, 0.25, new double[] {0, -1})), 2);
        }

        /** Three clusters with unequal weights and non-orthogonal means of unequal norms in 2 coordinates. */
        static Clusters mixture() {
            return new Clusters(java.util.List.of(new Cluster(1, 0.5, new double[] {1, 0}),
                    new Cluster(-1, 0.3, new double[] {0.5, 0.8}), new Cluster(1, 0.2, new double[] {-0.3, -1.4})), 2);
        }

        @Override
        public int draw(UniformRandomProvider rng) {
            double u = rng.nextDouble();
            int last = clusters.size() - 1;
            for (int c = 0; c < last; c++) {
                u -= clusters.get(c).weight();
                if (u < 0) {
                    return c;
                }
            }
            return last;
        }

        @Override
        public double bayesErrorClean(double muNorm) {
            return Double.NaN;
        }
    }
}
