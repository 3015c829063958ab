package org.benignlab.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;

/**
 * A quantity a figure can put on an axis: a dotted path of the resolved configuration (a swept path, a
 * {@code vars.NAME} entry, or any other numeric entry such as {@code data.n}), or an expression (exp4j syntax)
 * over the run's parameters (the summary's {@code parameters}: n, p, m, mu, eta, ...) and the configuration's
 * vars by name, such as the theory's {@code n*mu^4/p}, {@code mu/p^0.25} or {@code p/n}.
 *
 * @param spec   as given
 * @param label  the axis title
 * @param symbol a short name (legend and captions)
 * @param path   the configuration path, or null for an expression
 * @param values the value per configuration index (NaN where it is not a number)
 */
record FigureAxis(String spec, String label, String symbol, String path, double[] values) {

    /** The theory's derived quantities, in the notation of MODEL.md. */
    static final String SIGNAL = "n*mu^4/p";
    static final String SCALED_MEAN = "mu/p^0.25";
    static final String RATIO = "p/n";

    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+");
    private static final Map<String, String> PRETTY = Map.of(SIGNAL, "n‖μ‖⁴/p", SCALED_MEAN, "‖μ‖/p^¼", RATIO, "p/n",
            "mu", "‖μ‖");

    double value(Configuration c) {
        return values[c.index()];
    }

    /** Distinct finite values, sorted. */
    TreeSet<Double> distinct(List<ConfigStats> stats) {
        TreeSet<Double> out = new TreeSet<>();
        for (ConfigStats s : stats) {
            double v = value(s.config());
            if (Double.isFinite(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** A log axis when every value is positive and they span more than a decade. */
    static boolean logScale(TreeSet<Double> values) {
        return !values.isEmpty() && values.first() > 0 && values.last() / values.first() > 10;
    }

    /**
     * The axis named by {@code spec}.
     *
     * @param where how the option is named in messages ("--x", "report.yaml: x")
     * @throws ReportInputException one line naming {@code where}, the value and what is allowed
     */
    static FigureAxis of(String spec, String where, Experiment exp) {
        String s = spec.trim();
        if (s.isEmpty()) {
            throw new ReportInputException(where + ": empty axis; give a path such as data.n or vars.ratio, or an "
                    + "expression such as " + SIGNAL);
        }
        List<Configuration> cs = exp.configurations();
        double[] v = new double[cs.size()];
        if (PATH.matcher(s).matches()) {
            for (Configuration c : cs) {
                Double x = pathValue(c, s);
                if (x == null) {
                    throw new ReportInputException(where + ": '" + s + "' is not a number in configuration " + c.id()
                            + "; allowed: a numeric path of the configuration (such as data.n or vars.NAME) or an "
                            + "expression over " + String.join(", ", names(exp)));
                }
                v[c.index()] = x;
            }
            return new FigureAxis(s, Labels.axis(s), Labels.symbol(s), s, v);
        }
        String text = s.replaceAll("\\bvars\\.", "");
        Set<String> names = names(exp);
        Expression e;
        try {
            e = new ExpressionBuilder(text).variables(names).build();
        } catch (RuntimeException ex) {
            throw new ReportInputException(where + ": '" + s + "' is not a path or an expression over "
                    + String.join(", ", names) + " (" + ReportInputException.oneLine(String.valueOf(ex.getMessage())) + ")");
        }
        for (Configuration c : cs) {
            Map<String, Double> vars = variables(c);
            for (String n : names) {
                e.setVariable(n, vars.getOrDefault(n, Double.NaN));
            }
            double x;
            try {
                x = e.evaluate();
            } catch (RuntimeException ex) {
                x = Double.NaN; // division by zero and the like: no point for this configuration
            }
            v[c.index()] = x;
        }
        String pretty = PRETTY.getOrDefault(s.replace(" ", ""), s);
        return new FigureAxis(s, pretty, pretty, null, v);
    }

    /** A configuration's value at a path: its swept value, else the first run's resolved configuration. */
    static Double pathValue(Configuration c, String path) {
        SweptValue sv = c.swept().get(path);
        if (sv != null) {
            return sv.number();
        }
        for (RunRecord r : c.runs()) {
            JsonNode n = ResultsReader.at(r.config(), path);
            if (n != null) {
                return n.isNumber() ? n.asDouble() : null;
            }
        }
        return null;
    }

    /** The names an expression may use: every run parameter and var the results record. */
    static Set<String> names(Experiment exp) {
        Set<String> out = new TreeSet<>();
        for (Configuration c : exp.configurations()) {
            out.addAll(variables(c).keySet());
        }
        return out;
    }

    private static Map<String, Double> variables(Configuration c) {
        Map<String, Double> out = new LinkedHashMap<>();
        put(out, "n", c.n());
        put(out, "p", c.p());
        put(out, "m", c.m());
        put(out, "mu", c.mu());
        put(out, "eta", c.eta());
        for (RunRecord r : c.runs()) {
            if (r.finished()) {
                r.summary().parameters().forEach((k, x) -> out.putIfAbsent(k, x));
                break;
            }
        }
        for (RunRecord r : c.runs()) {
            JsonNode vars = ResultsReader.at(r.config(), "vars");
            if (vars != null && vars.isObject()) {
                vars.fields().forEachRemaining(f -> {
                    if (f.getValue().isNumber()) {
                        out.put(f.getKey(), f.getValue().asDouble());
                    }
                });
            }
            break;
        }
        return out;
    }

    private static void put(Map<String, Double> m, String k, Double v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
