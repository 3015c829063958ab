package org.benignlab.experiments.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run as manifest.json lists it: what the result store needs to know about a run, without the
 * plugins that made it (so that results copied from another machine can be merged and reported).
 *
 * @param key        the run key (its folder)
 * @param configKey  the key of its configuration (the same for every repetition)
 * @param repetition repetition index
 * @param swept      the value at each swept path, in sweep order
 * @param config     the resolved configuration
 */
public record PlannedRun(String key, String configKey, int repetition, Map<String, Object> swept,
                         Map<String, Object> config) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The manifest entry. */
    Map<String, Object> toManifest() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("key", key);
        e.put("config_key", configKey);
        e.put("repetition", repetition);
        e.put("swept", swept);
        e.put("config", config);
        return e;
    }

    /** Reads a manifest entry; {@code where} names it in errors. */
    @SuppressWarnings("unchecked")
    static PlannedRun fromManifest(JsonNode e, String where) {
        JsonNode key = e.get("key");
        if (key == null || !key.isTextual() || !key.asText().matches("[0-9a-f]{12}")) {
            throw new org.benignlab.experiments.spec.InputException(where + ": a run without a valid key");
        }
        Map<String, Object> swept = e.has("swept") ? JSON.convertValue(e.get("swept"), LinkedHashMap.class)
                : new LinkedHashMap<>();
        Map<String, Object> config = e.has("config") ? JSON.convertValue(e.get("config"), LinkedHashMap.class)
                : new LinkedHashMap<>();
        return new PlannedRun(key.asText(), e.path("config_key").asText(key.asText()), e.path("repetition").asInt(0),
                Collections.unmodifiableMap(swept), Collections.unmodifiableMap(config));
    }
}
