package org.benignlab.experiments.arrays;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.benignlab.experiments.spec.InputException;

/**
 * Reading one data file of {@code data.type: file} ({@link DataFiles}) in full: the .npy reader ({@link Npy}'s
 * header, then the values), the .csv reader ({@link CsvTables}), the checks every entry passes (finite; labels all
 * -1/+1 or all 0/1) and the SHA-256 of the bytes read.
 */
final class DataTables {
    private DataTables() {
    }

    /** What a file holds. */
    enum Kind {
        /** A 2-D array of finite numbers. */
        POINTS,
        /** A vector of labels, all -1/+1 or all 0/1 (0 read as -1). */
        LABELS
    }

    /**
     * A checked file.
     *
     * @param rows    number of rows (points or labels)
     * @param columns number of columns (1 for labels)
     * @param sha256  SHA-256 of the file's bytes, hex
     * @param values  the rows (labels: one row of n values, as ±1), or null when not kept
     */
    record Table(int rows, int columns, String sha256, double[][] values) {
    }

    /**
     * Reads a data file in full, checks it and hashes its bytes.
     *
     * @param file     where it is
     * @param given    the path as written (for messages)
     * @param yamlPath e.g. {@code data.x}
     * @param keep     keep the values (else only count, check and hash)
     * @param folder   the folder relative paths were resolved against (for the message of a missing file)
     * @throws InputException for a missing, unreadable or bad file
     */
    static Table read(Path file, String given, String yamlPath, Kind kind, boolean keep, Path folder) {
        String name = given;
        String lower = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean npy = lower.endsWith(".npy");
        if (!npy && !lower.endsWith(".csv")) {
            throw new InputException(yamlPath + ": '" + given + "' must be a .npy or .csv file");
        }
        if (Files.isDirectory(file)) {
            throw new InputException(yamlPath + ": " + given + " is a directory, not a .npy or .csv file");
        }
        org.benignlab.experiments.spec.InputFiles.requireRegular(file, yamlPath + ": " + given, "a .npy or .csv file");
        MessageDigest sha = sha256();
        try (InputStream raw = Files.newInputStream(file);
             DigestInputStream in = new DigestInputStream(new BufferedInputStream(raw, 1 << 16), sha)) {
            Table t = npy ? readNpy(in, Files.size(file), name, yamlPath, kind, keep)
                    : CsvTables.read(in, name, yamlPath, kind, keep);
            return new Table(t.rows(), t.columns(), HexFormat.of().formatHex(sha.digest()), t.values());
        } catch (NoSuchFileException e) {
            throw new InputException(yamlPath + ": no such file: " + file.toAbsolutePath().normalize()
                    + (Path.of(given).isAbsolute() || folder == null ? ""
                            : " (relative paths are relative to the experiment file's folder)"));
        } catch (AccessDeniedException e) {
            throw new InputException(yamlPath + ": " + given + " cannot be read (permission denied)");
        } catch (IOException e) {
            throw new InputException(yamlPath + ": " + given + " cannot be read: " + e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * @param fileBytes the size of the (regular) file: a header that promises more data than follow is
     *                  refused before anything is allocated for them
     */
    private static Table readNpy(InputStream in, long fileBytes, String name, String yamlPath, Kind kind, boolean keep)
            throws IOException {
        Npy.Header h;
        try {
            h = Npy.readHeader(in);
        } catch (IllegalArgumentException e) {
            throw new InputException(yamlPath + ": " + name + " " + e.getMessage());
        } catch (EOFException e) {
            throw new InputException(yamlPath + ": " + name + " is truncated (its .npy header is incomplete)");
        }
        long[] s = h.shape();
        int rows;
        int cols;
        if (kind == Kind.POINTS) {
            if (s.length != 2) {
                throw new InputException(yamlPath + ": " + name + " has shape " + Npy.shapeText(s)
                        + "; expected a 2-D array (points, features)");
            }
        } else if (!(s.length == 1 || (s.length == 2 && s[1] == 1))) {
            throw new InputException(yamlPath + ": " + name + " has shape " + Npy.shapeText(s)
                    + "; expected one label per point, shape (n,) or (n, 1)");
        }
        if (s[0] > Integer.MAX_VALUE - 8 || (s.length == 2 && s[1] > Integer.MAX_VALUE - 8)) {
            throw new InputException(yamlPath + ": " + name + " has shape " + Npy.shapeText(s) + ", too large");
        }
        if (h.dataBytes() > fileBytes - h.dataOffset()) {
            throw new InputException(yamlPath + ": " + name + " is truncated: its header promises "
                    + Npy.shapeText(s) + " of " + h.dtype().descr() + " (" + h.dataBytes() + " bytes of data), but only "
                    + Math.max(0, fileBytes - h.dataOffset()) + " follow");
        }
        rows = (int) s[0];
        cols = kind == Kind.POINTS ? (int) s[1] : 1;
        if (kind == Kind.POINTS && cols < 1) {
            throw new InputException(yamlPath + ": " + name + " has shape " + Npy.shapeText(s) + "; p must be >= 1");
        }
        Sink sink = new Sink(name, yamlPath, kind, rows, cols, keep || kind == Kind.LABELS);
        Npy.Dtype dt = h.dtype();
        int size = dt.size();
        ByteBuffer buf = ByteBuffer.allocate(size * 8192).order(dt.order());
        long count = h.count();
        long done = 0;
        while (done < count) {
            int chunk = (int) Math.min(8192, count - done);
            buf.clear();
            buf.limit(chunk * size);
            int read = in.readNBytes(buf.array(), 0, chunk * size);
            if (read < chunk * size) {
                throw new InputException(yamlPath + ": " + name + " is truncated: its header promises "
                        + Npy.shapeText(s) + " of " + dt.descr() + " (" + h.dataBytes() + " bytes of data), but only "
                        + (done * size + read) + " follow");
            }
            for (int k = 0; k < chunk; k++) {
                long idx = done + k;
                int r;
                int c;
                if (h.fortranOrder() && kind == Kind.POINTS) {
                    r = (int) (idx % rows);
                    c = (int) (idx / rows);
                } else {
                    r = (int) (idx / cols);
                    c = (int) (idx % cols);
                }
                sink.accept(r, c, dt.read(buf));
            }
            done += chunk;
        }
        long extra = 0;
        byte[] skip = new byte[8192];
        for (int n = in.read(skip); n > 0; n = in.read(skip)) {
            extra += n;
        }
        if (extra > 0) {
            throw new InputException(yamlPath + ": " + name + " has " + extra + " bytes after the data its header "
                    + "describes; is it a .npy file written by numpy.save?");
        }
        return sink.table();
    }

    /** Checks values as they arrive and keeps them if asked; labels are checked and mapped at the end. */
    static final class Sink {
        private final String name;
        private final String yamlPath;
        private final Kind kind;
        private final int rows;
        private final int cols;
        private final double[][] values;
        private final double[] labels;

        Sink(String name, String yamlPath, Kind kind, int rows, int cols, boolean keep) {
            this.name = name;
            this.yamlPath = yamlPath;
            this.kind = kind;
            this.rows = rows;
            this.cols = cols;
            this.values = keep && kind == Kind.POINTS ? new double[rows][cols] : null;
            this.labels = kind == Kind.LABELS ? new double[rows] : null;
        }

        void accept(int r, int c, double v) {
            if (!Double.isFinite(v)) {
                String where = kind == Kind.POINTS ? "row " + r + ", column " + c : "index " + r;
                throw new InputException(yamlPath + ": " + name + " has " + show(v) + " at " + where + " (counting "
                        + "from 0); every entry must be a finite number");
            }
            if (values != null) {
                values[r][c] = v;
            }
            if (labels != null) {
                labels[r] = v;
            }
        }

        Table table() {
            if (labels == null) {
                return new Table(rows, cols, null, values);
            }
            boolean minusOne = false;
            boolean zero = false;
            for (int i = 0; i < rows; i++) {
                double v = labels[i];
                if (v == -1.0) {
                    minusOne = true;
                } else if (v == 0.0) {
                    zero = true;
                } else if (v != 1.0) {
                    throw new InputException(yamlPath + ": " + name + " has label " + show(v) + " at index " + i
                            + " (counting from 0); labels must be all -1/+1 or all 0/1");
                }
                if (minusOne && zero) {
                    throw new InputException(yamlPath + ": " + name + " mixes labels -1 and 0 (index " + i
                            + "); labels must be all -1/+1 or all 0/1");
                }
            }
            double[] pm = new double[rows];
            for (int i = 0; i < rows; i++) {
                pm[i] = labels[i] == 1.0 ? 1.0 : -1.0;
            }
            return new Table(rows, 1, null, new double[][] {pm});
        }

        private static String show(double v) {
            if (Double.isNaN(v)) {
                return "NaN";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "inf" : "-inf";
            }
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
