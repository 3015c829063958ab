package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.benignlab.api.RunOptions;
import org.junit.jupiter.api.Test;

/** The engine implements exactly the words the YAML schema takes from {@link RunOptions}, in the same order. */
class RunOptionsWordsTest {

    @Test
    void theEnginesTypesHaveTheWordsOfTheSchema() {
        assertEquals(RunOptions.SECOND_LAYER_SIGNS,
                Arrays.stream(SecondLayer.Signs.values()).map(SecondLayer.Signs::key).toList());
        assertEquals(RunOptions.SAVE_GROUPS, Arrays.stream(ArrayGroup.values()).map(ArrayGroup::key).toList());
        assertEquals(RunOptions.DIAGNOSTICS, Diagnostics.GROUPS);
        assertEquals(RunOptions.BASELINES, Baseline.KEYS);
        assertEquals(List.copyOf(ArrayGroup.setOf(List.of("final", "data"))),
                List.of(ArrayGroup.DATA, ArrayGroup.FINAL));
    }
}
