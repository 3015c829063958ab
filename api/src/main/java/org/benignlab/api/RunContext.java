package org.benignlab.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The resolved parameters of one run, as a plugin's factory sees them ({@link Provider#create(Record, RunContext)}):
 * the sizes, ‖μ‖, and every parameter and var the experiment file resolved. Immutable.
 *
 * @param n          training points
 * @param p          dimension
 * @param m          hidden units (network width)
 * @param testSize   test points
 * @param muNorm     ‖μ‖, or NaN when μ is unknown (data read from files)
 * @param parameters every resolved number by name: {@code n, p, m, mu, eta, gamma, H, step} as far as the file
 *                   sets them, and the file's vars as {@code vars.NAME} (unmodifiable; a copy of the map given)
 */
public record RunContext(int n, int p, int m, int testSize, double muNorm, Map<String, Double> parameters) {

    public RunContext {
        if (n < 1 || p < 1 || m < 1 || testSize < 0) {
            throw new IllegalArgumentException("RunContext: n, p, m must be >= 1 and testSize >= 0, got n = " + n
                    + ", p = " + p + ", m = " + m + ", testSize = " + testSize);
        }
        Objects.requireNonNull(parameters, "parameters");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The label-noise rate η the file sets ({@code data.noise.rate}), or NaN when it sets none. */
    public double eta() {
        return parameter("eta");
    }

    /** The file's var {@code name} ({@code vars: {name: ...}}), or NaN when it has none of that name. */
    public double var(String name) {
        return parameter("vars." + name);
    }

    /** The resolved number {@code name} (a key of {@link #parameters()}), or NaN when absent. */
    public double parameter(String name) {
        Double v = parameters.get(name);
        return v == null ? Double.NaN : v;
    }
}
