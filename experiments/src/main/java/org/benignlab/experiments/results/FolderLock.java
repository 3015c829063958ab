package org.benignlab.experiments.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.benignlab.experiments.spec.InputException;

/**
 * One writer per results folder: an operating-system lock on {@code DIR/.benign.lock}
 * ({@link ResultStore#LOCK}), held from before the folder is read for resuming until the last write.
 * The operating system releases it when the process ends, however it ends, so {@code kill -9} never
 * leaves a stale lock. The lock file stays in the folder (deleting it would let a waiting process and a
 * new one lock two different files); it holds the process id of the last holder, which a refused
 * process names.
 */
public final class FolderLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates {@code dir} if needed and locks it, or refuses with "results folder DIR is in use by
     * process PID" when another process (or another invocation in this JVM) holds the lock.
     *
     * @param option the argument that named the folder, for the message when it cannot be created
     * @throws InputException when the folder is in use or cannot be created
     */
    public static FolderLock acquire(Path dir, String option) {
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(dir.resolve(ResultStore.LOCK), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null; // held by another invocation in this JVM
            }
            if (l == null) {
                String holder = holder(ch);
                ch.close();
                throw new InputException("results folder " + dir + " is in use by process " + holder
                        + "; wait for it to finish, or give another folder with --out");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(false);
            return new FolderLock(ch, l);
        } catch (java.nio.file.FileSystemException e) {
            closeQuietly(ch);
            throw new InputException(option + " " + dir + ": cannot create or write the folder ("
                    + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()) + ": " + e.getFile() + ")");
        } catch (IOException e) {
            closeQuietly(ch);
            throw new InputException(option + " " + dir + ": cannot lock the folder (" + e.getMessage() + ")");
        }
    }

    /** The process id written by the holder, or "unknown" (it may not have written it yet). */
    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(32);
        ch.read(b, 0);
        String s = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).strip();
        return s.matches("\\d{1,19}") ? s : "unknown";
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    /** Releases the lock (the lock file stays). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }
}
