package org.benignlab.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * One run of the manifest, with its summary when it finished.
 *
 * @param key         the run key (also its folder name)
 * @param configKey   the configuration key shared by the repetitions of one configuration
 * @param repetition  the repetition index
 * @param swept       the value at each swept path (missing paths are absent)
 * @param config      the resolved configuration from the manifest (an empty object when absent)
 * @param summary     the run's summary.json, or null when the run is unfinished
 * @param metricsFile the run's metrics.csv, or null when there is none
 */
record RunRecord(String key, String configKey, int repetition, Map<String, SweptValue> swept, JsonNode config,
        RunSummary summary, Path metricsFile) {

    boolean finished() {
        return summary != null;
    }

    boolean completed() {
        return summary != null && summary.status() == org.benignlab.api.RunStatus.COMPLETED;
    }
}
