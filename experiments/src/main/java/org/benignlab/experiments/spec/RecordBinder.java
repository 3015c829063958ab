package org.benignlab.experiments.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.Provider;
import org.benignlab.api.Registry;
import org.benignlab.api.Specs;

/**
 * Binds a YAML mapping onto a spec record by component name: camelCase components are read from
 * snake_case keys ({@code stopLoss} from {@code stop_loss}); names without a lower-to-upper boundary
 * are kept as they are ({@code gamma}, {@code H}). Numbers may be given as expressions
 * ({@link Parameters}). Unknown keys are refused with a "did you mean" suggestion; every error names
 * the full YAML path, the value and what is allowed. Also turns a bound record back into the
 * resolved mapping written to config.yaml ({@link #toMap}).
 */
public final class RecordBinder {
    private final Parameters parameters;
    private final Map<ExtensionPoint, Registry<Provider<?, ?>>> registries;

    public RecordBinder(Parameters parameters, Map<ExtensionPoint, Registry<Provider<?, ?>>> registries) {
        this.parameters = parameters;
        this.registries = registries;
    }

    /** The YAML key of a record component. */
    public static String yamlKey(String componentName) {
        String snake = componentName.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("([A-Z])([A-Z][a-z])", "$1_$2"); // testXSha256 -> test_x_sha256
        return snake.equals(componentName) ? componentName : snake.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Binds {@code node} (a mapping, or null for "not given") found at {@code path} onto {@code type}.
     */
    public <R extends Record> R bind(JsonNode node, Class<R> type, String path) {
        return bind(node, type, path, List.of());
    }

    private <R extends Record> R bind(JsonNode node, Class<R> type, String path, List<String> ignoredKeys) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            node = JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new InputException(label(path) + "must be a mapping of keys to values, got " + show(node));
        }
        RecordComponent[] components = type.getRecordComponents();
        List<String> keys = new ArrayList<>();
        for (RecordComponent c : components) {
            if (!internal(c)) {
                keys.add(yamlKey(c.getName()));
            }
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!keys.contains(key) && !ignoredKeys.contains(key)) {
                throw new InputException(join(path, Specs.echo(key)) + ": unknown key" + suggestion(key, keys)
                        + "; allowed: " + (keys.isEmpty() ? "none" : String.join(", ", keys)));
            }
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            String key = yamlKey(c.getName());
            args[i] = internal(c) ? null : value(node.get(key), c, join(path, key));
        }
        try {
            Constructor<R> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidSpecException ise) {
                throw new InputException(ise.at(path).getMessage(), ise);
            }
            if (cause instanceof InputException ie) {
                throw ie;
            }
            throw new InputException(label(path) + "invalid value: " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct spec record " + type.getName(), e);
        }
    }

    private Object value(JsonNode node, RecordComponent c, String path) {
        Class<?> t = c.getType();
        Plugin plugin = c.getAnnotation(Plugin.class);
        if (plugin != null && t == PluginChoice.class) {
            return plugin(node, plugin, path);
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            if (t.isPrimitive()) {
                throw new InputException(path + ": is required");
            }
            return null;
        }
        if (t == String.class) {
            if (!node.isValueNode()) {
                throw new InputException(path + ": must be a text value, got " + show(node));
            }
            return node.asText();
        }
        if (t == Double.class || t == double.class) {
            return number(node, path);
        }
        if (t == Integer.class || t == int.class) {
            return (int) integer(node, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (t == Long.class || t == long.class) {
            return integer(node, path, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (t == Boolean.class || t == boolean.class) {
            if (!node.isBoolean()) {
                throw new InputException(path + ": must be true or false, got " + show(node));
            }
            return node.booleanValue();
        }
        if (t == List.class && isListOfStrings(c)) {
            return words(node, path);
        }
        if (t == List.class && isListOf(c, Integer.class)) {
            if (!node.isArray()) {
                throw new InputException(path + ": must be a list of integers, e.g. [1, -1], got " + show(node));
            }
            List<Integer> out = new ArrayList<>();
            int i = 0;
            for (JsonNode e : node) {
                out.add((int) integer(e, path + "[" + i++ + "]", Integer.MIN_VALUE, Integer.MAX_VALUE));
            }
            return List.copyOf(out);
        }
        if (t == Map.class && c.getName().equals(Parameters.VARS)) {
            if (!node.isObject()) {
                throw new InputException(path + ": must be a mapping of names to numbers or expressions, got "
                        + show(node));
            }
            Map<String, Double> out = new LinkedHashMap<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                out.put(name, number(node.get(name), join(path, name)));
            }
            return out;
        }
        if (Record.class.isAssignableFrom(t)) {
            @SuppressWarnings("unchecked")
            Class<? extends Record> rt = (Class<? extends Record>) t;
            return bind(node, rt, path);
        }
        throw new IllegalStateException("unsupported spec component type " + t.getName() + " at " + path);
    }

    private static boolean isListOfStrings(RecordComponent c) {
        return isListOf(c, String.class);
    }

    private static boolean isListOf(RecordComponent c, Class<?> element) {
        return c.getGenericType() instanceof java.lang.reflect.ParameterizedType pt
                && pt.getActualTypeArguments().length == 1 && pt.getActualTypeArguments()[0] == element;
    }

    /** A list of scalars as text; a single scalar is a list of one. */
    private static List<String> words(JsonNode node, String path) {
        if (node.isValueNode()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw new InputException(path + ": must be a list of words, e.g. [a, b], got " + show(node));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : node) {
            if (!e.isValueNode() || e.isNull()) {
                throw new InputException(path + ": must be a list of words, e.g. [a, b], got an entry "
                        + (e.isNull() ? "null" : show(e)));
            }
            out.add(e.asText());
        }
        return List.copyOf(out);
    }

    /** Whether a component is filled in by the loader rather than read from YAML ({@link InConfig.When#INTERNAL}). */
    private static boolean internal(RecordComponent c) {
        InConfig in = c.getAnnotation(InConfig.class);
        return in != null && in.value() == InConfig.When.INTERNAL;
    }

    private PluginChoice plugin(JsonNode node, Plugin plugin, String path) {
        if (node != null && !node.isNull() && !node.isObject()) {
            throw new InputException(path + ": must be a mapping with a 'type' key, got " + show(node));
        }
        JsonNode typeNode = node == null ? null : node.get("type");
        String type;
        if (typeNode == null || typeNode.isNull()) {
            type = plugin.defaultType();
        } else if (typeNode.isTextual()) {
            type = typeNode.asText();
        } else {
            throw new InputException(path + ".type: must be a plugin type key, got " + show(typeNode));
        }
        Registry<Provider<?, ?>> registry = registries.get(plugin.value());
        Provider<?, ?> provider;
        try {
            provider = registry.get(type);
        } catch (InvalidSpecException e) {
            throw new InputException(e.at(path).getMessage() + suggestion(type, registry.keys()) + PLUGIN_HINT, e);
        }
        if (plugin.value() != ExtensionPoint.LOSS) {
            return new PluginChoice(provider, bind(node, provider.specType(), path, List.of("type")));
        }
        JsonNode reductionNode = node == null ? null : node.get(PluginChoice.REDUCTION);
        String reduction = null;
        if (reductionNode != null && !reductionNode.isNull()) {
            String given = reductionNode.isValueNode() ? reductionNode.asText() : show(reductionNode);
            if (!reductionNode.isTextual() || !PluginChoice.REDUCTIONS.contains(given)) {
                throw new InputException(path + "." + PluginChoice.REDUCTION + ": must be one of "
                        + String.join(", ", PluginChoice.REDUCTIONS) + ", got " + Specs.show(given));
            }
            reduction = given.equals(PluginChoice.SUM) ? PluginChoice.SUM : null;
        }
        Record spec = bind(node, provider.specType(), path, List.of("type", PluginChoice.REDUCTION));
        return new PluginChoice(provider, spec, reduction);
    }

    private double number(JsonNode node, String path) {
        if (node.isNumber()) {
            double v = node.doubleValue();
            if (!Double.isFinite(v)) {
                throw new InputException(path + ": must be a finite number, got " + node.asText());
            }
            return v;
        }
        if (node.isTextual()) {
            String text = node.asText().trim();
            if (text.equalsIgnoreCase(".nan") || text.equalsIgnoreCase(".inf") || text.equalsIgnoreCase("-.inf")) {
                throw new InputException(path + ": must be a finite number, got " + text);
            }
            return parameters.valueAt(text, path);
        }
        throw new InputException(path + ": must be a number or an expression, got " + show(node));
    }

    /** Integers beyond this magnitude are not all exact as doubles (2^53). */
    private static final double EXACT_DOUBLE = 9007199254740992.0;

    /**
     * An integer: written with digits it is read exactly (a seed of 9007199254740993 stays that), out of
     * [min, max] it is refused; written as an expression or a number with a fraction or exponent it is
     * evaluated as a double, and refused beyond 2^53, where a double cannot tell neighbours apart.
     */
    private long integer(JsonNode node, String path, long min, long max) {
        java.math.BigInteger exact = null;
        if (node.isIntegralNumber()) {
            exact = node.bigIntegerValue();
        } else if (node.isTextual() && node.asText().strip().matches("[+-]?[0-9]+")) {
            exact = new java.math.BigInteger(node.asText().strip());
        }
        if (exact != null) {
            if (exact.compareTo(java.math.BigInteger.valueOf(min)) < 0
                    || exact.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
                throw new InputException(path + ": must be an integer between " + min + " and " + max + ", got "
                        + Specs.echo(exact.toString()));
            }
            return exact.longValueExact();
        }
        double v = number(node, path);
        if (Math.abs(v) > EXACT_DOUBLE) {
            throw new InputException(path + ": " + Specs.show(v) + (node.isTextual() ? " (from '"
                    + Specs.echo(node.asText()) + "')" : "") + " is beyond 2^53, where a computed number is not an "
                    + "exact integer; write the integer with its digits");
        }
        double r = Math.rint(v);
        if (Math.abs(v - r) > 1e-9 * Math.max(1.0, Math.abs(v))) {
            throw new InputException(path + ": must be an integer, got " + Specs.show(v)
                    + (node.isTextual() ? " (from '" + Specs.echo(node.asText()) + "')" : ""));
        }
        if (r < min || r > max) {
            throw new InputException(path + ": must be an integer between " + min + " and " + max + ", got "
                    + Specs.show(v));
        }
        return (long) r;
    }

    /**
     * The resolved mapping of a bound record (snake_case keys, plugin blocks with their type first). Components
     * marked {@link InConfig} are left out as it says: never ({@code NEVER}, {@code INTERNAL}) or when null
     * ({@code IF_SET}).
     */
    public static Map<String, Object> toMap(Record r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            InConfig in = c.getAnnotation(InConfig.class);
            if (in != null && in.value() != InConfig.When.IF_SET) {
                continue;
            }
            Object v;
            try {
                var accessor = c.getAccessor();
                accessor.setAccessible(true);
                v = accessor.invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String key = yamlKey(c.getName());
            if (v == null && in != null) {
                continue;
            }
            if (v instanceof PluginChoice pc) {
                Map<String, Object> block = new LinkedHashMap<>();
                block.put("type", pc.type());
                if (pc.reduction() != null) {
                    block.put(PluginChoice.REDUCTION, pc.reduction());
                }
                block.putAll(toMap(pc.spec()));
                out.put(key, block);
            } else if (v instanceof Record nested) {
                out.put(key, toMap(nested));
            } else {
                out.put(key, v);
            }
        }
        return out;
    }

    /** Appended to an unknown plugin key: the key is in no built-in provider and no jar given. */
    static final String PLUGIN_HINT = " (a plugin jar? pass it with --plugins DIR)";

    static String suggestion(String given, List<String> known) {
        LevenshteinDistance lev = LevenshteinDistance.getDefaultInstance();
        return known.stream()
                .min(Comparator.comparingInt((String k) -> lev.apply(given.toLowerCase(java.util.Locale.ROOT),
                        k.toLowerCase(java.util.Locale.ROOT))))
                .filter(k -> lev.apply(given.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT))
                        <= Math.max(2, given.length() / 3))
                .map(k -> "; did you mean '" + k + "'?")
                .orElse("");
    }

    private static String join(String path, String key) {
        return path == null || path.isEmpty() ? key : path + "." + key;
    }

    private static String label(String path) {
        return path == null || path.isEmpty() ? "the file: " : path + ": ";
    }

    static String show(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "'" + Specs.echo(node.asText()) + "'";
        }
        return Specs.echo(node.asText());
    }
}
