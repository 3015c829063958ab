package org.benignlab.engine;

import java.util.Locale;

/**
 * Which draws an engine makes from the run's streams. Engines of one family make the same draws from the same
 * seeds; engines of different families do not, so a run's stream seeds are keyed by its family.
 */
public enum DrawFamily {
    /** Explicit points and W0, per index ({@link DenseEngine} and {@link SpanEngine}: identical draws). */
    EXPLICIT,
    /** The Gram matrix of the points and W0, one draw for n and m together ({@link SketchEngine}). */
    SKETCH;

    /** The word recorded in provenance.json and hashed into the seeds: {@code explicit} or {@code sketch}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
