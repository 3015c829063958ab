package org.benignlab.engine;

import java.util.Locale;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The fixed second layer a of f(x; W) = Σ_j a_j φ(&lt;w_j, x&gt;): a sign pattern and a magnitude. The
 * paper (Section 2.2) draws a_j uniformly from {+1/√m, -1/√m}: {@link #paper(int)}.
 *
 * @param signs how the signs are chosen
 * @param scale the magnitude |a_j|, finite and &gt; 0 (the paper: 1/√m)
 */
public record SecondLayer(Signs signs, double scale) {

    /** Sign patterns. */
    public enum Signs {
        /** Each sign uniform on ±1, independently: one {@code nextBoolean()} per unit (the paper). */
        RANDOM,
        /** +, -, +, -, ... (no draw). */
        ALTERNATING,
        /** ⌈m/2⌉ plus and ⌊m/2⌋ minus signs in a uniformly random order (Fisher-Yates, m - 1 draws). */
        BALANCED,
        /** All +1 (no draw): every hidden unit pushes the same way. */
        CONSTANT;

        /** The YAML word. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SecondLayer {
        Objects.requireNonNull(signs, "signs");
        if (!(Double.isFinite(scale) && scale > 0)) {
            throw new IllegalArgumentException("SecondLayer.scale: must be a finite number > 0, got " + scale);
        }
    }

    /** The paper's choice: random signs, magnitude 1/√m. */
    public static SecondLayer paper(int m) {
        return new SecondLayer(Signs.RANDOM, 1.0 / Math.sqrt(m));
    }

    /**
     * Draws a.
     *
     * @param m   number of hidden units
     * @param rng the {@code signs} stream's generator (modified: advanced as documented per pattern)
     * @return a new array of m entries ±scale
     */
    public double[] draw(int m, UniformRandomProvider rng) {
        double[] a = new double[m];
        switch (signs) {
            case RANDOM -> {
                for (int j = 0; j < m; j++) {
                    a[j] = rng.nextBoolean() ? scale : -scale;
                }
            }
            case ALTERNATING -> {
                for (int j = 0; j < m; j++) {
                    a[j] = j % 2 == 0 ? scale : -scale;
                }
            }
            case BALANCED -> {
                for (int j = 0; j < m; j++) {
                    a[j] = j < (m + 1) / 2 ? scale : -scale;
                }
                for (int j = m - 1; j > 0; j--) {
                    int k = rng.nextInt(j + 1);
                    double t = a[j];
                    a[j] = a[k];
                    a[k] = t;
                }
            }
            case CONSTANT -> java.util.Arrays.fill(a, scale);
            default -> throw new IllegalStateException("unknown sign pattern " + signs);
        }
        return a;
    }
}
