package org.benignlab.api.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that a reader sees either the old content or the whole new content, never a part:
 * write a temporary sibling, force it to disk, then rename it over the target. Temporary files carry
 * a prefix of their own ({@link #TMP_PREFIX}) and the suffix {@link #TMP_SUFFIX}, so that cleaning up
 * after a killed process removes only what this program wrote, never a user's {@code .x.tmp} file. Result files
 * ({@code experiments}) and report files ({@code reports}) are written through this one class.
 */
public final class AtomicFiles {
    /** Prefix of every temporary file or folder this program creates. */
    public static final String TMP_PREFIX = ".benign-";
    /** Suffix of temporary files; one left behind by a killed process is garbage and may be deleted. */
    public static final String TMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** A fresh temporary sibling of {@code target}: {@code .benign-NAME.HEX.tmp}. */
    public static Path temporarySibling(Path target) {
        return target.resolveSibling(TMP_PREFIX + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TMP_SUFFIX);
    }

    /** Whether {@code p} is named like a temporary file or folder of ours (see {@link #temporarySibling}). */
    public static boolean isTemporary(Path p) {
        Path name = p.getFileName();
        if (name == null) {
            return false;
        }
        String s = name.toString();
        return s.startsWith(TMP_PREFIX) && s.endsWith(TMP_SUFFIX) && s.length() > TMP_PREFIX.length() + TMP_SUFFIX.length();
    }

    /**
     * Writes {@code text} (UTF-8) to {@code target} atomically. A failed write (a full disk, say) removes its
     * temporary file and throws an exception that names {@code target}.
     */
    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code bytes} to {@code target} atomically, creating its folder if needed. A failed write (a full
     * disk, say) removes its temporary file and throws an exception that names {@code target}.
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        // a unique temporary name, so that two writers of one target never share a temporary file
        // (created with the default permissions of the folder, unlike Files.createTempFile's owner-only ones)
        Path tmp = temporarySibling(target.toAbsolutePath());
        try {
            Files.createDirectories(tmp.getParent());
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            moveIntoPlace(tmp, target);
        } catch (IOException | UncheckedIOException | Error e) {
            deleteQuietly(tmp);
            if (e instanceof IOException io) {
                throw new WriteFailedException(target, io);
            }
            throw e;
        }
    }

    /** Renames a finished temporary file over the target (atomically where the file system can). */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes {@code p} if it exists; a failure is ignored (a leftover temporary file is cleaned on the next run). */
    public static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: prepare() removes temporary files of ours on the next invocation
        }
    }

    /** A write that failed; its message names the file that could not be written and why. */
    public static final class WriteFailedException extends IOException {
        private static final long serialVersionUID = 1L;

        WriteFailedException(Path target, IOException cause) {
            // the cause is kept as suppressed, not as the cause: messages name the root cause, which would
            // drop the file's name
            super("cannot write " + target + ": " + reason(cause));
            addSuppressed(cause);
        }

        private static String reason(IOException e) {
            if (e instanceof java.nio.file.FileSystemException fs) {
                return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
            }
            String m = e.getMessage();
            return m == null ? e.getClass().getSimpleName() : m.strip().split("\\R", 2)[0];
        }
    }
}
