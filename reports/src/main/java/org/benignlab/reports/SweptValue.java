package org.benignlab.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/**
 * The value of one swept path in one run: a number, or text (for example a plugin {@code type} key).
 *
 * @param text   the value as written (numbers as given in the JSON file)
 * @param number the value as a number, or null when it is text
 */
record SweptValue(String text, Double number) {
    boolean numeric() {
        return number != null;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * For people (table cells, legends): a number as {@link Formats#human}, a swept plugin block
     * {@code {"type":"leaky-relu","gamma":0.1}} as {@code leaky-relu (gamma=0.1)}, other text as written.
     */
    String display() {
        if (number != null) {
            return Formats.human(number);
        }
        if (text == null || !text.startsWith("{")) {
            return text;
        }
        try {
            JsonNode block = JSON.readTree(text);
            if (!block.isObject() || !block.path("type").isTextual()) {
                return text;
            }
            StringBuilder sb = new StringBuilder(block.get("type").asText());
            String sep = " (";
            for (Iterator<Map.Entry<String, JsonNode>> it = block.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("type")) {
                    JsonNode v = e.getValue();
                    sb.append(sep).append(e.getKey()).append('=')
                            .append(v.isNumber() ? Formats.human(v.asDouble()) : v.isTextual() ? v.asText() : v.toString());
                    sep = ", ";
                }
            }
            return sep.equals(", ") ? sb.append(')').toString() : sb.toString();
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    /** For summary.csv. */
    String csv() {
        return number != null ? Formats.csv(number) : text;
    }
}
