package org.benignlab.api;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link Provider} written in one constructor call: the type key, the spec record class, the factory
 * (usually the implementation's constructor) and the one-sentence description. Everything else is derived:
 *
 * <ul>
 * <li>{@link #specType()} is the record class given;
 * <li>{@link #exampleSpec()} is the record's public static final field {@code EXAMPLE} when it declares one
 * (for a record with a required component, e.g. a step size), otherwise the canonical constructor with every
 * component {@code null}, i.e. the record's defaults;
 * <li>{@link #properties()} are what an instance made from the example spec declares
 * ({@link Declarations#of(Object)}: an activation's γ and H, a cluster's {@link ClusterProperties}, ...),
 * then the notes given with {@link #note(String, String)} (a note replaces a derived value of its key).
 * </ul>
 *
 * <p>The spec record validates; the implementation trusts the values it is given. A provider that depends
 * on the run still overrides {@link #create(Record, RunContext)}. Extending this class is optional: a
 * provider may implement the extension point's interface directly.
 *
 * @param <S> the spec record
 * @param <T> what the provider creates
 */
public abstract class RecordProvider<S extends Record, T> implements Provider<S, T> {
    private final String type;
    private final Class<S> specType;
    private final Function<? super S, ? extends T> factory;
    private final String description;
    private final Map<String, String> notes = new LinkedHashMap<>();

    /**
     * @param type        the YAML {@code type:} key
     * @param specType    the spec record class
     * @param factory     a new instance from a validated spec
     * @param description one sentence for {@code benign plugins} and the docs
     */
    protected RecordProvider(String type, Class<S> specType, Function<? super S, ? extends T> factory,
            String description) {
        this.type = Objects.requireNonNull(type, "type");
        this.specType = Objects.requireNonNull(specType, "specType");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** Adds a declared property the implementation cannot say itself (a caveat, the paper's assumptions). */
    protected final void note(String key, String value) {
        notes.put(key, value);
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final Class<S> specType() {
        return specType;
    }

    @Override
    public S exampleSpec() {
        return example(specType);
    }

    @Override
    public T create(S spec) {
        return factory.apply(spec);
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>(declared(create(exampleSpec())));
        p.putAll(notes);
        return Collections.unmodifiableMap(p);
    }

    /** What an instance declares, as property strings: {@link Declarations#of(Object)} unless overridden. */
    protected Map<String, String> declared(T instance) {
        return Declarations.of(instance);
    }

    /**
     * The example spec of a record class: its public static final field {@code EXAMPLE} of the record's type,
     * or else the canonical constructor with every component {@code null}.
     *
     * @throws IllegalStateException when neither gives a valid spec
     */
    public static <S extends Record> S example(Class<S> specType) {
        try {
            Field f = specType.getField("EXAMPLE");
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == specType) {
                return specType.cast(f.get(null));
            }
        } catch (NoSuchFieldException e) {
            // no declared example: the defaults
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + specType.getName() + ".EXAMPLE: " + e.getMessage(), e);
        }
        RecordComponent[] components = specType.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            return specType.getDeclaredConstructor(types).newInstance(new Object[components.length]);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(specType.getName() + " has no defaults for every component ("
                    + e.getCause().getMessage() + "): declare a public static final " + specType.getSimpleName()
                    + " EXAMPLE", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + specType.getName() + ": " + e.getMessage(), e);
        }
    }
}
