package org.benignlab.api;

import java.util.Objects;
import java.util.function.IntFunction;

/**
 * What a label-noise model may look at.
 *
 * @param cleanLabels     ỹ_i in {-1, +1}
 * @param meanProjections &lt;x_i, μ&gt;
 * @param features        x_i by index, or {@code null} when the data has no explicit vectors
 */
public record NoiseContext(double[] cleanLabels, double[] meanProjections, IntFunction<double[]> features) {
    public NoiseContext {
        Objects.requireNonNull(cleanLabels, "cleanLabels");
        Objects.requireNonNull(meanProjections, "meanProjections");
        if (cleanLabels.length != meanProjections.length) {
            throw new IllegalArgumentException("cleanLabels and meanProjections differ in length: "
                    + cleanLabels.length + " vs " + meanProjections.length);
        }
    }

    /** Number of points. */
    public int size() {
        return cleanLabels.length;
    }
}
