package org.benignlab.experiments.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.benignlab.experiments.spec.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock within one JVM (between processes: OneWriterIT). */
class FolderLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondAcquireIsRefusedUntilTheFirstIsReleased() throws Exception {
        Path out = dir.resolve("out");
        String pid = Long.toString(ProcessHandle.current().pid());
        try (FolderLock first = FolderLock.acquire(out, "--out")) {
            assertEquals(pid, Files.readString(out.resolve(ResultStore.LOCK)).strip(), "the holder's process id");
            InputException e = assertThrows(InputException.class, () -> FolderLock.acquire(out, "--out"));
            assertEquals("results folder " + out + " is in use by process " + pid
                    + "; wait for it to finish, or give another folder with --out", e.getMessage());
            // the same folder by another name is the same lock
            Path other = out.resolve("..").resolve("out");
            assertThrows(InputException.class, () -> FolderLock.acquire(other, "--out"));
        }
        try (FolderLock again = FolderLock.acquire(out, "--out")) {
            assertTrue(Files.exists(out.resolve(ResultStore.LOCK)), "the lock file stays");
        }
    }

    @Test
    void aFolderThatCannotBeCreatedIsAnInputErrorNamingTheOption() throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        InputException e = assertThrows(InputException.class, () -> FolderLock.acquire(blocker.resolve("sub"),
                "merge --out"));
        assertTrue(e.getMessage().startsWith("merge --out " + blocker.resolve("sub") + ": cannot create or write the "
                + "folder"), e.getMessage());
    }
}
