package org.benignlab.experiments.spec;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks on a file before it is opened for reading: only regular files are read, since opening a FIFO
 * blocks until someone writes to it and a device such as {@code /dev/zero} never ends (and reports a
 * size of 0, so a size check cannot catch it).
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * Refuses a path that exists and is neither a regular file nor a folder (a FIFO, a device, a
     * socket); an absent path or a folder is left to the caller, which has its own message for them.
     *
     * @param label how the message names the file, e.g. {@code data.x: X.npy} or the path itself
     * @param what  what was expected, e.g. {@code an experiment YAML file}
     */
    public static void requireRegular(Path file, String label, String what) {
        if (Files.exists(file) && !Files.isDirectory(file) && !Files.isRegularFile(file)) {
            throw new InputException(label + ": is not a regular file (a FIFO, device or socket?); expected " + what);
        }
    }
}
