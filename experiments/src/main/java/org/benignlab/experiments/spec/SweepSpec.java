package org.benignlab.experiments.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code sweep:} block of an experiment file:
 * <pre>
 * sweep:
 *   grid:                       # cartesian product, in file order (the last path varies fastest)
 *     data.p: [10000, 100000]   # a list of values (numbers, expressions, text or mappings) ...
 *     data.mu: {from: 10, to: 100, steps: 4, scale: log}   # ... or a range (scale log or linear)
 *   zip:                        # paths varied together (equal-length lists); a mapping or a list of them
 *     data.n: [50, 100]
 *     network.width: [20, 40]
 *   repetitions: 3              # runs per configuration, each with its own seeds
 * </pre>
 * Each zip group is one more factor of the product. A range over a path whose value is an integer
 * (n, p, width, steps, ...) is rounded to integers. Values are placed into the file at their dotted
 * path before it is resolved, so they may be expressions over other parameters.
 *
 * @param factors     the factors of the product, in file order (a grid path is a factor of one path)
 * @param repetitions runs per configuration
 */
public record SweepSpec(List<Factor> factors, int repetitions) {
    /** Most runs one sweep may plan. */
    public static final int MAX_RUNS = 100_000;
    /** Most repetitions per configuration. */
    public static final int MAX_REPETITIONS = 10_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("grid", "zip", "repetitions");
    private static final List<String> RANGE_KEYS = List.of("from", "to", "steps", "scale");

    /**
     * One factor of the product: paths that take their values together, and the values (one list
     * per path, all of the same length).
     *
     * @param label  where the factor was given, for messages ({@code sweep.grid.data.p} or {@code sweep.zip})
     * @param paths  dotted YAML paths
     * @param values per path, its values
     */
    public record Factor(String label, List<String> paths, List<List<JsonNode>> values) {
        /** How many values each path takes. */
        public int size() {
            return values.get(0).size();
        }
    }

    /** The sweep of a single run: no factor, one repetition. */
    public static SweepSpec none() {
        return new SweepSpec(List.of(), 1);
    }

    /** Every swept path, in file order. */
    public List<String> paths() {
        List<String> out = new ArrayList<>();
        for (Factor f : factors) {
            out.addAll(f.paths());
        }
        return out;
    }

    /** Number of configurations (the product of the factor sizes). */
    public long configurations() {
        long c = 1;
        for (Factor f : factors) {
            c *= f.size();
        }
        return c;
    }

    /**
     * The configurations as assignments path -> value, in product order (the last factor varies
     * fastest).
     */
    public List<Map<String, JsonNode>> points() {
        List<Map<String, JsonNode>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Factor f : factors) {
            List<Map<String, JsonNode>> next = new ArrayList<>();
            for (Map<String, JsonNode> partial : out) {
                for (int i = 0; i < f.size(); i++) {
                    Map<String, JsonNode> p = new LinkedHashMap<>(partial);
                    for (int k = 0; k < f.paths().size(); k++) {
                        p.put(f.paths().get(k), f.values().get(k).get(i));
                    }
                    next.add(p);
                }
            }
            out = next;
        }
        return out;
    }

    /** Reads the {@code sweep} node (null or missing: no sweep). */
    public static SweepSpec parse(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return none();
        }
        if (!node.isObject()) {
            throw new InputException("sweep: must be a mapping with grid, zip and/or repetitions, got "
                    + RecordBinder.show(node));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new InputException("sweep." + k + ": unknown key" + RecordBinder.suggestion(k, KEYS)
                        + "; allowed: " + String.join(", ", KEYS));
            }
        }
        List<Factor> factors = new ArrayList<>();
        JsonNode grid = node.get("grid");
        if (grid != null && !grid.isNull()) {
            if (!grid.isObject() || grid.isEmpty()) {
                throw new InputException("sweep.grid: must be a mapping of dotted paths to lists of values or "
                        + "ranges, e.g. {data.p: [1000, 10000]}, got " + RecordBinder.show(grid));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = grid.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String label = "sweep.grid." + e.getKey();
                String path = checkPath(e.getKey(), label);
                factors.add(new Factor(label, List.of(path), List.of(values(e.getValue(), path, label))));
            }
        }
        JsonNode zip = node.get("zip");
        if (zip != null && !zip.isNull()) {
            if (zip.isObject()) {
                factors.add(zipGroup(zip, "sweep.zip"));
            } else if (zip.isArray() && !zip.isEmpty()) {
                for (int i = 0; i < zip.size(); i++) {
                    factors.add(zipGroup(zip.get(i), "sweep.zip[" + i + "]"));
                }
            } else {
                throw new InputException("sweep.zip: must be a mapping of dotted paths to equal-length lists "
                        + "(or a list of such mappings), got " + RecordBinder.show(zip));
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Factor f : factors) {
            for (String p : f.paths()) {
                if (!seen.add(p)) {
                    throw new InputException(f.label() + ": path '" + p + "' is swept twice; sweep each path once");
                }
            }
        }
        for (String a : seen) {
            for (String b : seen) {
                if (!a.equals(b) && b.startsWith(a + ".")) {
                    throw new InputException("sweep: paths '" + a + "' and '" + b + "' overlap (one is inside "
                            + "the other); sweep one of them");
                }
            }
        }
        int repetitions = 1;
        JsonNode reps = node.get("repetitions");
        if (reps != null && !reps.isNull()) {
            if (!reps.isIntegralNumber() || reps.asLong() < 1 || reps.asLong() > MAX_REPETITIONS) {
                throw new InputException("sweep.repetitions: must be an integer from 1 to " + MAX_REPETITIONS
                        + ", got " + RecordBinder.show(reps));
            }
            repetitions = reps.asInt();
        }
        SweepSpec s = new SweepSpec(List.copyOf(factors), repetitions);
        if (s.configurations() * repetitions > MAX_RUNS) {
            throw new InputException("sweep: plans " + s.configurations() + " configurations x " + repetitions
                    + " repetitions = " + s.configurations() * repetitions + " runs; at most " + MAX_RUNS
                    + " are allowed in one experiment (split it into several files)");
        }
        return s;
    }

    private static Factor zipGroup(JsonNode group, String label) {
        if (group == null || !group.isObject() || group.isEmpty()) {
            throw new InputException(label + ": must be a mapping of dotted paths to equal-length lists, got "
                    + (group == null ? "nothing" : RecordBinder.show(group)));
        }
        List<String> paths = new ArrayList<>();
        List<List<JsonNode>> values = new ArrayList<>();
        int size = -1;
        String first = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = group.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String l = label + "." + e.getKey();
            String path = checkPath(e.getKey(), l);
            List<JsonNode> v = values(e.getValue(), path, l);
            if (size >= 0 && v.size() != size) {
                throw new InputException(l + ": has " + v.size() + " values but " + label + "." + first + " has "
                        + size + "; paths zipped together need lists of the same length");
            }
            if (size < 0) {
                size = v.size();
                first = e.getKey();
            }
            paths.add(path);
            values.add(v);
        }
        return new Factor(label, List.copyOf(paths), List.copyOf(values));
    }

    private static String checkPath(String path, String label) {
        if (!path.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            throw new InputException(label + ": '" + path + "' is not a dotted path of keys, e.g. data.p");
        }
        String top = path.split("\\.")[0];
        if (path.equals("name") || top.equals("sweep")) {
            throw new InputException(label + ": '" + path + "' cannot be swept (the name labels the whole "
                    + "experiment; the sweep block cannot sweep itself)");
        }
        return path;
    }

    private static List<JsonNode> values(JsonNode node, String path, String label) {
        List<JsonNode> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            if (node.isEmpty()) {
                throw new InputException(label + ": empty list; give at least one value");
            }
            node.forEach(out::add);
            return out;
        }
        if (node != null && node.isObject() && node.has("from")) {
            return range(node, path, label);
        }
        throw new InputException(label + ": must be a list of values, e.g. [1, 2, 3], or a range "
                + "{from: 1, to: 100, steps: 5, scale: log}, got " + (node == null ? "nothing" : RecordBinder.show(node)));
    }

    private static List<JsonNode> range(JsonNode node, String path, String label) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!RANGE_KEYS.contains(k)) {
                throw new InputException(label + "." + k + ": unknown key" + RecordBinder.suggestion(k, RANGE_KEYS)
                        + "; a range has " + String.join(", ", RANGE_KEYS));
            }
        }
        double from = rangeNumber(node.get("from"), label + ".from");
        double to = rangeNumber(node.get("to"), label + ".to");
        JsonNode stepsNode = node.get("steps");
        if (stepsNode == null || !stepsNode.isIntegralNumber() || stepsNode.asLong() < 1
                || stepsNode.asLong() > MAX_RUNS) {
            throw new InputException(label + ".steps: must be an integer from 1 to " + MAX_RUNS + " (number of "
                    + "values), got " + (stepsNode == null ? "nothing" : RecordBinder.show(stepsNode)));
        }
        int steps = stepsNode.asInt();
        JsonNode scaleNode = node.get("scale");
        String scale = scaleNode == null || scaleNode.isNull() ? "linear" : scaleNode.asText();
        if (!scale.equals("linear") && !scale.equals("log")) {
            throw new InputException(label + ".scale: must be log or linear, got " + RecordBinder.show(scaleNode));
        }
        if (steps == 1 && from != to) {
            throw new InputException(label + ".steps: is 1 but from (" + show(from) + ") differs from to ("
                    + show(to) + "); give steps >= 2, or from = to");
        }
        if (scale.equals("log") && (from <= 0 || to <= 0)) {
            throw new InputException(label + ": a log range needs from > 0 and to > 0, got from " + show(from)
                    + ", to " + show(to));
        }
        boolean integer = isIntegerPath(path);
        List<JsonNode> out = new ArrayList<>();
        Set<Double> seen = new LinkedHashSet<>();
        for (int i = 0; i < steps; i++) {
            double t = steps == 1 ? 0.0 : (double) i / (steps - 1);
            double v;
            if (i == 0) {
                v = from;
            } else if (i == steps - 1) {
                v = to;
            } else if (scale.equals("log")) {
                v = Math.exp(Math.log(from) + t * (Math.log(to) - Math.log(from)));
            } else {
                v = from + t * (to - from);
            }
            if (integer) {
                long r = Math.round(v);
                if (!seen.add((double) r)) {
                    throw new InputException(label + ": " + path + " takes integer values and the range gives "
                            + r + " twice after rounding; use fewer steps or a wider range");
                }
                out.add(NODES.numberNode(r));
            } else {
                // 12 significant digits: ranges give the same values on every machine and read well
                out.add(NODES.numberNode(new BigDecimal(v).round(new java.math.MathContext(12)).doubleValue()));
            }
        }
        return out;
    }

    private static double rangeNumber(JsonNode n, String label) {
        if (n == null || !n.isNumber() || !Double.isFinite(n.doubleValue())) {
            throw new InputException(label + ": must be a number, got " + (n == null ? "nothing" : RecordBinder.show(n)));
        }
        return n.doubleValue();
    }

    /** Whether the value at a dotted path of an experiment file is an integer (n, p, width, steps, ...). */
    static boolean isIntegerPath(String path) {
        Class<?> type = ExperimentSpec.class;
        for (String part : path.split("\\.")) {
            if (type == null || !Record.class.isAssignableFrom(type)) {
                return false;
            }
            Class<?> next = null;
            for (RecordComponent c : type.getRecordComponents()) {
                if (RecordBinder.yamlKey(c.getName()).equals(part)) {
                    next = c.getType();
                }
            }
            type = next;
        }
        return type == Integer.class || type == Long.class || type == int.class || type == long.class;
    }

    private static String show(double v) {
        return org.benignlab.api.Specs.show(v);
    }
}
