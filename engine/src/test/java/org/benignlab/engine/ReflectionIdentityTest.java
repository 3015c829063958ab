package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.benignlab.activations.impl.LeakyRelu;
import org.benignlab.api.Activation;
import org.benignlab.distributions.impl.IsotropicGaussian;
import org.benignlab.distributions.impl.RandomFlip;
import org.benignlab.optimizers.impl.GradientDescent;
import org.benignlab.optimizers.impl.LogisticLoss;
import org.junit.jupiter.api.Test;

/**
 * The reflection identity: with ψ(z) = -φ(-z), f(x; W) = Σ_j (-s) φ(&lt;w_j, x&gt;) equals Σ_j s ψ(&lt;-w_j, x&gt;),
 * and the gradient in W' = -W is the negated gradient in W, so gradient descent on the all -1 second layer with φ
 * from W0 and on the all +1 second layer with ψ from -W0 follow W'_t = -W_t: the same losses, errors and norms at
 * every step. W0 = 0 here (ω = 0), the one initialisation the engines can draw for both sides exactly.
 */
class ReflectionIdentityTest {

    /** ψ(z) = -φ(-z), so ψ'(z) = φ'(-z) and ψ''(z) = -φ''(-z). */
    record Reflected(Activation phi) implements Activation {
        @Override
        public double value(double z) {
            return -phi.value(-z);
        }

        @Override
        public double derivative(double z) {
            return phi.derivative(-z);
        }

        @Override
        public double secondDerivative(double z) {
            return -phi.secondDerivative(-z);
        }

        @Override
        public OptionalDouble leakiness() {
            return phi.leakiness();
        }

        @Override
        public OptionalDouble smoothness() {
            return phi.smoothness();
        }
    }

    private static TrainingSetup setup(SecondLayer a) {
        return new TrainingSetup(12, 80, 6, 3.0, 200, 0.0, 300, 0, false, 10, a);
    }

    private static Plugins plugins(Activation phi) {
        return new Plugins(phi, new IsotropicGaussian(), new RandomFlip(0.2),
                new LogisticLoss(), new GradientDescent(0.5));
    }

    private static DenseEngineTest.Recorder train(Engine engine, TrainingSetup s, Plugins pl) {
        DenseEngineTest.Recorder r = new DenseEngineTest.Recorder(s.coreMetrics());
        engine.train(s, pl, Fixture.streams(31), r);
        return r;
    }

    private static void assertSameTrajectory(DenseEngineTest.Recorder x, DenseEngineTest.Recorder y, String where) {
        assertEquals(x.records.size(), y.records.size(), where);
        for (int r = 0; r < x.records.size(); r++) {
            DenseEngineTest.Rec u = x.records.get(r);
            DenseEngineTest.Rec v = y.records.get(r);
            assertEquals(u.step(), v.step(), where);
            assertEquals(u.metric(), v.metric(), where);
            if (Double.isNaN(u.value())) { // a ratio to ||W0|| = 0
                assertTrue(Double.isNaN(v.value()), u.metric() + " at step " + u.step() + ", " + where);
                continue;
            }
            assertEquals(u.value(), v.value(), 1e-12 * Math.abs(u.value()), u.metric() + " at step " + u.step() + ", "
                    + where);
        }
    }

    @Test
    void allMinusOneWithPhiEqualsAllPlusOneWithTheReflectedActivationInDenseAndSpan() {
        Activation phi = new LeakyRelu(0.1);
        double scale = 1 / Math.sqrt(6);
        for (Engine engine : new Engine[] {new DenseEngine(1), new SpanEngine(1)}) {
            String where = engine.getClass().getSimpleName();
            DenseEngineTest.Recorder minus = train(engine, setup(SecondLayer.constant(-1, scale)), plugins(phi));
            DenseEngineTest.Recorder reflected = train(engine, setup(SecondLayer.constant(1, scale)),
                    plugins(new Reflected(phi)));
            assertTrue(minus.records.size() > 20, where);
            assertSameTrajectory(minus, reflected, where);

            // the identity needs the -1: all +1 with φ is another network (φ is not odd)
            DenseEngineTest.Recorder plus = train(engine, setup(SecondLayer.constant(1, scale)), plugins(phi));
            assertNotEquals(last(minus, "train_loss"), last(plus, "train_loss"), where);
        }
    }

    @Test
    void givenValuesAllMinusOneAreTheConstantMinusOnePattern() {
        Activation phi = new LeakyRelu(0.1);
        for (Engine engine : new Engine[] {new DenseEngine(1), new SpanEngine(1)}) {
            DenseEngineTest.Recorder constant = train(engine, setup(SecondLayer.constant(-1, 0.4)), plugins(phi));
            DenseEngineTest.Recorder values = train(engine,
                    setup(SecondLayer.of(java.util.Collections.nCopies(6, -1), 0.4)), plugins(phi));
            assertSameTrajectory(constant, values, engine.getClass().getSimpleName());
        }
    }

    private static double last(DenseEngineTest.Recorder r, String metric) {
        double v = Double.NaN;
        for (DenseEngineTest.Rec rec : r.records) {
            if (rec.metric().equals(metric)) {
                v = rec.value();
            }
        }
        return v;
    }
}
