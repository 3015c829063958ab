package org.benignlab.distributions;

import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.Specs;

/**
 * Parameters of {@code gaussian-diagonal} (YAML {@code data.cluster}): z ~ N(0, Σ) with Σ diagonal,
 * its spectrum given by a rule over the coordinates j = 0, ..., p-1 (μ lies along coordinate 0).
 *
 * @param spectrum {@code spiked} (default) or {@code power-law}
 * @param k        spiked only: how many coordinates are spiked, an integer &gt;= 1 (default
 *                 {@value #DEFAULT_K}); they are the last k, orthogonal to μ when k &lt; p
 * @param s        spiked only: the variance of a spiked coordinate, &gt; 0 (default {@value #DEFAULT_S});
 *                 the other coordinates have variance 1
 * @param alpha    power-law only: coordinate j has variance (j + 1)^-alpha, alpha finite and &gt;= 0
 *                 (default {@value #DEFAULT_ALPHA})
 */
public record GaussianDiagonalSpec(String spectrum, Integer k, Double s, Double alpha) {
    /** The spiked spectrum. */
    public static final String SPIKED = "spiked";
    /** The power-law spectrum. */
    public static final String POWER_LAW = "power-law";
    /** Default number of spiked coordinates. */
    public static final int DEFAULT_K = 1;
    /** Default variance of a spiked coordinate. */
    public static final double DEFAULT_S = 4.0;
    /** Default power-law exponent. */
    public static final double DEFAULT_ALPHA = 1.0;

    /** Fills in the defaults of the chosen spectrum and validates; a parameter of the other spectrum is an error. */
    public GaussianDiagonalSpec {
        spectrum = Specs.orDefault(spectrum, SPIKED);
        if (spectrum.equals(SPIKED)) {
            k = Specs.atLeast("k", Specs.orDefault(k, DEFAULT_K), 1);
            s = Specs.positive("s", Specs.orDefault(s, DEFAULT_S));
            if (alpha != null) {
                throw InvalidSpecException.of("alpha", alpha, "is used only with spectrum 'power-law'");
            }
        } else if (spectrum.equals(POWER_LAW)) {
            alpha = Specs.nonNegative("alpha", Specs.orDefault(alpha, DEFAULT_ALPHA));
            if (k != null) {
                throw InvalidSpecException.of("k", k, "is used only with spectrum 'spiked'");
            }
            if (s != null) {
                throw InvalidSpecException.of("s", s, "is used only with spectrum 'spiked'");
            }
        } else {
            throw InvalidSpecException.of("spectrum", spectrum, "must be one of spiked, power-law");
        }
    }
}
