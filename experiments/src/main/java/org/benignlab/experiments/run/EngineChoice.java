package org.benignlab.experiments.run;

import org.benignlab.experiments.spec.ExperimentSpec;

/**
 * The engine a run uses and why, as printed in the summary and recorded in provenance.json.
 *
 * @param name   engine name ({@code dense})
 * @param reason one sentence: why this engine
 */
public record EngineChoice(String name, String reason) {

    /** Resolves {@code training.engine} for a spec. */
    public static EngineChoice of(ExperimentSpec spec) {
        String asked = spec.training().engine();
        if (asked.equals("auto")) {
            return new EngineChoice("dense",
                    "auto: dense is the only engine in this version and is exact for every plugin");
        }
        return new EngineChoice(asked, "chosen in training.engine");
    }
}
