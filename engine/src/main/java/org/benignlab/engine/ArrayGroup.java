package org.benignlab.engine;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.benignlab.api.RunOptions;

/**
 * The groups of arrays an engine can save ({@link ArrayOutput}); the YAML words of {@code training.save}.
 * Which arrays each group holds for each engine: {@link EngineKind#savedArrays}.
 */
public enum ArrayGroup {
    /** The training data: points (explicit data only), observed and clean labels, flips, μ, Gram matrix K. */
    DATA,
    /** The initialisation: second layer a, W0 (explicit data only), Z0 = X W0^T. */
    INIT,
    /** The end of training: W (explicit data), B (span and sketch), the final pre-activations Z. */
    FINAL;

    /** The YAML word: {@code data}, {@code init} or {@code final} ({@link RunOptions#SAVE_GROUPS}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The groups of these YAML words ({@code training.save}). */
    public static Set<ArrayGroup> setOf(Collection<String> words) {
        Set<ArrayGroup> out = EnumSet.noneOf(ArrayGroup.class);
        for (String w : words) {
            out.add(valueOf(w.toUpperCase(Locale.ROOT)));
        }
        return out;
    }
}
