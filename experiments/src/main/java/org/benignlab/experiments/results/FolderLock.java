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
    /**
     * The lock files this JVM holds. Consulted before a channel is opened: on POSIX systems closing any
     * channel of a process on a file drops every lock the process holds on it, so a second invocation in
     * the same JVM (an embedding program, the tests) must be refused without opening and closing one.
     * It records a fact about this process, not a setting.
     */
    private static final java.util.concurrent.ConcurrentHashMap<Path, Boolean> HELD =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final FileChannel channel;
    private final FileLock lock;
    private final Path key;

    private FolderLock(FileChannel channel, FileLock lock, Path key) {
        this.channel = channel;
        this.lock = lock;
        this.key = key;
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
        Path key = null;
        try {
            Files.createDirectories(dir);
            key = dir.toRealPath().resolve(ResultStore.LOCK);
            if (HELD.putIfAbsent(key, Boolean.TRUE) != null) {
                key = null; // not ours to remove
                throw new InputException("results folder " + dir + " is in use by process "
                        + ProcessHandle.current().pid() + advice(option));
            }
            ch = FileChannel.open(dir.resolve(ResultStore.LOCK), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null; // cannot happen while HELD is consulted first; refused all the same
            }
            if (l == null) {
                String holder = holder(ch);
                ch.close();
                throw new InputException("results folder " + dir + " is in use by process " + holder + advice(option));
            }
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            ch.write(ByteBuffer.wrap(pid), 0); // then truncate: the file never reads empty
            ch.truncate(pid.length);
            ch.force(false);
            FolderLock lock = new FolderLock(ch, l, key);
            key = null;
            return lock;
        } catch (java.nio.file.FileSystemException e) {
            closeQuietly(ch);
            throw new InputException(option + " " + dir + ": cannot create or write the folder ("
                    + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()) + ": " + e.getFile() + ")");
        } catch (IOException e) {
            closeQuietly(ch);
            throw new InputException(option + " " + dir + ": cannot lock the folder (" + e.getMessage() + ")");
        } finally {
            if (key != null) {
                HELD.remove(key); // acquiring failed after the entry was made
            }
        }
    }

    /** What to do about a folder in use: wait, or (for the options that choose the folder to write) give another. */
    private static String advice(String option) {
        return option.endsWith("--out") ? "; wait for it to finish, or give another folder with --out"
                : "; wait for it to finish";
    }

    /**
     * The process id written by the holder. A holder that has only just taken the lock may not have
     * written it yet (the file then names an earlier holder, or nothing): the file is read again for up
     * to a second until it names a live process; failing that, what it names, or "unknown".
     */
    private static String holder(FileChannel ch) throws IOException {
        String last = "unknown";
        for (int attempt = 0; attempt < 50; attempt++) {
            ByteBuffer b = ByteBuffer.allocate(32);
            ch.read(b, 0);
            String s = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).strip();
            if (s.matches("\\d{1,18}")) {
                last = s;
                if (ProcessHandle.of(Long.parseLong(s)).map(ProcessHandle::isAlive).orElse(false)) {
                    return s;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return last;
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
        HELD.remove(key);
    }
}
