package org.benignlab.testkit;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.Provider;

import static org.benignlab.testkit.ActivationContract.fail;

/**
 * The contract of a {@link Provider} itself, from its Javadoc: the type key is lower-case words
 * joined by hyphens; the spec is a record whose components are boxed {@code Double},
 * {@code Integer}, {@code Long}, {@code Boolean} or {@code String}; the example spec is valid and
 * survives a round trip through the canonical constructor (the framework binds YAML values onto the
 * components by name and constructs the record again); a spec with every value left out
 * ({@code null}) either fills in defaults or throws {@link InvalidSpecException} naming a component,
 * never a {@code NullPointerException}; a description is given; property keys are snake_case words
 * or single symbols that keep the paper's case ({@code H}, {@code gamma}), values non-blank.
 */
public final class ProviderContract {

    private static final Pattern TYPE_KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** snake_case words, or a paper symbol that keeps its case ({@code H}). */
    private static final Pattern PROPERTY_KEY = Pattern.compile("[a-z][a-z0-9_]*|[A-Za-z][A-Za-z0-9]*");
    private static final Set<Class<?>> COMPONENT_TYPES =
            Set.of(Double.class, Integer.class, Long.class, Boolean.class, String.class);

    /** A {@code List<Double>}, {@code List<Integer>} or {@code List<String>} component (what the binder reads). */
    private static boolean isListOfScalars(RecordComponent c) {
        return c.getType() == java.util.List.class
                && c.getGenericType() instanceof java.lang.reflect.ParameterizedType pt
                && pt.getActualTypeArguments().length == 1
                && Set.of(Double.class, Integer.class, String.class).contains(pt.getActualTypeArguments()[0]);
    }

    private ProviderContract() {
    }

    /** {@link #check(Provider)} and that the provider implements {@code point}'s provider interface. */
    public static Optional<String> check(ExtensionPoint point, Provider<?, ?> p) {
        if (!point.providerType().isInstance(p)) {
            return fail("%s does not implement %s", p.getClass().getName(), point.providerType().getName());
        }
        return check(p);
    }

    /**
     * Checks everything in the class comment.
     *
     * @param p the provider (not modified)
     * @return empty when the provider passes; otherwise the counterexample
     */
    public static Optional<String> check(Provider<?, ?> p) {
        String type = p.type();
        if (type == null || !TYPE_KEY.matcher(type).matches()) {
            return fail("type key %s is not lower-case words joined by hyphens", quote(type));
        }
        Class<?> specType = p.specType();
        if (specType == null || !specType.isRecord()) {
            return fail("'%s': specType() %s is not a record class", type, specType);
        }
        RecordComponent[] components = specType.getRecordComponents();
        // a component is named by its own name or by the snake_case YAML key it is bound from (rateMinus: rate_minus)
        Set<String> names = Arrays.stream(components).map(RecordComponent::getName)
                .flatMap(n -> java.util.stream.Stream.of(n, yamlKey(n))).collect(Collectors.toSet());
        for (RecordComponent c : components) {
            if (!COMPONENT_TYPES.contains(c.getType()) && !isListOfScalars(c)) {
                return fail("'%s': spec component %s has type %s; allowed: Double, Integer, Long, Boolean, String "
                        + "(boxed, so that null means not given), or a List of Double, Integer or String", type,
                        c.getName(), c.getType().getSimpleName());
            }
        }
        Record example = p.exampleSpec();
        if (example == null || !specType.isInstance(example)) {
            return fail("'%s': exampleSpec() returned %s, not a %s", type, example, specType.getSimpleName());
        }
        Constructor<?> canonical;
        try {
            canonical = specType.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return fail("'%s': cannot reach the canonical constructor of %s: %s", type, specType.getName(), e);
        }
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                components[i].getAccessor().setAccessible(true);
                values[i] = components[i].getAccessor().invoke(example);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return fail("'%s': cannot read the example spec's components: %s", type, e);
        }
        try {
            Object again = canonical.newInstance(values);
            if (!again.equals(example)) {
                return fail("'%s': rebuilding the example spec from its own values gives %s, not %s", type, again,
                        example);
            }
        } catch (InvocationTargetException e) {
            return fail("'%s': the example spec %s does not validate when rebuilt from its values: %s", type, example,
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            return fail("'%s': cannot construct %s: %s", type, specType.getName(), e);
        }
        try {
            canonical.newInstance(new Object[components.length]);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof InvalidSpecException ise)) {
                return fail("'%s': a spec with every value left out (null) threw %s instead of filling defaults or "
                        + "throwing InvalidSpecException", type, cause);
            }
            String field = ise.path().split("\\.", 2)[0];
            if (!names.contains(field)) {
                return fail("'%s': a spec with every value left out threw InvalidSpecException with path '%s', which "
                        + "names no component of %s", type, ise.path(), specType.getSimpleName());
            }
        } catch (ReflectiveOperationException e) {
            return fail("'%s': cannot construct %s: %s", type, specType.getName(), e);
        }
        String description = p.description();
        if (description == null || description.isBlank()) {
            return fail("'%s': description() is empty", type);
        }
        Map<String, String> properties = p.properties();
        if (properties == null) {
            return fail("'%s': properties() returned null", type);
        }
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (!(PROPERTY_KEY.matcher(e.getKey()).matches() || names.contains(e.getKey()))) {
                return fail("'%s': property key %s is neither snake_case, a symbol nor a spec component", type,
                        quote(e.getKey()));
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                return fail("'%s': property %s has no value", type, e.getKey());
            }
        }
        Object instance = Providers.create(p, example);
        if (instance == null) {
            return fail("'%s': create(exampleSpec()) returned null", type);
        }
        return Optional.empty();
    }

    /** The YAML key the framework binds a component from: {@code stopLoss} from {@code stop_loss}. */
    static String yamlKey(String componentName) {
        String snake = componentName.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        return snake.equals(componentName) ? componentName : snake.toLowerCase(java.util.Locale.ROOT);
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
