package org.benignlab.experiments.spec;

import java.util.Objects;
import org.benignlab.api.Provider;

/**
 * A plugin chosen in YAML: its provider and its validated spec record.
 *
 * @param provider the provider whose {@code type()} the YAML named
 * @param spec     the provider's spec record, bound from the YAML block
 */
public record PluginChoice(Provider<?, ?> provider, Record spec) {
    public PluginChoice {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(spec, "spec");
        if (!provider.specType().isInstance(spec)) {
            throw new IllegalArgumentException("spec " + spec.getClass().getName() + " is not a "
                    + provider.specType().getName());
        }
    }

    /** The type key. */
    public String type() {
        return provider.type();
    }

    /** A new instance from the provider, cast to the extension point's type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> T create(Class<T> kind) {
        Object made = ((Provider) provider).create(spec);
        return kind.cast(made);
    }
}
