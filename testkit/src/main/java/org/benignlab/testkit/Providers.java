package org.benignlab.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.Provider;
import org.benignlab.api.Registry;

/**
 * The providers of an extension point that {@link java.util.ServiceLoader} finds (through
 * {@link Registry}, so sorted by type key, duplicates rejected), and instances created from their
 * example specs. A test that runs a contract over {@code Providers.examples(...)} tests every
 * plugin on the classpath, including ones added later, with no new test code.
 */
public final class Providers {

    private Providers() {
    }

    /**
     * One provider and the instance it created from its {@link Provider#exampleSpec()}.
     *
     * @param type     the provider's type key
     * @param provider the provider
     * @param instance {@code provider.create(provider.exampleSpec())}
     * @param <T>      the extension point's instance type (e.g. {@code Activation})
     */
    public record Example<T>(String type, Provider<?, ?> provider, T instance) {
        public Example {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(instance, "instance");
        }

        /** The type key (what a test report shows for a dynamic test). */
        @Override
        public String toString() {
            return type;
        }
    }

    /** The providers of {@code point} visible from the thread's context class loader, sorted by key. */
    public static List<Provider<?, ?>> of(ExtensionPoint point) {
        return of(point, defaultLoader());
    }

    /** The providers of {@code point} visible from {@code loader}, sorted by key. */
    public static List<Provider<?, ?>> of(ExtensionPoint point, ClassLoader loader) {
        return Registry.load(point, loader).providers();
    }

    /**
     * Every provider of {@code point} (context class loader) with an instance created from its
     * example spec.
     *
     * @param point the extension point
     * @param type  the type the instances must have, e.g. {@code Activation.class}
     * @throws IllegalStateException if a provider creates null or an instance of another type
     */
    public static <T> List<Example<T>> examples(ExtensionPoint point, Class<T> type) {
        return examples(point, type, defaultLoader());
    }

    /** As {@link #examples(ExtensionPoint, Class)}, with providers visible from {@code loader}. */
    public static <T> List<Example<T>> examples(ExtensionPoint point, Class<T> type, ClassLoader loader) {
        List<Example<T>> out = new ArrayList<>();
        for (Provider<?, ?> p : of(point, loader)) {
            Object instance = createExample(p);
            if (!type.isInstance(instance)) {
                throw new IllegalStateException(point.title() + " provider '" + p.type() + "' (" + p.getClass().getName()
                        + ") created " + (instance == null ? "null" : "a " + instance.getClass().getName())
                        + ", expected a " + type.getName());
            }
            out.add(new Example<>(p.type(), p, type.cast(instance)));
        }
        return List.copyOf(out);
    }

    /** {@code provider.create(provider.exampleSpec())}. */
    public static <S extends Record, T> T createExample(Provider<S, T> provider) {
        return provider.create(provider.exampleSpec());
    }

    /**
     * {@code provider.create(spec)} for a provider whose spec type is only known at run time.
     *
     * @throws IllegalArgumentException if {@code spec} is not an instance of the provider's spec type
     */
    public static <S extends Record, T> T create(Provider<S, T> provider, Record spec) {
        Class<S> specType = provider.specType();
        if (!specType.isInstance(spec)) {
            throw new IllegalArgumentException("provider '" + provider.type() + "' takes a " + specType.getName()
                    + ", got " + (spec == null ? "null" : spec.getClass().getName()));
        }
        return provider.create(specType.cast(spec));
    }

    private static ClassLoader defaultLoader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : Providers.class.getClassLoader();
    }
}
