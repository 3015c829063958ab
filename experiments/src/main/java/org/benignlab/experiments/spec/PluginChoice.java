package org.benignlab.experiments.spec;

import java.util.Objects;
import org.benignlab.api.Provider;

/**
 * A plugin chosen in YAML: its provider and its validated spec record.
 *
 * @param provider  the provider whose {@code type()} the YAML named
 * @param spec      the provider's spec record, bound from the YAML block
 * @param reduction for a loss ({@code training.loss.reduction}, a key of every loss block): {@link #SUM} when the
 *                  training objective is Σ_i ℓ(y_i f(x_i)); null for the mean (1/n) Σ_i ℓ (the default, and every
 *                  other extension point), so that a file that does not write it keeps its run key
 */
public record PluginChoice(Provider<?, ?> provider, Record spec, String reduction) {
    /** The YAML key of a loss block's reduction. */
    public static final String REDUCTION = "reduction";
    /** The reduction that sums the per-point losses. */
    public static final String SUM = "sum";
    /** The reductions {@code training.loss.reduction} allows. */
    public static final java.util.List<String> REDUCTIONS = java.util.List.of("mean", SUM);

    public PluginChoice {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(spec, "spec");
        if (!provider.specType().isInstance(spec)) {
            throw new IllegalArgumentException("spec " + spec.getClass().getName() + " is not a "
                    + provider.specType().getName());
        }
        if (reduction != null && !reduction.equals(SUM)) {
            throw new IllegalArgumentException("reduction: null (mean) or " + SUM + ", got " + reduction);
        }
    }

    /** A plugin with no reduction (or a loss with the mean). */
    public PluginChoice(Provider<?, ?> provider, Record spec) {
        this(provider, spec, null);
    }

    /** Whether this loss is summed over the training points rather than averaged. */
    public boolean summed() {
        return SUM.equals(reduction);
    }

    /** The type key. */
    public String type() {
        return provider.type();
    }

    /** A new instance for the run {@code context} from the provider, cast to the extension point's type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> T create(Class<T> kind, org.benignlab.api.RunContext context) {
        Object made = ((Provider) provider).create(spec, context);
        return kind.cast(made);
    }

    /** A new instance from the provider, cast to the extension point's type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> T create(Class<T> kind) {
        Object made = ((Provider) provider).create(spec);
        return kind.cast(made);
    }
}
