package org.benignlab.experiments.arrays;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NumPy {@code .npy} format, written and read by hand (format description: numpy.lib.format). A file is
 * the magic {@code \x93NUMPY}, a major and a minor version byte, the header length (little-endian uint16 for
 * version 1.0, uint32 for 2.0 and 3.0), an ASCII (3.0: UTF-8) Python dict literal
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }} padded with spaces and ending in a
 * newline so that the data start at a multiple of 64 bytes, then the data.
 *
 * <p>We write version 1.0, little-endian float64 ({@code <f8}) or int8 ({@code |i1}), C order. We read
 * versions 1.0, 2.0 and 3.0, C or Fortran order, the descriptors of {@link Dtype} (booleans, signed and
 * unsigned integers of 1-8 bytes, float32 and float64, either byte order), every value as a double;
 * Fortran order is supported for 1-D and 2-D arrays.
 */
public final class Npy {
    /** The first six bytes of every .npy file. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;

    private Npy() {
    }

    /**
     * The complete version 1.0 preamble and header for an array, padded so that the data start at a multiple
     * of 64 bytes.
     *
     * @param descr NumPy's dtype descriptor, e.g. {@code <f8} or {@code |i1}
     * @param shape the shape (empty for a scalar)
     * @throws IllegalArgumentException if the header would not fit version 1.0 (more than 65535 bytes)
     */
    public static byte[] header(String descr, long[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '").append(descr)
                .append("', 'fortran_order': False, 'shape': ").append(shapeText(shape)).append(", }");
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int pad = (ALIGN - unpadded % ALIGN) % ALIGN;
        dict.append(" ".repeat(pad)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        if (text.length > 0xFFFF) {
            throw new IllegalArgumentException("npy header of " + text.length + " bytes does not fit version 1.0");
        }
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
        return b.array();
    }

    /** A shape as Python writes a tuple: {@code ()}, {@code (5,)}, {@code (3, 4)}. */
    public static String shapeText(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /** The element types we read: kind ('b', 'i', 'u', 'f'), size in bytes and byte order. */
    public record Dtype(String descr, char kind, int size, ByteOrder order) {
        /** Reads one value at the buffer's position (advancing it) as a double. */
        double read(ByteBuffer b) {
            return switch (kind) {
                case 'b' -> b.get() != 0 ? 1.0 : 0.0;
                case 'f' -> size == 8 ? b.getDouble() : b.getFloat();
                case 'i' -> switch (size) {
                    case 1 -> b.get();
                    case 2 -> b.getShort();
                    case 4 -> b.getInt();
                    default -> (double) b.getLong();
                };
                default -> switch (size) {
                    case 1 -> b.get() & 0xFF;
                    case 2 -> b.getShort() & 0xFFFF;
                    case 4 -> b.getInt() & 0xFFFFFFFFL;
                    default -> unsigned(b.getLong());
                };
            };
        }

        private static double unsigned(long v) {
            double d = (double) (v >>> 1) * 2.0;
            return d + (v & 1);
        }

        /**
         * Parses a descriptor such as {@code <f8}, {@code |u1} or {@code ?}.
         *
         * @throws IllegalArgumentException naming the descriptor and what is supported
         */
        static Dtype parse(String descr) {
            Matcher m = Pattern.compile("([<>|=]?)([biuf?])(\\d*)").matcher(descr);
            if (!m.matches()) {
                throw new IllegalArgumentException("its dtype '" + descr + "' is not supported; use numbers: "
                        + "float64, float32, (unsigned) integers or booleans");
            }
            char kind = m.group(2).charAt(0);
            int size = m.group(3).isEmpty() ? (kind == '?' || kind == 'b' ? 1 : -1) : Integer.parseInt(m.group(3));
            if (kind == '?') {
                kind = 'b';
            }
            boolean ok = switch (kind) {
                case 'b' -> size == 1;
                case 'f' -> size == 4 || size == 8;
                default -> size == 1 || size == 2 || size == 4 || size == 8;
            };
            if (!ok) {
                throw new IllegalArgumentException("its dtype '" + descr + "' is not supported; use numbers: "
                        + "float64, float32, (unsigned) integers or booleans");
            }
            ByteOrder order = m.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            return new Dtype(descr, kind, size, order);
        }
    }

    /**
     * A parsed .npy header.
     *
     * @param dtype        the element type
     * @param fortranOrder whether the data are in Fortran (column-major) order
     * @param shape        the shape
     * @param dataOffset   where the data start, in bytes from the beginning of the file
     */
    public record Header(Dtype dtype, boolean fortranOrder, long[] shape, long dataOffset) {
        /** Number of elements. */
        public long count() {
            long c = 1;
            for (long d : shape) {
                c *= d;
            }
            return c;
        }

        /** Size of the data in bytes. */
        public long dataBytes() {
            return count() * dtype.size();
        }
    }

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * Reads the preamble and header from the start of a stream, leaving the stream at the first data byte.
     *
     * @throws IllegalArgumentException when the bytes are not a .npy file we can read (the message says why
     *                                  in words that follow "the file ...": e.g. "is not a NumPy .npy file")
     * @throws IOException              on a read error
     */
    public static Header readHeader(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        try {
            d.readFully(magic);
        } catch (EOFException e) {
            throw new IllegalArgumentException("is not a NumPy .npy file (too short)");
        }
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IllegalArgumentException("is not a NumPy .npy file (it does not start with \\x93NUMPY)");
        }
        int major = d.readUnsignedByte();
        d.readUnsignedByte();
        long length;
        int preamble;
        if (major == 1) {
            length = Short.toUnsignedInt(Short.reverseBytes(d.readShort()));
            preamble = 10;
        } else if (major == 2 || major == 3) {
            length = Integer.toUnsignedLong(Integer.reverseBytes(d.readInt()));
            preamble = 12;
        } else {
            throw new IllegalArgumentException("has .npy format version " + major + ", not 1, 2 or 3");
        }
        if (length > 1 << 24) {
            throw new IllegalArgumentException("has a .npy header of " + length + " bytes, too long to be one");
        }
        byte[] text = new byte[(int) length];
        d.readFully(text);
        String dict = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(dict);
        Matcher fortran = FORTRAN.matcher(dict);
        Matcher shape = SHAPE.matcher(dict);
        if (!descr.find()) {
            throw new IllegalArgumentException("has a .npy header without a simple 'descr' (a structured array?): "
                    + dict.strip());
        }
        if (!fortran.find() || !shape.find()) {
            throw new IllegalArgumentException("has a .npy header we cannot read: " + dict.strip());
        }
        Dtype dtype = Dtype.parse(descr.group(1));
        List<Long> dims = new ArrayList<>();
        for (String part : shape.group(1).split(",")) {
            String t = part.strip().toUpperCase(Locale.ROOT).replace("L", "");
            if (!t.isEmpty()) {
                try {
                    dims.add(Long.parseLong(t));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("has a .npy header with a bad shape: (" + shape.group(1) + ")");
                }
            }
        }
        long[] s = dims.stream().mapToLong(Long::longValue).toArray();
        long count = 1;
        for (long dim : s) {
            if (dim < 0) {
                throw new IllegalArgumentException("has a .npy header with a negative dimension: shape ("
                        + shape.group(1).strip() + ")");
            }
            count = count > 0 && dim > Long.MAX_VALUE / 16 / count ? -1 : count * dim;
            if (count < 0) {
                throw new IllegalArgumentException("has a .npy header whose shape (" + shape.group(1).strip()
                        + ") holds more elements than any file can");
            }
        }
        return new Header(dtype, fortran.group(1).equals("True"), s, preamble + length);
    }

    /**
     * A whole array read back: its header and its values as doubles in C order.
     *
     * @param header the file's header
     * @param values every element, converted to double, in C (row-major) order whatever the file's order
     */
    public record Array(Header header, double[] values) {
        /** The element at row i, column j of a 2-D array. */
        public double at(int i, int j) {
            return values[(int) (i * header.shape()[1] + j)];
        }
    }

    /**
     * Reads a whole .npy file (at most one Java array of elements).
     *
     * @throws IllegalArgumentException when it is not a .npy file we read, is truncated or has bytes after the data
     * @throws IOException              on a read error
     */
    public static Array read(java.nio.file.Path file) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16)) {
            Header h = readHeader(in);
            long count = h.count();
            if (count > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("has " + count + " elements, more than one Java array holds");
            }
            byte[] bytes = in.readNBytes((int) h.dataBytes());
            if (bytes.length < h.dataBytes()) {
                throw new IllegalArgumentException("is truncated: " + bytes.length + " of " + h.dataBytes()
                        + " data bytes");
            }
            if (in.read() >= 0) {
                throw new IllegalArgumentException("has bytes after its data");
            }
            ByteBuffer b = ByteBuffer.wrap(bytes).order(h.dtype().order());
            double[] values = new double[(int) count];
            long[] s = h.shape();
            boolean transpose = h.fortranOrder() && s.length == 2;
            for (int k = 0; k < count; k++) {
                double v = h.dtype().read(b);
                if (transpose) { // element k is (k % rows, k / rows)
                    values[(int) ((k % s[0]) * s[1] + k / s[0])] = v;
                } else {
                    values[k] = v;
                }
            }
            return new Array(h, values);
        }
    }

    /**
     * Writes a whole float64 array (version 1.0, little-endian, C order).
     *
     * @param shape    its shape
     * @param rowMajor its values in C order (not modified)
     */
    public static void write(OutputStream out, long[] shape, double[] rowMajor) throws IOException {
        out.write(header("<f8", shape));
        writeDoubles(out, rowMajor, 0, rowMajor.length);
    }

    /** Writes a whole int8 array (version 1.0, C order). */
    public static void writeInt8(OutputStream out, long[] shape, byte[] values) throws IOException {
        out.write(header("|i1", shape));
        out.write(values);
    }

    /** Writes values as little-endian float64 (no header). */
    static void writeDoubles(OutputStream out, double[] values, int from, int count) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * Math.min(count, 8192)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = from; i < from + count; ) {
            b.clear();
            int chunk = Math.min(8192, from + count - i);
            for (int k = 0; k < chunk; k++) {
                b.putDouble(values[i + k]);
            }
            out.write(b.array(), 0, 8 * chunk);
            i += chunk;
        }
    }
}
