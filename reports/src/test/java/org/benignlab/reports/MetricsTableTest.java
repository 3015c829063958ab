package org.benignlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTableTest {
    @TempDir
    Path dir;

    @Test
    void readsLongFormatBySeries() throws IOException {
        Path f = dir.resolve("metrics.csv");
        Files.writeString(f, "step,metric,value\n0,train_loss,0.69\n0,test_error,0.5\n10,train_loss,0.1\n"
                + "10,test_error,NaN\n");
        MetricsTable t = MetricsTable.read(f);
        assertEquals(List.of("train_loss", "test_error"), t.metrics());
        assertEquals(List.of(new MetricsTable.Point(0, 0.69), new MetricsTable.Point(10, 0.1)), t.series("train_loss"));
        assertTrue(Double.isNaN(t.last("test_error").getAsDouble()));
        assertTrue(t.last("missing").isEmpty());
        assertTrue(t.lastValuesMarkdown().contains("| train_loss | 10 | 0.100000 |"));
    }

    @Test
    void rejectsMalformedFilesWithTheLine() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "step,metric,value\n0,train_loss,abc\n");
        IOException e = assertThrows(IOException.class, () -> MetricsTable.read(bad));
        assertTrue(e.getMessage().contains(":2:"), e.getMessage());
        Files.writeString(bad, "step,metric,value\n5,train_loss,1\n3,train_loss,2\n");
        e = assertThrows(IOException.class, () -> MetricsTable.read(bad));
        assertTrue(e.getMessage().contains("not increasing"), e.getMessage());
        Files.writeString(bad, "a,b\n");
        assertThrows(IOException.class, () -> MetricsTable.read(bad));
    }
}
