package org.benignlab.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.List;
import java.util.Optional;

import org.benignlab.api.Loss;
import org.benignlab.api.NoSpec;
import org.benignlab.testkit.LossContract;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The logistic loss: Fact A.1 of the paper, stability for huge margins, closed-form identities. */
class LogisticLossTest {

    static final long SEED = 0x5eed_0202L;
    static final Loss LOSS = new LogisticProvider().create(new NoSpec());

    /** z in [-700, 700], often near 0 (where the cases of Fact A.1's proof meet). */
    static final Gen<Double> Z = Generate.frequency(List.of(
            Pair.of(3, doubles().between(-700, 700)),
            Pair.of(1, doubles().between(-2, 2))));

    @Test
    void factA1() {
        qt().withFixedSeed(SEED).withExamples(20_000).forAll(Z, Z)
                .checkAssert((z1, z2) -> assertEquals(Optional.empty(), LossContract.factA1(LOSS, z1, z2)));
    }

    @Test
    void stableForHugeMargins() {
        assertEquals(0.0, LOSS.value(1e300));
        assertEquals(1e300, LOSS.value(-1e300));
        assertEquals(0.0, LOSS.g(1e300));
        assertEquals(1.0, LOSS.g(-1e300));
        assertEquals(-1.0, LOSS.derivative(-1e300));
        assertEquals(0.0, LOSS.derivative(1e300), 0.0);
        for (double z : new double[] {-1e300, -1e10, -800, 800, 1e10, 1e300, -Double.MAX_VALUE, Double.MAX_VALUE}) {
            assertTrue(Double.isFinite(LOSS.value(z)) && Double.isFinite(LOSS.derivative(z)), "z = " + z);
            assertEquals(Optional.empty(), LossContract.check(LOSS, z), "z = " + z);
        }
    }

    @Test
    void smallLossesKeepTheirRelativePrecision() {
        // ℓ(z) = e^-z - e^-2z/2 + ... for large z; at z = 40 the correction is below 1e-17 relative
        assertEquals(Math.exp(-40), LOSS.value(40), 1e-15 * Math.exp(-40));
        assertEquals(Math.exp(-700), LOSS.value(700), 1e-14 * Math.exp(-700));
        assertEquals(Math.exp(-700), LOSS.g(700), 1e-14 * Math.exp(-700));
    }

    @Test
    void logValueIsTheLogOfTheLossAndStaysExactBeyondIt() {
        // where ℓ is a double: log ℓ to rounding (the contract's clause, over z in [-700, 700])
        qt().withFixedSeed(SEED).withExamples(20_000).forAll(Z)
                .checkAssert(z -> assertEquals(Math.log(LOSS.value(z)), LOSS.logValue(z),
                        1e-12 * Math.max(1.0, Math.abs(Math.log(LOSS.value(z)))), "z = " + z));
        // beyond: ℓ(z) = e^-z (1 - e^-z/2 + ...), so log ℓ = -z to double precision for z >= 40
        assertEquals(0.0, LOSS.value(800), 0.0);
        assertEquals(-800.0, LOSS.logValue(800), 0.0);
        assertEquals(-1e300, LOSS.logValue(1e300), 0.0);
        assertEquals(Math.log(1e300), LOSS.logValue(-1e300), 1e-15 * Math.log(1e300));
        // across the switch at e^-z = 1e-8 (z ≈ 18.42) both forms agree with a high-precision log1p series
        for (double z : new double[] {18.0, 18.42, 18.43, 19.0}) {
            double u = Math.exp(-z);
            assertEquals(-z + Math.log1p(-u / 2 + u * u / 3), LOSS.logValue(z), 1e-15 * z, "z = " + z);
        }
    }

    @Test
    void closedFormIdentities() {
        assertEquals(Math.log(2), LOSS.value(0), 1e-16);
        assertEquals(0.5, LOSS.g(0));
        qt().withFixedSeed(SEED + 1).withExamples(5000).forAll(doubles().between(-700, 700)).checkAssert(z -> {
            // ℓ(z) - ℓ(-z) = -z and g(z) + g(-z) = 1
            assertEquals(-z, LOSS.value(z) - LOSS.value(-z), 1e-13 * Math.max(1, Math.abs(z)));
            assertEquals(1.0, LOSS.g(z) + LOSS.g(-z), 1e-15);
            assertEquals(-LOSS.derivative(z), LOSS.g(z));
        });
    }
}
