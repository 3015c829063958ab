package org.benignlab.experiments.arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .npy format written and read by hand: the header byte for byte, and values through a round trip. */
class NpyTest {
    @TempDir
    Path dir;

    @Test
    void headerIsVersion10PaddedTo64BytesAsNumpyWritesIt() {
        byte[] h = Npy.header("<f8", new long[] {3, 4});
        assertEquals(0, h.length % 64, "data start at a multiple of 64 bytes");
        assertEquals((byte) 0x93, h[0]);
        assertEquals("NUMPY", new String(h, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, h[6]);
        assertEquals(0, h[7]);
        int len = ByteBuffer.wrap(h, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        assertEquals(h.length - 10, len);
        String dict = new String(h, 10, len, StandardCharsets.US_ASCII);
        assertTrue(dict.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }"), dict);
        assertTrue(dict.endsWith("\n"));
        assertTrue(dict.strip().endsWith("}"));
        assertEquals("(5,)", Npy.shapeText(new long[] {5}));
        assertEquals("()", Npy.shapeText(new long[] {}));
    }

    @Test
    void sinkRoundTripsFloat64RowsAndInt8() throws IOException {
        NpyArraysSink sink = new NpyArraysSink(dir);
        double[] v = {1.5, -2.25, Double.MIN_VALUE, -0.0, 1e300, Math.PI};
        sink.write("v", new int[] {2, 3}, v);
        double[][] rows = {{1, 2, 3, 4}, {5, 6, 7, 8.5}, {-1, -2, -3, -4}};
        sink.writeRows("R", 3, 4, i -> rows[i]);
        sink.writeInt8("b", new int[] {4}, new byte[] {0, 1, 1, 0});
        sink.write("one", new int[] {3}, new double[] {7, 8, 9});

        Npy.Array a = Npy.read(dir.resolve("v.npy"));
        assertEquals("<f8", a.header().dtype().descr());
        assertArrayEquals(new long[] {2, 3}, a.header().shape());
        assertFalse(a.header().fortranOrder());
        assertArrayEquals(v, a.values());
        assertEquals(-0.0, a.at(1, 0));
        Npy.Array r = Npy.read(dir.resolve("R.npy"));
        assertArrayEquals(new long[] {3, 4}, r.header().shape());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(rows[i][j], r.at(i, j));
            }
        }
        Npy.Array b = Npy.read(dir.resolve("b.npy"));
        assertEquals("|i1", b.header().dtype().descr());
        assertArrayEquals(new double[] {0, 1, 1, 0}, b.values());
        assertArrayEquals(new long[] {3}, Npy.read(dir.resolve("one.npy")).header().shape());
        assertEquals(Files.size(dir.resolve("v.npy")), Npy.header("<f8", new long[] {2, 3}).length + 8 * 6);
        assertEquals(java.util.List.of("v.npy", "R.npy", "b.npy", "one.npy"), sink.written());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(4, s.count(), "no temporary file left");
        }
    }

    @Test
    void aFailedWriteLeavesNeitherTheFileNorATemporaryOne() throws IOException {
        NpyArraysSink sink = new NpyArraysSink(dir);
        assertThrows(IllegalStateException.class, () -> sink.writeRows("W", 3, 2, i -> {
            if (i == 2) {
                throw new IllegalStateException("boom");
            }
            return new double[] {1, 2};
        }));
        assertThrows(IllegalArgumentException.class, () -> sink.write("s", new int[] {2, 2}, new double[3]));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
        NpyArraysSink nowhere = new NpyArraysSink(dir.resolve("absent"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> nowhere.write("x", new int[] {1}, new double[] {1}));
        assertTrue(e.getMessage().contains("x.npy"), e.getMessage());
    }

    /** A .npy file as NumPy might write it, with any descriptor, order and header version. */
    private static byte[] file(int major, String descr, boolean fortran, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': "
                + shape + ", }";
        int pre = major == 1 ? 10 : 12;
        int pad = (64 - (pre + dict.length() + 1) % 64) % 64;
        byte[] text = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(pre + text.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(Npy.MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            b.putShort((short) text.length);
        } else {
            b.putInt(text.length);
        }
        return b.put(text).put(data).array();
    }

    @Test
    void readsOtherDtypesByteOrdersFortranOrderAndVersion2() throws IOException {
        // int32, Fortran order, shape (2, 3): memory holds column by column
        ByteBuffer ints = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : new int[] {1, 4, 2, 5, 3, 6}) {
            ints.putInt(v);
        }
        Path f = dir.resolve("i.npy");
        Files.write(f, file(1, "<i4", true, "(2, 3)", ints.array()));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, Npy.read(f).values());

        ByteBuffer big = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN).putDouble(-1.5).putDouble(2.5);
        Files.write(f, file(2, ">f8", false, "(2,)", big.array()));
        assertArrayEquals(new double[] {-1.5, 2.5}, Npy.read(f).values());

        ByteBuffer floats = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-3f);
        Files.write(f, file(1, "<f4", false, "(2, 1)", floats.array()));
        assertArrayEquals(new double[] {0.5, -3}, Npy.read(f).values());

        Files.write(f, file(1, "|b1", false, "(3,)", new byte[] {1, 0, 1}));
        assertArrayEquals(new double[] {1, 0, 1}, Npy.read(f).values());

        Files.write(f, file(1, "|u1", false, "(2,)", new byte[] {(byte) 255, 0}));
        assertArrayEquals(new double[] {255, 0}, Npy.read(f).values());
    }

    @Test
    void refusesWhatIsNotANumericNpyFile() throws IOException {
        Path f = dir.resolve("bad.npy");
        Files.writeString(f, "1,2,3\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Npy.read(f)).getMessage()
                .contains("not a NumPy .npy file"));
        Files.write(f, file(1, "<U5", false, "(1,)", new byte[20]));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Npy.read(f)).getMessage()
                .contains("dtype '<U5' is not supported"));
        Files.write(f, file(1, "<f8", false, "(2,)", new byte[8]));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Npy.read(f)).getMessage()
                .contains("truncated"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, new long[] {1}, new double[] {1});
        out.write(7);
        Files.write(f, out.toByteArray());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Npy.read(f)).getMessage()
                .contains("after its data"));
        assertThrows(IllegalArgumentException.class,
                () -> Npy.readHeader(new ByteArrayInputStream(file(4, "<f8", false, "(1,)", new byte[8]))));
    }
}
