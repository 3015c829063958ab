package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.benignlab.optimizers.impl.LogisticLoss;
import org.junit.jupiter.api.Test;

/**
 * The loss ratio and the gradient norm ratio where g_i is about the train loss, 1e-250: the products g_i g_j
 * (1e-500) are below double precision, so a direct computation gives 0 for ‖∇L̂‖_F. The references are exact
 * arithmetic in BigDecimal on the same g_i, S and K; the tolerance is 1e-9 relative.
 */
class DiagnosticsAtExtremesTest {
    private static final MathContext MC = new MathContext(40);
    private static final double LN10 = Math.log(10);

    /** g_i = r_i · 10^-250 with r_i in (0.05, 1]: log g_i = log r_i − 250 ln 10. */
    private static double[] ratios(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = 0.05 + 0.95 * rng.nextDouble();
        }
        return r;
    }

    @Test
    void gradientNormRatioAtALossOf1eMinus250EqualsAnExactReference() {
        int n = 7;
        int m = 5;
        SplittableRandom rng = new SplittableRandom(2026);
        double[] r = ratios(n, 17);
        double[] logG = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            logG[i] = Math.log(r[i]) - 250 * LN10;
            y[i] = i % 3 == 0 ? -1 : 1;
        }
        double[][] d = new double[m][n];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                d[j][i] = (j % 2 == 0 ? 1 : -1) / Math.sqrt(m) * (0.2 + 0.8 * rng.nextDouble()); // a_j φ'(z), φ' in [0.2, 1]
            }
        }
        double[][] x = new double[n][40];
        for (double[] row : x) {
            for (int c = 0; c < row.length; c++) {
                row[c] = rng.nextDouble() - 0.5;
            }
        }
        double[][] k = BaselinesTest.gram(x);
        // exact: ||∇L̂||² n² = Σ_il g_i g_l y_i y_l S_il K_il, Ĝ n = Σ g_i, with g_i = r_i 10^-250 in BigDecimal
        BigDecimal normSq = BigDecimal.ZERO;
        BigDecimal gSum = BigDecimal.ZERO;
        BigDecimal scale = BigDecimal.ONE.scaleByPowerOfTen(-250);
        for (int i = 0; i < n; i++) {
            BigDecimal gi = new BigDecimal(r[i]).multiply(scale);
            gSum = gSum.add(gi);
            for (int l = 0; l < n; l++) {
                BigDecimal gl = new BigDecimal(r[l]).multiply(scale);
                BigDecimal sil = BigDecimal.ZERO;
                for (int j = 0; j < m; j++) {
                    sil = sil.add(new BigDecimal(d[j][i]).multiply(new BigDecimal(d[j][l])));
                }
                normSq = normSq.add(gi.multiply(gl).multiply(new BigDecimal(y[i] * y[l])).multiply(sil)
                        .multiply(new BigDecimal(k[i][l])));
            }
        }
        double expected = normSq.sqrt(MC).divide(gSum, MC).doubleValue();
        double got = Diagnostics.gradientRatios(logG, y, d, k)[0];
        assertEquals(expected, got, 1e-9 * expected);
        assertTrue(expected > 0.01, "a real gradient, not an underflow: " + expected);

        // what a direct double computation gives: every product g_i g_l is 0
        double direct = 0;
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < n; l++) {
                direct += r[i] * 1e-250 * r[l] * 1e-250 * k[i][l];
            }
        }
        assertEquals(0.0, direct, 0.0, "the failure this guards against");
    }

    @Test
    void lossRatioAtALossOf1eMinus250IsExactAndItsLogStaysFiniteBeyondDoublePrecision() {
        // logistic g(z) = 1/(1 + e^z): for z >= 500, g_i / g_j = e^(z_j − z_i) (1 + e^-z_j) / (1 + e^-z_i), and the
        // last factor is 1 to within 1e-217, so log(max g / min g) = max z − min z exactly at double precision
        LogisticLoss loss = new LogisticLoss();
        double[] z = {575.0, 575.5, 580.25, 590.0, 600.125};
        boolean[] flipped = {false, true, false, true, false};
        double[] logG = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            logG[i] = loss.logG(z[i]);
        }
        assertEquals(Math.log(loss.g(575.0)), logG[0], 1e-12 * 575, "g(575) ≈ 1e-250 is still a double");
        double[] lr = Diagnostics.logLossRatios(logG, flipped);
        assertEquals(25.125, lr[0], 1e-9 * 25.125);
        assertEquals(Math.exp(25.125), Math.exp(lr[0]), 1e-9 * Math.exp(25.125));
        assertEquals(600.125 - 575.0, lr[1], 1e-9 * 25.125, "clean points 0, 2, 4");
        assertEquals(14.5, lr[2], 1e-9 * 14.5, "noisy points 1, 3");

        // a margin of 6088.5: g = e^-6088.5 is 0 in double, but its log is exact and the ratio's log finite
        double[] far = {loss.logG(600.0), loss.logG(6088.5)};
        assertEquals(0.0, loss.g(6088.5), 0.0);
        double[] lf = Diagnostics.logLossRatios(far, new boolean[2]);
        assertEquals(5488.5, lf[0], 1e-9 * 5488.5);
        assertEquals(Double.POSITIVE_INFINITY, Math.exp(lf[0]), "the ratio itself is beyond double precision");
    }

    @Test
    void logTrainLossStaysFiniteWhereTheLossRoundsToZero() {
        LogisticLoss loss = new LogisticLoss();
        // margins 800 and 900: ℓ = e^-800 and e^-900 (to 1e-348) are 0 in double, the mean loss too
        assertEquals(0.0, loss.value(800.0), 0.0);
        double[] logs = {loss.logValue(800.0), loss.logValue(900.0)};
        // exact: log((e^-800 + e^-900)/2) = -800 + log1p(e^-100) - log 2
        double exact = -800.0 + Math.log1p(Math.exp(-100.0)) - Math.log(2.0);
        assertEquals(exact, Diagnostics.logMean(logs), 1e-12 * 800);
        // where the loss is a double, the log of the plain mean
        double[] z = {-3.0, 0.0, 2.5, 30.0, 700.0};
        double[] logZ = new double[z.length];
        double mean = 0.0;
        for (int i = 0; i < z.length; i++) {
            logZ[i] = loss.logValue(z[i]);
            mean += loss.value(z[i]) / z.length;
        }
        assertEquals(Math.log(mean), Diagnostics.logMean(logZ), 1e-12 * Math.abs(Math.log(mean)));
        // a margin of 1e6: e^-1e6 is far below any double, its log exact
        assertEquals(-1e6, Diagnostics.logMean(new double[] {loss.logValue(1e6)}), 0.0);
        assertTrue(Double.isNaN(Diagnostics.logMean(new double[] {-1.0, Double.NaN})), "a NaN output: NaN");
        assertEquals(Double.NEGATIVE_INFINITY, Diagnostics.logMean(new double[] {Double.NEGATIVE_INFINITY}),
                "a loss that is truly 0 (hinge beyond its margin)");
    }

    @Test
    void emptySubsetsAndAllZeroGAreUndefinedNotZero() {
        double[] lr = Diagnostics.logLossRatios(new double[] {-3.0, -1.0}, new boolean[] {false, false});
        assertEquals(2.0, lr[0], 0.0);
        assertTrue(Double.isNaN(lr[2]), "no noisy point");
        double[] zeros = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        assertTrue(Double.isNaN(Diagnostics.logLossRatios(zeros, new boolean[2])[0]), "0 / 0");
        double[][] d = {{1, 1}};
        double[][] k = {{1, 0}, {0, 1}};
        assertTrue(Double.isNaN(Diagnostics.gradientRatios(zeros, new double[] {1, -1}, d, k)[0]), "Ĝ = 0");
    }
}
