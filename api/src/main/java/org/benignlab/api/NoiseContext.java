package org.benignlab.api;

import java.util.Objects;
import java.util.function.IntFunction;

/**
 * What a label-noise model may look at.
 *
 * <p>{@code uniforms} are the model's standard draws: U_i uniform on [0, 1), one per point, each the first draw of
 * point i's own substream of the {@code noise} stream, so U_i is the same whatever the number of points, the
 * noise rate or the model's other parameters. A model that decides with them (flip when U_i &lt; η, or flip the K
 * points with the smallest U_i) gives flip sets nested across η, and a sweep over its rate compares in pairs.
 *
 * @param cleanLabels     ỹ_i in {-1, +1}
 * @param meanProjections &lt;x_i, μ&gt;
 * @param features        x_i by index, or {@code null} when the data has no explicit vectors
 * @param uniforms        U_i in [0, 1), one per point
 */
public record NoiseContext(double[] cleanLabels, double[] meanProjections, IntFunction<double[]> features,
                           double[] uniforms) {
    public NoiseContext {
        Objects.requireNonNull(cleanLabels, "cleanLabels");
        Objects.requireNonNull(meanProjections, "meanProjections");
        Objects.requireNonNull(uniforms, "uniforms");
        if (cleanLabels.length != meanProjections.length || cleanLabels.length != uniforms.length) {
            throw new IllegalArgumentException("cleanLabels, meanProjections and uniforms differ in length: "
                    + cleanLabels.length + ", " + meanProjections.length + ", " + uniforms.length);
        }
    }

    /** Number of points. */
    public int size() {
        return cleanLabels.length;
    }
}
