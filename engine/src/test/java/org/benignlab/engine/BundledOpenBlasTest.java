package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenBLAS shipped with the build: found on the class path, extracted whole and once, and loaded. */
class BundledOpenBlasTest {
    private static final String PREFIX = "org/bytedeco/openblas/linux-x86_64/";

    @Test
    void platformNamesFollowBytedeco() {
        assertEquals("linux-x86_64", BundledOpenBlas.platform("Linux", "amd64"));
        assertEquals("linux-arm64", BundledOpenBlas.platform("Linux", "aarch64"));
        assertNull(BundledOpenBlas.platform("Mac OS X", "aarch64"), "the JNI binding has no macOS part");
        assertNull(BundledOpenBlas.platform("Linux", "s390x"));
    }

    @Test
    void theBuildShipsTheLibraryForLinuxX8664() {
        ClassLoader loader = getClass().getClassLoader();
        assertTrue(loader.getResource(PREFIX + "libopenblas.so.0") != null, "bytedeco's platform jar is a dependency");
        assertTrue(loader.getResource(PREFIX + "libgfortran.so.5") != null);
    }

    @Test
    void onLinuxX8664TheBundledLibraryIsTheDefault() {
        boolean here = "linux-x86_64".equals(
                BundledOpenBlas.platform(System.getProperty("os.name"), System.getProperty("os.arch")));
        org.junit.jupiter.api.Assumptions.assumeTrue(here && System.getProperty(NativeBlas.PROPERTY) == null,
                "not Linux x86_64, or -Dbenign.blas chooses the library");
        assertTrue(NativeBlas.available(), NativeBlas.description());
        assertTrue(NativeBlas.description().contains("-> bundled "), NativeBlas.description());
        assertTrue(NativeBlas.description().contains("libopenblas.so.0"), NativeBlas.description());
    }

    @Test
    void extractionIsWholeAndByteIdentical(@TempDir Path dir) throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        Path target = dir.resolve("openblas-test");
        BundledOpenBlas.extract(loader, PREFIX, target);
        for (String file : List.of("libopenblas.so.0", "libgfortran.so.5", "libquadmath.so.0", "libgcc_s.so.1")) {
            try (InputStream in = loader.getResourceAsStream(PREFIX + file)) {
                assertArrayEquals(in.readAllBytes(), Files.readAllBytes(target.resolve(file)), file);
            }
        }
        assertTrue(Files.isRegularFile(target.resolve(".complete")));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(target), left.toList(), "no temporary sibling is left");
        }
    }

    @Test
    void aCompleteFolderIsReusedAndAnIncompleteOneIsNot(@TempDir Path dir) throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        Path target = dir.resolve("done");
        Files.createDirectories(target);
        Files.writeString(target.resolve(".complete"), "x");
        BundledOpenBlas.extract(loader, PREFIX, target);
        assertFalse(Files.exists(target.resolve("libopenblas.so.0")), "a complete folder is not written again");

        // a folder cut short (no marker) is not used: the new copy cannot take its place, so extraction fails
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("libopenblas.so.0"), "half");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> BundledOpenBlas.extract(loader, PREFIX, broken));
        assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
    }

    @Test
    void concurrentExtractionsGiveOneCompleteFolder(@TempDir Path dir) throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        Path target = dir.resolve("raced");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> BundledOpenBlas.extract(loader, PREFIX, target)));
            }
            for (Future<Path> f : results) {
                assertEquals(target, f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(Files.isRegularFile(target.resolve(".complete")));
        try (InputStream in = loader.getResourceAsStream(PREFIX + "libopenblas.so.0")) {
            assertEquals(in.readAllBytes().length, Files.size(target.resolve("libopenblas.so.0")));
        }
    }
}
