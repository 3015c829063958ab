package org.benignlab.experiments.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import net.objecthunter.exp4j.tokenizer.UnknownFunctionOrVariableException;
import org.benignlab.api.results.RunSchema;

/**
 * The scalar parameters an expression may name (n, p, m, mu, eta, gamma, H, step), each read from its
 * place in the experiment file, the user's own named numbers of the top-level {@code vars:} mapping
 * ({@code vars: {ratio: 2, g: "5/n"}}: each a number or an expression, read from {@code vars.NAME}, so a sweep
 * sets one as {@code sweep.grid.vars.ratio}), and the evaluation of numeric values written as expressions such as
 * {@code "p^0.35"} or {@code "1e-3*step/sqrt(m*p)"} (exp4j syntax: + - * / ^ %, sqrt, log, exp, abs,
 * ..., and the constants pi and e). For data read from files ({@code data.type: file}) n and p are the shape of {@code data.x}, which the
 * loader writes into the tree before this resolves ({@link org.benignlab.experiments.arrays.DataFiles}), and mu
 * is unknown. Parameters may themselves be expressions over other parameters; a cycle, an unknown name, a
 * division by zero or a non-finite result is an {@link InputException} naming the YAML path.
 */
public final class Parameters {

    /** Parameter name -> dotted YAML path where its value lives ({@link RunSchema#PARAMETER_PATHS}). */
    public static final Map<String, String> PATHS = RunSchema.PARAMETER_PATHS;

    /** The top-level key of the user's named numbers. */
    public static final String VARS = "vars";

    /** What a var's name may look like: a letter or '_', then letters, digits or '_'. */
    private static final java.util.regex.Pattern VAR_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final JsonNode root;
    /** Every name an expression may use -> its dotted YAML path: the built-in parameters, then the vars. */
    private final Map<String, String> paths = new LinkedHashMap<>(PATHS);
    private final Map<String, Double> values = new LinkedHashMap<>();
    /** Dotted YAML path -> the value {@link #resolve} computed there, so that binding evaluates nothing twice. */
    private final Map<String, Double> resolvedAt = new java.util.HashMap<>();

    private Parameters(JsonNode root) {
        this.root = root;
        JsonNode vars = root == null ? null : root.get(VARS);
        if (vars == null || vars.isNull()) {
            return;
        }
        if (!vars.isObject()) {
            throw new InputException(VARS + ": must be a mapping of names to numbers or expressions, e.g. "
                    + "{ratio: 2, g: \"5/n\"}, got " + RecordBinder.show(vars));
        }
        for (java.util.Iterator<String> it = vars.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            String path = VARS + "." + org.benignlab.api.Specs.echo(name);
            if (PATHS.containsKey(name)) {
                throw new InputException(path + ": '" + name + "' is a built-in parameter (" + PATHS.get(name)
                        + "); choose another name");
            }
            if (!VAR_NAME.matcher(name).matches()) {
                throw new InputException(path + ": a var's name must be a letter or '_' followed by up to 63 letters, "
                        + "digits or '_'");
            }
            if (name.equals("pi") || name.equals("e") || net.objecthunter.exp4j.function.Functions
                    .getBuiltinFunction(name) != null) {
                throw new InputException(path + ": '" + name + "' is a constant or function of expressions; choose "
                        + "another name");
            }
            paths.put(name, VARS + "." + name);
        }
    }

    /** Resolves every parameter and var the file gives, in dependency order. */
    public static Parameters resolve(JsonNode root) {
        Parameters params = new Parameters(root);
        for (String name : params.paths.keySet()) {
            params.resolve(name, new ArrayDeque<>());
        }
        return params;
    }

    /**
     * The resolved parameters that the file gives (a parameter it leaves out is absent) and its vars, each var
     * under its path {@code vars.NAME}, in the order they were resolved.
     */
    public Map<String, Double> values() {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((name, v) -> out.put(PATHS.containsKey(name) ? name : paths.get(name), v));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The names of the file's vars, in the order it gives them. */
    public List<String> varNames() {
        return paths.keySet().stream().filter(name -> !PATHS.containsKey(name)).toList();
    }

    private void resolve(String name, Deque<String> visiting) {
        if (values.containsKey(name)) {
            return;
        }
        String path = paths.get(name);
        JsonNode node = at(root, path);
        if (node == null || node.isNull()) {
            return;
        }
        if (!(node.isNumber() || node.isTextual())) {
            throw new InputException(path + ": must be a number or an expression, got " + RecordBinder.show(node));
        }
        if (node.isNumber()) {
            values.put(name, node.doubleValue());
            return;
        }
        if (visiting.contains(name)) {
            List<String> cycle = new ArrayList<>();
            boolean in = false;
            for (java.util.Iterator<String> it = visiting.descendingIterator(); it.hasNext(); ) {
                String v = it.next();
                in |= v.equals(name);
                if (in) {
                    cycle.add(paths.get(v));
                }
            }
            cycle.add(path);
            if (cycle.size() == 2) {
                throw new InputException(path + ": expression '" + org.benignlab.api.Specs.echo(node.asText()) + "' refers to itself");
            }
            throw new InputException(path + ": expressions refer to each other in a cycle: "
                    + String.join(" -> ", cycle));
        }
        visiting.push(name);
        Expression e = parse(node.asText(), path);
        for (String dep : e.getVariableNames()) {
            if (paths.containsKey(dep)) { // not a constant of exp4j's (pi, e)
                resolve(dep, visiting);
            }
        }
        visiting.pop();
        double v = evaluate(e, node.asText(), path);
        values.put(name, v);
        resolvedAt.put(path, v);
    }

    /**
     * The value of the expression {@code text} at {@code path}: the one {@link #resolve} computed when the path holds
     * a parameter or a var, else evaluated now over the resolved parameters. The binder reads every expression
     * through this, so each is evaluated once.
     */
    public double valueAt(String text, String path) {
        Double v = resolvedAt.get(path);
        return v != null ? v : evaluate(text, path);
    }

    /** Evaluates {@code text} found at {@code path} over the resolved parameters. */
    public double evaluate(String text, String path) {
        return evaluate(parse(text, path), text, path);
    }

    private double evaluate(Expression e, String text, String path) {
        for (String dep : e.getVariableNames()) {
            if (!paths.containsKey(dep)) {
                continue; // a constant exp4j sets itself: pi, e
            }
            Double v = values.get(dep);
            if (v == null) {
                JsonNode type = at(root, "data.type");
                if (dep.equals("mu") && type != null && type.asText().equals(DataSpec.FILE)) {
                    throw new InputException(path + ": expression '" + org.benignlab.api.Specs.echo(text) + "' uses 'mu', which is unknown for "
                            + "data read from files (data.type: file)");
                }
                throw new InputException(path + ": expression '" + org.benignlab.api.Specs.echo(text) + "' uses '" + dep
                        + "', which this file does not set (set " + paths.get(dep) + ")");
            }
            e.setVariable(dep, v);
        }
        double result;
        try {
            result = e.evaluate();
        } catch (ArithmeticException ex) {
            List<String> used = new ArrayList<>();
            for (String dep : new java.util.TreeSet<>(e.getVariableNames())) {
                if (!paths.containsKey(dep)) {
                    continue;
                }
                used.add(dep + " = " + org.benignlab.api.Specs.show(values.get(dep)));
            }
            throw new InputException(path + ": expression '" + org.benignlab.api.Specs.echo(text) + "' divides by zero"
                    + (used.isEmpty() ? "" : " (" + String.join(", ", used) + ")"));
        } catch (RuntimeException ex) {
            throw new InputException(path + ": cannot evaluate expression '" + org.benignlab.api.Specs.echo(text) + "': " + ex.getMessage());
        }
        if (!Double.isFinite(result)) {
            throw new InputException(path + ": expression '" + org.benignlab.api.Specs.echo(text) + "' evaluates to " + result
                    + "; a finite number is required");
        }
        return result;
    }

    private Expression parse(String text, String path) {
        try {
            Expression e = new ExpressionBuilder(text).variables(paths.keySet()).build();
            net.objecthunter.exp4j.ValidationResult v = e.validate(false);
            if (!v.isValid()) {
                throw new InputException(path + ": '" + org.benignlab.api.Specs.echo(text) + "' is neither a number nor a valid expression ("
                        + lowerFirst(String.join("; ", v.getErrors())) + ")");
            }
            return e;
        } catch (InputException ex) {
            throw ex;
        } catch (UnknownFunctionOrVariableException ex) {
            String name = ex.getToken();
            throw new InputException(path + ": unknown name '" + org.benignlab.api.Specs.echo(name) + "' in expression '" + text
                    + "'; allowed names: " + String.join(", ", paths.keySet())
                    + ", constants pi, e and functions sqrt, log, exp, abs, ...");
        } catch (RuntimeException ex) {
            throw new InputException(path + ": '" + org.benignlab.api.Specs.echo(text) + "' is neither a number nor a valid expression ("
                    + lowerFirst(ex.getMessage()) + ")");
        }
    }

    private static String lowerFirst(String s) {
        if (s == null || s.isEmpty()) {
            return "syntax error";
        }
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return t.substring(0, 1).toLowerCase(Locale.ROOT) + t.substring(1);
    }

    /** The node at a dotted path, or null. */
    static JsonNode at(JsonNode root, String dotted) {
        JsonNode n = root;
        for (String part : dotted.split("\\.")) {
            if (n == null || !n.isObject()) {
                return null;
            }
            n = n.get(part);
        }
        return n;
    }

    /** Built-in names an expression may use (a file's vars add their own). */
    public static Set<String> names() {
        return PATHS.keySet();
    }
}
