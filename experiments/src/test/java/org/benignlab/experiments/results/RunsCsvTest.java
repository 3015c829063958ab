package org.benignlab.experiments.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runs.csv cells that a spreadsheet would run as formulas are neutralised; numbers stay numbers. */
class RunsCsvTest {
    @TempDir
    Path dir;

    @Test
    void textCellsStartingWithAFormulaTriggerGetALeadingQuote() throws Exception {
        String key = "0123456789ab";
        Path run = dir.resolve(key);
        Files.createDirectories(run);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", "failed");
        summary.put("train_loss", -0.5);
        summary.put("message", "=HYPERLINK(\"http://example.org\",\"x\")");
        Files.writeString(run.resolve(ResultStore.SUMMARY), ResultStore.JSON.writeValueAsString(summary));
        for (String f : List.of(ResultStore.CONFIG, ResultStore.METRICS, ResultStore.PROVENANCE)) {
            Files.writeString(run.resolve(f), "{}");
        }
        Map<String, Object> swept = new LinkedHashMap<>();
        swept.put("data.cluster.type", "@cmd");
        PlannedRun plan = new PlannedRun(key, "ba9876543210", 0, swept, Map.of());
        new ResultStore(dir).prepare("t", "h", Map.of(), List.of(plan));

        List<String> lines = Files.readAllLines(dir.resolve(ResultStore.RUNS_CSV));
        assertEquals(2, lines.size());
        List<String> header = List.of(lines.get(0).split(","));
        String row = lines.get(1);
        assertTrue(row.contains(",'@cmd,"), row);
        assertTrue(row.contains(",\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\""), row);
        assertTrue(row.contains(",-0.5,"), "a negative number stays a number: " + row);
        assertTrue(header.contains("message") && header.contains("train_loss"), lines.get(0));
    }
}
