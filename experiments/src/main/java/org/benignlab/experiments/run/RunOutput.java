package org.benignlab.experiments.run;

import java.util.Map;

/**
 * Everything one finished run leaves in its folder, held in memory until the result store commits
 * it: an executor can run the training anywhere and hand this back.
 *
 * @param plan       the run's plan (its config.yaml is {@link RunPlan#resolved()})
 * @param summary    summary.json, written last
 * @param provenance provenance.json
 * @param metricsCsv metrics.csv (long format step,metric,value with its header)
 */
public record RunOutput(RunPlan plan, Map<String, Object> summary, Map<String, Object> provenance, String metricsCsv) {

    /** The status word of the summary: completed, diverged or failed. */
    public String status() {
        return String.valueOf(summary.get("status"));
    }
}
