package org.benignlab.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.benignlab.api.MetricNames;
import org.benignlab.api.RunStatus;
import org.benignlab.api.results.RunSchema;
import org.benignlab.api.results.RunSchema.Summary;

/**
 * Reads a results folder: manifest.json (the runs, their configuration keys and swept values) and each
 * run's {@code <run_key>/summary.json} (present iff the run finished). runs.csv is not needed. Any
 * malformed file is a {@link ReportInputException} naming the file.
 */
final class ResultsReader {
    private ResultsReader() {
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A run key is also a folder name: no separators, no "..". */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    static Experiment read(Path dir) {
        if (!Files.exists(dir)) {
            throw new ReportInputException(dir + ": no such results folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new ReportInputException(dir + ": not a directory (expected a results folder with manifest.json)");
        }
        Path manifestFile = dir.resolve(RunSchema.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new ReportInputException(manifestFile + ": missing; " + dir + " is not a results folder");
        }
        JsonNode m = readJson(manifestFile);
        if (!m.isObject()) {
            throw fail(manifestFile, "expected a JSON object, got " + kind(m));
        }
        String name = text(manifestFile, m, "name");
        if (name == null || name.isBlank()) {
            name = "unnamed experiment";
        }
        String hash = text(manifestFile, m, "experiment_hash");

        List<String> paths = new ArrayList<>();
        Integer repetitions = null;
        JsonNode sweep = m.get("sweep");
        if (sweep != null && !sweep.isNull()) {
            if (!sweep.isObject()) {
                throw fail(manifestFile, "'sweep' must be an object, got " + kind(sweep));
            }
            JsonNode ps = sweep.get("paths");
            if (ps != null && !ps.isNull()) {
                if (!ps.isArray()) {
                    throw fail(manifestFile, "'sweep.paths' must be an array of strings, got " + kind(ps));
                }
                for (JsonNode p : ps) {
                    if (!p.isTextual() || p.asText().isBlank()) {
                        throw fail(manifestFile, "'sweep.paths' must hold non-empty strings, got " + p);
                    }
                    if (paths.contains(p.asText())) {
                        throw fail(manifestFile, "'sweep.paths' lists '" + p.asText() + "' twice");
                    }
                    paths.add(p.asText());
                }
            }
            JsonNode r = sweep.get("repetitions");
            if (r != null && !r.isNull()) {
                if (!r.canConvertToInt() || !r.isIntegralNumber() || r.asInt() < 1) {
                    throw fail(manifestFile, "'sweep.repetitions' must be a positive integer, got " + r);
                }
                repetitions = r.asInt();
            }
        }

        JsonNode runsNode = m.get("runs");
        if (runsNode == null || !runsNode.isArray() || runsNode.isEmpty()) {
            throw fail(manifestFile, "'runs' must be a non-empty array, got "
                    + (runsNode == null ? "nothing" : kind(runsNode)));
        }
        List<RunRecord> runs = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int i = 0;
        for (JsonNode r : runsNode) {
            String where = "runs[" + i + "]";
            if (!r.isObject()) {
                throw fail(manifestFile, where + " must be an object, got " + kind(r));
            }
            String key = text(manifestFile, r, "key");
            if (key == null || !KEY.matcher(key).matches()) {
                throw fail(manifestFile, where + ".key must be a run key (letters, digits, '.', '_', '-'), got "
                        + r.get("key"));
            }
            if (!keys.add(key)) {
                throw fail(manifestFile, "run key '" + key + "' appears twice");
            }
            String configKey = text(manifestFile, r, "config_key");
            if (configKey == null || configKey.isBlank()) {
                configKey = key;
            }
            int repetition = 0;
            JsonNode rep = r.get("repetition");
            if (rep != null && !rep.isNull()) {
                if (!rep.isIntegralNumber() || !rep.canConvertToInt() || rep.asInt() < 0) {
                    throw fail(manifestFile, where + ".repetition must be a non-negative integer, got " + rep);
                }
                repetition = rep.asInt();
            }
            JsonNode config = r.get("config");
            if (config == null || config.isNull()) {
                config = JsonNodeFactory.instance.objectNode();
            } else if (!config.isObject()) {
                throw fail(manifestFile, where + ".config must be an object, got " + kind(config));
            }
            JsonNode sweptNode = r.get("swept");
            if (sweptNode != null && !sweptNode.isNull() && !sweptNode.isObject()) {
                throw fail(manifestFile, where + ".swept must be an object, got " + kind(sweptNode));
            }
            Map<String, SweptValue> swept = new LinkedHashMap<>();
            for (String path : paths) {
                JsonNode v = sweptNode == null ? null : sweptNode.get(path);
                if (v == null || v.isNull()) {
                    v = at(config, path);
                }
                SweptValue sv = sweptValue(v);
                if (sv != null) {
                    swept.put(path, sv);
                }
            }
            Path runDir = dir.resolve(key);
            Path summaryFile = runDir.resolve(RunSchema.SUMMARY);
            RunSummary summary = Files.isRegularFile(summaryFile) ? readSummary(summaryFile, key, configKey) : null;
            Path metrics = runDir.resolve(RunSchema.METRICS);
            runs.add(new RunRecord(key, configKey, repetition, Collections.unmodifiableMap(swept), config, summary,
                    Files.isRegularFile(metrics) ? metrics : null));
            i++;
        }
        return new Experiment(name, hash, List.copyOf(paths), repetitions, List.copyOf(runs),
                configurations(runs, paths));
    }

    private static List<Configuration> configurations(List<RunRecord> runs, List<String> paths) {
        Map<String, List<RunRecord>> byKey = new LinkedHashMap<>();
        for (RunRecord r : runs) {
            byKey.computeIfAbsent(r.configKey(), k -> new ArrayList<>()).add(r);
        }
        List<Configuration> out = new ArrayList<>();
        for (Map.Entry<String, List<RunRecord>> e : byKey.entrySet()) {
            List<RunRecord> rs = List.copyOf(e.getValue());
            Map<String, SweptValue> swept = new LinkedHashMap<>();
            for (String path : paths) {
                for (RunRecord r : rs) {
                    SweptValue v = r.swept().get(path);
                    if (v != null) {
                        swept.put(path, v);
                        break;
                    }
                }
            }
            Double eta = parameter(rs, RunSchema.ETA, null);
            if (eta == null) {
                eta = rs.stream().filter(RunRecord::finished).map(r -> r.summary().noiseRate())
                        .filter(v -> v != null).findFirst().orElse(null);
            }
            if (eta == null) {
                eta = parameter(rs, null, RunSchema.PARAMETER_PATHS.get(RunSchema.ETA));
            }
            String cluster = rs.stream().filter(RunRecord::finished).map(r -> r.summary().cluster())
                    .filter(v -> v != null).findFirst().orElse(null);
            if (cluster == null) {
                cluster = rs.stream().map(r -> at(r.config(), "data.cluster.type")).filter(v -> v != null && v.isTextual())
                        .map(JsonNode::asText).findFirst().orElse(null);
            }
            Declared declared = rs.stream().filter(RunRecord::finished).map(r -> r.summary().declared())
                    .filter(d -> !d.isEmpty()).findFirst().orElse(Declared.NONE);
            String noiseType = rs.stream().map(r -> at(r.config(), "data.noise.type")).filter(v -> v != null && v.isTextual())
                    .map(JsonNode::asText).findFirst().orElse(null);
            out.add(new Configuration(out.size(), e.getKey(), rs, Collections.unmodifiableMap(swept),
                    parameter(rs, RunSchema.N), parameter(rs, RunSchema.P), parameter(rs, RunSchema.M),
                    parameter(rs, RunSchema.MU), eta, parameter(rs, null, "training.steps"), cluster,
                    declared.withNoiseType(noiseType)));
        }
        return List.copyOf(out);
    }

    /** The first finished run's summary parameter, else the first run's configuration value at a path. */
    /** A named parameter ({@link RunSchema#PARAMETER_PATHS}) of the first run that records or configures it. */
    private static Double parameter(List<RunRecord> runs, String parameter) {
        return parameter(runs, parameter, RunSchema.PARAMETER_PATHS.get(parameter));
    }

    private static Double parameter(List<RunRecord> runs, String parameter, String configPath) {
        if (parameter != null) {
            for (RunRecord r : runs) {
                if (r.finished() && r.summary().parameters().get(parameter) != null) {
                    return r.summary().parameters().get(parameter);
                }
            }
        }
        if (configPath != null) {
            for (RunRecord r : runs) {
                JsonNode v = at(r.config(), configPath);
                if (v != null && v.isNumber()) {
                    return v.asDouble();
                }
            }
        }
        return null;
    }

    /** A run's own value: its summary parameter, else its configuration at a path; null if neither. */
    static Double runParameter(RunRecord r, String parameter, String configPath) {
        if (r.finished() && r.summary().parameters().get(parameter) != null) {
            return r.summary().parameters().get(parameter);
        }
        JsonNode v = at(r.config(), configPath);
        return v != null && v.isNumber() ? v.asDouble() : null;
    }

    /** The node at a dotted path of nested objects, or null. */
    static JsonNode at(JsonNode root, String dotted) {
        JsonNode n = root;
        for (String part : dotted.split("\\.", -1)) {
            if (n == null || !n.isObject()) {
                return null;
            }
            n = n.get(part);
        }
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    private static SweptValue sweptValue(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isNumber()) {
            return new SweptValue(v.asText(), v.asDouble());
        }
        if (v.isValueNode()) {
            return new SweptValue(v.asText(), null);
        }
        return new SweptValue(v.toString(), null);
    }

    static RunSummary readSummary(Path file, String key, String configKey) {
        JsonNode s = readJson(file);
        if (!s.isObject()) {
            throw fail(file, "expected a JSON object, got " + kind(s));
        }
        String runKey = text(file, s, "run_key");
        if (runKey != null && !runKey.equals(key)) {
            throw fail(file, "run_key is '" + runKey + "' but manifest.json lists this folder as run '" + key + "'");
        }
        String ck = text(file, s, "config_key");
        if (ck != null && !ck.equals(configKey)) {
            throw fail(file, "config_key is '" + ck + "' but manifest.json gives '" + configKey + "'");
        }
        String statusText = text(file, s, "status");
        RunStatus status = null;
        for (RunStatus st : RunStatus.values()) {
            if (st.key().equals(statusText)) {
                status = st;
            }
        }
        if (status == null) {
            throw fail(file, "'status' must be one of completed, diverged, failed; got "
                    + (s.get("status") == null ? "nothing" : s.get("status").toString()));
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String metric : MetricNames.ALL) {
            metrics.put(metric, number(file, s, metric, metric));
        }
        for (String metric : MetricNames.DIAGNOSTICS) { // present when the run recorded them
            if (s.has(metric)) {
                metrics.put(metric, number(file, s, metric, metric));
            }
        }
        for (String metric : MetricNames.BASELINES) { // present when the run computed them
            if (s.has(metric)) {
                metrics.put(metric, number(file, s, metric, metric));
            }
        }
        Map<String, Double> parameters = new LinkedHashMap<>();
        JsonNode ps = s.get(Summary.PARAMETERS);
        if (ps != null && !ps.isNull()) {
            if (!ps.isObject()) {
                throw fail(file, "'parameters' must be an object, got " + kind(ps));
            }
            for (String p : RunSchema.RECORDED_PARAMETERS) {
                Double v = number(file, ps, p, "parameters." + p);
                if (v != null) {
                    parameters.put(p, v);
                }
            }
        }
        return new RunSummary(status, text(file, s, Summary.STOP_REASON), number(file, s, Summary.STEPS),
                number(file, s, Summary.DIVERGED_AT_STEP), Collections.unmodifiableMap(metrics),
                number(file, s, Summary.NOISE_RATE), number(file, s, Summary.NOISY_COUNT),
                number(file, s, Summary.N_TEST), text(file, s, Summary.CLUSTER), text(file, s, Summary.ENGINE),
                text(file, s, Summary.ENGINE_REASON), number(file, s, Summary.SECONDS), text(file, s, Summary.MESSAGE),
                Collections.unmodifiableMap(parameters), declared(file, s));
    }

    /** summary.json {@code declared}: {cluster: {...}, activation: {gamma, H}, noise: {type, adversarial}}. */
    private static Declared declared(Path file, JsonNode s) {
        JsonNode d = s.get(Summary.DECLARED);
        if (d == null || d.isNull()) {
            return Declared.NONE;
        }
        if (!d.isObject()) {
            throw fail(file, "'declared' must be an object, got " + kind(d));
        }
        JsonNode c = object(file, d, Summary.DECLARED_CLUSTER);
        JsonNode a = object(file, d, Summary.DECLARED_ACTIVATION);
        JsonNode n = object(file, d, Summary.DECLARED_NOISE);
        return new Declared(number(file, c, "coordinate_variance", "declared.cluster.coordinate_variance"),
                number(file, c, "sub_gaussian_norm", "declared.cluster.sub_gaussian_norm"),
                number(file, c, "strong_log_concavity", "declared.cluster.strong_log_concavity"),
                bool(file, c, "isotropic_gaussian", "declared.cluster.isotropic_gaussian"),
                text(file, n, "type"), bool(file, n, "adversarial", "declared.noise.adversarial"),
                number(file, a, RunSchema.GAMMA, "declared.activation.gamma"),
                number(file, a, RunSchema.H, "declared.activation.H"));
    }

    /** An optional object field (an empty object when absent). */
    private static JsonNode object(Path file, JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!v.isObject()) {
            throw fail(file, "'declared." + field + "' must be an object, got " + kind(v));
        }
        return v;
    }

    /** An optional boolean. */
    private static Boolean bool(Path file, JsonNode obj, String field, String what) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw fail(file, "'" + what + "' must be true or false, got " + abbreviate(v.toString()));
        }
        return v.asBoolean();
    }

    private static JsonNode readJson(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ReportInputException(file + ": cannot be read: " + e.getMessage(), e);
        }
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || n.isMissingNode()) {
                throw fail(file, "empty file, expected a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ReportInputException(file + ": not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ReportInputException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** An optional string field; numbers and booleans are taken as their text, objects are an error. */
    private static String text(Path file, JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw fail(file, "'" + field + "' must be a string, got " + kind(v));
        }
        return v.asText();
    }

    /**
     * An optional number: absent or null gives null; NaN and ±Infinity are accepted as bare tokens or as
     * the strings "NaN", "Infinity", "-Infinity" (how Jackson writes them).
     */
    /** A number field named in errors by its own name. */
    private static Double number(Path file, JsonNode obj, String field) {
        return number(file, obj, field, field);
    }

    private static Double number(Path file, JsonNode obj, String field, String what) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            switch (v.asText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                case "+Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw fail(file, "'" + what + "' must be a number or null, got " + abbreviate(v.toString()));
    }

    private static String kind(JsonNode n) {
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static ReportInputException fail(Path file, String what) {
        return new ReportInputException(file + ": " + what);
    }
}
