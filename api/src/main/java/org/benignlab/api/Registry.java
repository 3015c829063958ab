package org.benignlab.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The providers of one extension point found by {@link ServiceLoader}, sorted by type key.
 * Two providers with the same key are an error naming both classes; an unknown key is an error
 * listing the known ones (after Trino's PluginManager).
 *
 * @param <P> the provider interface
 */
public final class Registry<P extends Provider<?, ?>> {
    private final ExtensionPoint point;
    private final Map<String, P> byKey;

    private Registry(ExtensionPoint point, Map<String, P> byKey) {
        this.point = point;
        this.byKey = Collections.unmodifiableMap(byKey);
    }

    /** Loads the providers of {@code point} visible from {@code loader}. */
    public static Registry<Provider<?, ?>> load(ExtensionPoint point, ClassLoader loader) {
        List<Provider<?, ?>> found = new ArrayList<>();
        for (Object o : ServiceLoader.load(point.providerType(), loader)) {
            found.add((Provider<?, ?>) o);
        }
        return of(point, found);
    }

    /** A registry of the given providers (for tests and for embedding). */
    public static <P extends Provider<?, ?>> Registry<P> of(ExtensionPoint point, List<P> providers) {
        Map<String, P> map = new TreeMap<>();
        for (P p : providers) {
            P previous = map.putIfAbsent(p.type(), p);
            if (previous != null) {
                throw new IllegalStateException("two " + point.title() + " providers declare type '" + p.type()
                        + "': " + previous.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return new Registry<>(point, map);
    }

    /** The extension point. */
    public ExtensionPoint point() {
        return point;
    }

    /** Providers sorted by key. */
    public List<P> providers() {
        return List.copyOf(byKey.values());
    }

    /** Known keys, sorted. */
    public List<String> keys() {
        return List.copyOf(byKey.keySet());
    }

    /**
     * The provider for {@code key}.
     *
     * @throws InvalidSpecException with path {@code type} when no provider has that key
     */
    public P get(String key) {
        P p = byKey.get(key);
        if (p == null) {
            throw new InvalidSpecException("type", "unknown " + point.title() + " type " + Specs.show(key)
                    + "; known: " + String.join(", ", byKey.keySet()));
        }
        return p;
    }
}
