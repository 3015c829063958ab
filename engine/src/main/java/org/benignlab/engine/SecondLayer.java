package org.benignlab.engine;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The fixed second layer a of f(x; W) = Σ_j a_j φ(&lt;w_j, x&gt;): a sign pattern and a magnitude. The
 * paper (Section 2.2) draws a_j uniformly from {+1/√m, -1/√m}: {@link #paper(int)}.
 *
 * @param signs  how the signs are chosen
 * @param scale  the magnitude |a_j|, finite and &gt; 0 (the paper: 1/√m)
 * @param sign   the sign of every a_j for {@link Signs#CONSTANT}: -1 or +1 (+1 for the other patterns)
 * @param values the signs a_j / scale for {@link Signs#VALUES}, each -1 or +1, one per hidden unit; empty for the
 *               other patterns
 */
public record SecondLayer(Signs signs, double scale, int sign, List<Integer> values) {

    /** Sign patterns. */
    public enum Signs {
        /** Each sign uniform on ±1, independently: one {@code nextBoolean()} per unit (the paper). */
        RANDOM,
        /** +, -, +, -, ... (no draw). */
        ALTERNATING,
        /** ⌈m/2⌉ plus and ⌊m/2⌋ minus signs in a uniformly random order (Fisher-Yates, m - 1 draws). */
        BALANCED,
        /** All {@code sign} (+1 or -1; no draw): every hidden unit pushes the same way. */
        CONSTANT,
        /** The given {@code values}, one per hidden unit (no draw). */
        VALUES;

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
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("SecondLayer.sign: must be -1 or +1, got " + sign);
        }
        if (sign != 1 && signs != Signs.CONSTANT) {
            throw new IllegalArgumentException("SecondLayer.sign: applies to CONSTANT only, got " + signs);
        }
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        if (values.isEmpty() == (signs == Signs.VALUES)) {
            throw new IllegalArgumentException("SecondLayer.values: given exactly for VALUES, got " + values.size()
                    + " values for " + signs);
        }
        for (int j = 0; j < values.size(); j++) {
            int v = values.get(j);
            if (v != 1 && v != -1) {
                throw new IllegalArgumentException("SecondLayer.values[" + j + "]: must be -1 or +1, got " + v);
            }
        }
    }

    /** A pattern that needs neither a sign nor values ({@code CONSTANT} meaning all +1). */
    public SecondLayer(Signs signs, double scale) {
        this(signs, scale, 1, List.of());
    }

    /** All a_j = sign·scale. */
    public static SecondLayer constant(int sign, double scale) {
        return new SecondLayer(Signs.CONSTANT, scale, sign, List.of());
    }

    /** a_j = values[j]·scale. */
    public static SecondLayer of(List<Integer> values, double scale) {
        return new SecondLayer(Signs.VALUES, scale, 1, values);
    }

    /** The paper's choice: random signs, magnitude 1/√m. */
    public static SecondLayer paper(int m) {
        return new SecondLayer(Signs.RANDOM, 1.0 / Math.sqrt(m));
    }

    /**
     * Draws a.
     *
     * @param m   number of hidden units (for {@code VALUES}: the number of values)
     * @param rng the {@code signs} stream's generator (modified: advanced as documented per pattern)
     * @return a new array of m entries ±scale
     * @throws IllegalArgumentException for {@code VALUES} when m is not the number of values
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
            case CONSTANT -> java.util.Arrays.fill(a, sign * scale);
            case VALUES -> {
                if (values.size() != m) {
                    throw new IllegalArgumentException("SecondLayer.values: has " + values.size()
                            + " entries for " + m + " hidden units");
                }
                for (int j = 0; j < m; j++) {
                    a[j] = values.get(j) * scale;
                }
            }
            default -> throw new IllegalStateException("unknown sign pattern " + signs);
        }
        return a;
    }

    @Override
    public String toString() {
        return "SecondLayer[signs=" + signs.key() + (signs == Signs.CONSTANT ? ", sign=" + sign : "")
                + (signs == Signs.VALUES ? ", " + values.size() + " values" : "") + ", scale=" + scale + "]";
    }
}
