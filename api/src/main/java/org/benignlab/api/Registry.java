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
            checkProvider(point, p);
            P previous = map.putIfAbsent(p.type(), p);
            if (previous != null) {
                throw new IllegalStateException("two " + point.title() + " providers declare type '" + p.type()
                        + "': " + previous.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return new Registry<>(point, map);
    }

    /** How a type key is written: what YAML, folder names and messages can carry unchanged. */
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /**
     * Refuses a provider whose {@code type()} is not a key (null, blank, odd characters, or it throws), or
     * whose spec record has a component named {@code type} (in YAML that name is the plugin key, so the
     * component would silently receive it); the message names the class and the jar it came from.
     */
    private static void checkProvider(ExtensionPoint point, Provider<?, ?> p) {
        String type;
        try {
            type = p.type();
        } catch (RuntimeException e) {
            throw new IllegalStateException(point.title() + " provider " + origin(p) + ": type() threw " + e);
        }
        if (type == null || !KEY.matcher(type).matches()) {
            throw new IllegalStateException(point.title() + " provider " + origin(p) + ": type() must return a key of "
                    + "1-64 letters, digits, '.', '_' or '-', starting with a letter or digit, got "
                    + (type == null ? "null" : Specs.show(type)));
        }
        Class<?> spec;
        try {
            spec = p.specType();
        } catch (RuntimeException e) {
            throw new IllegalStateException(point.title() + " provider " + origin(p) + ": specType() threw " + e);
        }
        if (spec == null || !spec.isRecord()) {
            throw new IllegalStateException(point.title() + " provider " + origin(p) + ": specType() must return a "
                    + "record class, got " + (spec == null ? "null" : spec.getName()));
        }
        for (java.lang.reflect.RecordComponent c : spec.getRecordComponents()) {
            if (c.getName().equals("type")) {
                throw new IllegalStateException(point.title() + " provider " + origin(p) + ": its spec record "
                        + spec.getName() + " has a component named 'type', which in YAML is the plugin key; rename it");
            }
        }
    }

    /** A provider's class and where it was loaded from (its jar), for messages. */
    private static String origin(Provider<?, ?> p) {
        String where;
        try {
            var source = p.getClass().getProtectionDomain().getCodeSource();
            where = source == null || source.getLocation() == null ? "the class path" : source.getLocation().getPath();
        } catch (SecurityException e) {
            where = "an unknown location";
        }
        return p.getClass().getName() + " (from " + where + ")";
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
