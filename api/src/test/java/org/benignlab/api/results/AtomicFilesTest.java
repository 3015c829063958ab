package org.benignlab.api.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed atomic write leaves no temporary file and names the file it could not write. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWriteThatFailsAfterItsTemporaryFileExistsRemovesItAndNamesTheTarget() throws IOException {
        // the rename fails: the target is a folder with something in it (as a full disk fails the write)
        Path target = dir.resolve("runs.csv");
        Files.createDirectories(target);
        Files.writeString(target.resolve("inside"), "x");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, "a,b\n"));
        assertTrue(e.getMessage().startsWith("cannot write " + target + ": "), e.getMessage());
        assertEquals(List.of("runs.csv"), names(), "no temporary file left");
    }

    @Test
    void aWriteThatSucceedsLeavesOnlyTheTarget() throws IOException {
        AtomicFiles.write(dir.resolve("a.json"), "{}\n");
        AtomicFiles.write(dir.resolve("a.json"), "{\"x\": 1}\n");
        assertEquals(List.of("a.json"), names());
        assertEquals("{\"x\": 1}\n", Files.readString(dir.resolve("a.json")));
    }

    @Test
    void temporaryNamesAreOursAndNothingElseIs() {
        Path t = AtomicFiles.temporarySibling(dir.resolve("metrics.csv"));
        assertTrue(t.getFileName().toString().matches("\\.benign-metrics\\.csv\\.[0-9a-f]+\\.tmp"), t.toString());
        assertTrue(AtomicFiles.isTemporary(t));
        for (String user : List.of(".draft.tmp", ".metrics.csv.1a2b.tmp", "benign-x.tmp", ".benign-.tmp", "x.tmp")) {
            assertTrue(!AtomicFiles.isTemporary(dir.resolve(user)), user);
        }
    }
}
