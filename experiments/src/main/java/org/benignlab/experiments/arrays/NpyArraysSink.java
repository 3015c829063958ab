package org.benignlab.experiments.arrays;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import org.benignlab.api.results.AtomicFiles;
import org.benignlab.engine.ArraysSink;

/**
 * An {@link ArraysSink} that writes each array as {@code <folder>/<name>.npy} ({@link Npy}: version 1.0,
 * little-endian float64 or int8, C order), atomically: the bytes go to a temporary sibling
 * ({@code .<name>.npy.<random>.tmp}), which is forced to disk and renamed over the target, so a reader never sees
 * half a file. Rows handed to {@link #writeRows} are streamed, so X or W never need one Java array. An I/O
 * error is thrown as an {@link UncheckedIOException} naming the file (the temporary file is removed).
 */
public final class NpyArraysSink implements ArraysSink {
    private final Path folder;
    private final List<String> written = Collections.synchronizedList(new ArrayList<>());

    /** @param folder where the files go (must exist) */
    public NpyArraysSink(Path folder) {
        this.folder = folder;
    }

    /** The file names written so far, in order. */
    public List<String> written() {
        return List.copyOf(written);
    }

    @Override
    public void write(String name, int[] shape, double[] rowMajor) {
        requireEntries(name, shape, rowMajor.length);
        atomically(name, out -> Npy.write(out, longs(shape), rowMajor));
    }

    @Override
    public void writeInt8(String name, int[] shape, byte[] values) {
        requireEntries(name, shape, values.length);
        atomically(name, out -> Npy.writeInt8(out, longs(shape), values));
    }

    /** @throws IllegalArgumentException unless {@code shape} has {@code entries} entries */
    private static void requireEntries(String name, int[] shape, int entries) {
        long count = count(shape);
        if (count != entries) {
            throw new IllegalArgumentException(name + ": shape " + Npy.shapeText(longs(shape)) + " has " + count
                    + " entries, got " + entries);
        }
    }

    @Override
    public void writeRows(String name, int rows, int columns, IntFunction<double[]> row) {
        atomically(name, out -> {
            out.write(Npy.header("<f8", new long[] {rows, columns}));
            for (int i = 0; i < rows; i++) {
                double[] r = row.apply(i);
                if (r.length < columns) {
                    throw new IllegalArgumentException(name + ": row " + i + " has " + r.length + " entries, need "
                            + columns);
                }
                Npy.writeDoubles(out, r, 0, columns);
            }
        });
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private void atomically(String name, Body body) {
        Path target = folder.resolve(name + ".npy");
        Path tmp = AtomicFiles.temporarySibling(target);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16)) {
                body.write(out);
            }
            AtomicFiles.moveIntoPlace(tmp, target);
            written.add(target.getFileName().toString());
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a leftover .tmp file is removed when the run is written again
        }
    }

    private static long count(int[] shape) {
        long c = 1;
        for (int d : shape) {
            c *= d;
        }
        return c;
    }

    private static long[] longs(int[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[i];
        }
        return out;
    }
}
