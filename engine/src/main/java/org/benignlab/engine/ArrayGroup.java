package org.benignlab.engine;

import java.util.Locale;

/**
 * The groups of arrays an engine can save ({@link ArrayOutput}); the YAML words of {@code training.save}.
 * Which arrays each group holds for each engine: {@link ArrayOutput#plan}.
 */
public enum ArrayGroup {
    /** The training data: points (explicit data only), observed and clean labels, flips, μ, Gram matrix K. */
    DATA,
    /** The initialisation: second layer a, W0 (explicit data only), Z0 = X W0^T. */
    INIT,
    /** The end of training: W (explicit data), B (span and sketch), the final pre-activations Z. */
    FINAL;

    /** The YAML word: {@code data}, {@code init} or {@code final}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
