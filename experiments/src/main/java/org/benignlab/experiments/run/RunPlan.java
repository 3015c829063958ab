package org.benignlab.experiments.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.benignlab.experiments.spec.ExperimentSpec;
import org.benignlab.experiments.spec.RecordBinder;

/**
 * One planned run: the resolved configuration and its key, a stable hash of that configuration and
 * the repetition index. The key names the run's folder; the random streams are seeded from the entries of the
 * configuration that determine their draws ({@link Seeds}), so a run keeps its numbers whatever else the sweep
 * contains and in whatever order it runs, and runs that differ only in how they train share their draws.
 *
 * @param spec       the resolved experiment of this run
 * @param repetition repetition index, from 0
 * @param resolved   the resolved configuration as written to config.yaml
 * @param key        12 hex digits of SHA-256 over the canonical JSON of (resolved less its name, repetition)
 * @param configKey  12 hex digits of SHA-256 over the canonical JSON of the resolved configuration less
 *                   its name: the same for every repetition of a configuration
 * @param swept      the resolved value at each swept path (empty for a single run), in sweep order
 * @param parameters the resolved expression parameters (n, p, m, mu, ...) the file sets
 */
public record RunPlan(ExperimentSpec spec, int repetition, Map<String, Object> resolved, String key, String configKey,
                      Map<String, Object> swept, Map<String, Double> parameters) {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** Plans a run of a spec that is not part of a sweep. */
    public static RunPlan of(ExperimentSpec spec, int repetition) {
        return of(spec, repetition, List.of(), Map.of());
    }

    /** Plans a run of a spec whose {@code sweptPaths} were set by a sweep. */
    public static RunPlan of(ExperimentSpec spec, int repetition, List<String> sweptPaths,
                             Map<String, Double> parameters) {
        Map<String, Object> resolved = RecordBinder.toMap(spec);
        Map<String, Object> identity = new LinkedHashMap<>(resolved);
        identity.remove("name"); // a label: renaming an experiment does not change its numbers
        Map<String, Object> keyed = new LinkedHashMap<>();
        keyed.put("config", identity);
        keyed.put("repetition", repetition);
        Map<String, Object> swept = new LinkedHashMap<>();
        for (String path : sweptPaths) {
            swept.put(path, valueAt(resolved, path));
        }
        return new RunPlan(spec, repetition, resolved, hash(keyed).substring(0, 12), hash(identity).substring(0, 12),
                Collections.unmodifiableMap(swept), Collections.unmodifiableMap(new LinkedHashMap<>(parameters)));
    }

    /** The run as manifest.json lists it. */
    public org.benignlab.experiments.results.PlannedRun entry() {
        return new org.benignlab.experiments.results.PlannedRun(key, configKey, repetition, swept, resolved);
    }

    /** The value at a dotted path of a resolved configuration (null when absent). */
    static Object valueAt(Map<String, Object> resolved, String path) {
        Object v = resolved;
        for (String part : path.split("\\.")) {
            if (!(v instanceof Map<?, ?> m)) {
                return null;
            }
            v = m.get(part);
        }
        return v;
    }

    /** SHA-256 (hex) of the canonical JSON of a value: keys sorted, numbers as Jackson writes them. */
    public static String hash(Object value) {
        try {
            byte[] json = canonicalJson(value).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash configuration", e);
        }
    }

    /** The canonical JSON of a value: map keys sorted, numbers as Jackson writes them. */
    public static String canonicalJson(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write configuration as JSON", e);
        }
    }
}
