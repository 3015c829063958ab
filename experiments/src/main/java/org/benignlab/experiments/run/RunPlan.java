package org.benignlab.experiments.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.benignlab.experiments.spec.ExperimentSpec;
import org.benignlab.experiments.spec.RecordBinder;

/**
 * One planned run: the resolved configuration and its key, a stable hash of that configuration and
 * the repetition index. The key names the run's folder and seeds its random streams.
 *
 * @param spec       the resolved experiment of this run
 * @param repetition repetition index, from 0
 * @param resolved   the resolved configuration as written to config.yaml
 * @param key        12 hex digits of SHA-256 over the canonical JSON of (resolved less its name, repetition)
 */
public record RunPlan(ExperimentSpec spec, int repetition, Map<String, Object> resolved, String key) {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** Plans the run of a spec. */
    public static RunPlan of(ExperimentSpec spec, int repetition) {
        Map<String, Object> resolved = RecordBinder.toMap(spec);
        Map<String, Object> identity = new LinkedHashMap<>(resolved);
        identity.remove("name"); // a label: renaming an experiment does not change its numbers
        Map<String, Object> keyed = new LinkedHashMap<>();
        keyed.put("config", identity);
        keyed.put("repetition", repetition);
        return new RunPlan(spec, repetition, resolved, hash(keyed).substring(0, 12));
    }

    /** SHA-256 (hex) of the canonical JSON of a value: keys sorted, numbers as Jackson writes them. */
    public static String hash(Object value) {
        try {
            byte[] json = CANONICAL.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash configuration", e);
        }
    }
}
