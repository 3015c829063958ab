package org.benignlab.experiments.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that a reader sees either the old content or the whole new content, never a part:
 * write a temporary sibling, force it to disk, then rename it over the target.
 */
public final class AtomicFiles {
    /** Suffix of temporary files; one left behind by a killed process is garbage and may be deleted. */
    public static final String TMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Writes {@code text} to {@code target} atomically. */
    public static void write(Path target, String text) throws IOException {
        // a unique temporary name, so that two writers of one target never share a temporary file
        // (created with the default permissions of the folder, unlike Files.createTempFile's owner-only ones)
        Path tmp = target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + TMP_SUFFIX);
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            w.write(text);
        }
        moveIntoPlace(tmp, target);
    }

    /** Renames a finished temporary file over the target (atomically where the file system can). */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
