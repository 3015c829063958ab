package org.benignlab.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The OpenBLAS that the build brings: the shared libraries of bytedeco's {@code openblas} platform jar
 * ({@code org/bytedeco/openblas/<platform>/libopenblas.so.0} and the runtime libraries beside it, whose RUNPATH
 * is {@code $ORIGIN}), copied once into a cache folder so that the JNI binding can {@code dlopen} them by path.
 *
 * <p>The folder is {@code $XDG_CACHE_HOME/benign-lab/openblas-<version>-<platform>} (else
 * {@code ~/.cache/...}, else {@code <java.io.tmpdir>/benign-lab-<user>/...}). It is complete iff it exists:
 * the files are written into a temporary sibling with the process id in its name, a marker file last, and the
 * sibling is renamed into place; a process that loses the race deletes its own copy and uses the winner's.
 * Nothing is downloaded: the files come from the class path.
 */
final class BundledOpenBlas {
    /** Where bytedeco's platform jars keep their files. */
    private static final String ROOT = "org/bytedeco/openblas/";
    private static final String POM = "META-INF/maven/org.bytedeco/openblas/pom.properties";
    /** The library first, then what it needs at load that the jar ships beside it. */
    private static final List<String> LINUX_FILES =
            List.of("libopenblas.so.0", "libgfortran.so.5", "libquadmath.so.0", "libgcc_s.so.1");
    private static final String MARKER = ".complete";
    /** Infix of a copy in progress: {@code <target>.extracting-<pid>-<thread>}. */
    private static final String TEMP = ".extracting-";

    private BundledOpenBlas() {
    }

    /**
     * bytedeco's platform name for this JVM ({@code linux-x86_64}, {@code linux-arm64}, ...), or null where the
     * JNI binding has no native part (it ships Linux only).
     */
    static String platform(String osName, String osArch) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return null;
        }
        switch (osArch) {
            case "amd64":
            case "x86_64":
                return "linux-x86_64";
            case "aarch64":
                return "linux-arm64";
            case "ppc64le":
                return "linux-ppc64le";
            default:
                return null;
        }
    }

    /**
     * The path of the bundled {@code libopenblas.so.0}, extracted into the cache folder if it is not there yet.
     *
     * @throws IOException with the reason (no platform jar on the class path, folder not writable, ...)
     */
    static Path library(ClassLoader loader) throws IOException {
        String platform = platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        if (platform == null) {
            throw new IOException("no bundled OpenBLAS for " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch"));
        }
        String prefix = ROOT + platform + "/";
        if (loader.getResource(prefix + LINUX_FILES.get(0)) == null) {
            throw new IOException("no bundled OpenBLAS for " + platform + " on the class path");
        }
        String name = "openblas-" + version(loader) + "-" + platform;
        IOException last = null;
        for (Path base : cacheRoots()) {
            try {
                return extract(loader, prefix, base.resolve(name)).resolve(LINUX_FILES.get(0));
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The version in the platform jar's pom.properties ("unknown" when absent). */
    private static String version(ClassLoader loader) throws IOException {
        try (InputStream in = loader.getResourceAsStream(POM)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown").replaceAll("[^A-Za-z0-9._-]", "_");
        }
    }

    /** Candidate cache folders, most preferred first. */
    static List<Path> cacheRoots() {
        List<Path> roots = new ArrayList<>();
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            roots.add(Path.of(xdg, "benign-lab"));
        }
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && !"?".equals(home)) {
            roots.add(Path.of(home, ".cache", "benign-lab"));
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        roots.add(Path.of(System.getProperty("java.io.tmpdir"), "benign-lab-" + user));
        return roots;
    }

    /** Copies the files into {@code target} unless it is complete already; returns {@code target}. */
    static Path extract(ClassLoader loader, String prefix, Path target) throws IOException {
        if (Files.isRegularFile(target.resolve(MARKER))) {
            return target;
        }
        Files.createDirectories(target.getParent());
        removeAbandoned(target);
        Path temp = target.resolveSibling(target.getFileName() + TEMP + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().getId());
        deleteTree(temp);
        Files.createDirectory(temp);
        try {
            for (String file : LINUX_FILES) {
                try (InputStream in = loader.getResourceAsStream(prefix + file)) {
                    if (in != null) { // the runtime libraries are optional: the system may have them
                        Files.copy(in, temp.resolve(file));
                    }
                }
            }
            Files.writeString(temp.resolve(MARKER), prefix + "\n");
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) { // e.g. ENOTEMPTY: the target exists
                // another process finished first (or a broken folder is in the way): use a complete one only
                if (!Files.isRegularFile(target.resolve(MARKER))) {
                    throw new IOException("cannot place the bundled OpenBLAS at " + target + ": " + e.getMessage(), e);
                }
            }
            return target;
        } finally {
            deleteTree(temp);
        }
    }

    /** Deletes copies in progress beside {@code target} whose process is gone (killed while extracting). */
    private static void removeAbandoned(Path target) {
        String stem = target.getFileName() + TEMP;
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            for (Path p : (Iterable<Path>) siblings::iterator) {
                String name = p.getFileName().toString();
                if (!name.startsWith(stem)) {
                    continue;
                }
                String pid = name.substring(stem.length()).split("-")[0];
                try {
                    if (ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                        deleteTree(p);
                    }
                } catch (NumberFormatException | IOException e) {
                    // not ours, or in use: leave it
                }
            }
        } catch (IOException e) {
            // nothing to clean, or the folder is not readable: the copy below reports what matters
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
