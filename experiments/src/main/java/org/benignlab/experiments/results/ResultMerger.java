package org.benignlab.experiments.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.benignlab.api.results.AtomicFiles;
import org.benignlab.experiments.spec.InputException;

/**
 * Combines results folders of one experiment (the shards of a job array, or partial runs on several
 * machines) into one folder: the union of their planned runs, one finished folder per run (copied
 * into place by a rename, so a reader never sees half a run), a manifest, and runs.csv. Reads only
 * the result files, so folders copied from other machines merge without their code. The target folder
 * is locked ({@link FolderLock}) while it is written.
 */
public final class ResultMerger {

    /**
     * What a merge did.
     *
     * @param planned   runs planned by the union of the manifests
     * @param finished  runs finished in the merged folder
     * @param copied    runs copied in by this merge
     * @param missing   keys of planned runs finished nowhere
     * @param conflicts runs finished in two folders whose files differ (beyond timing and machine; the
     *                  first folder's run was kept), each with the files that differ
     */
    public record Result(int planned, int finished, int copied, List<String> missing, List<String> conflicts) {
    }

    private ResultMerger() {
    }

    /** Merges {@code sources} into {@code target} (which may be one of them, or new). */
    public static Result merge(List<Path> sources, Path target) {
        if (sources.isEmpty()) {
            throw new InputException("merge: give at least one results folder");
        }
        ResultStore.refuseForeignFolder(target, "merge --out");
        List<Path> all = new ArrayList<>();
        if (Files.exists(target.resolve(ResultStore.MANIFEST))) {
            all.add(target);
        }
        for (Path s : sources) {
            if (!all.contains(s)) {
                all.add(s);
            }
        }
        String name = null;
        String hash = null;
        Path first = null;
        Map<String, Object> sweep = null;
        Map<String, PlannedRun> plans = new LinkedHashMap<>();
        for (Path dir : all) {
            JsonNode m = manifest(dir);
            SeedingScheme.check(m, dir);
            String h = m.path("experiment_hash").asText("");
            if (hash == null) {
                hash = h;
                name = m.path("name").asText("?");
                first = dir;
                @SuppressWarnings("unchecked")
                Map<String, Object> sw = ResultStore.JSON.convertValue(m.path("sweep"), LinkedHashMap.class);
                sweep = sw == null ? new LinkedHashMap<>() : sw;
            } else if (!h.equals(hash)) {
                throw new InputException(dir + ": holds results of a different experiment ('" + m.path("name").asText("?")
                        + "', hash " + abbreviate(h) + ") than " + first + " ('" + name + "', hash " + abbreviate(hash)
                        + "); merge only folders of one experiment");
            }
            int i = 0;
            for (JsonNode e : m.path("runs")) {
                PlannedRun r = PlannedRun.fromManifest(e, dir.resolve(ResultStore.MANIFEST) + ": runs[" + i++ + "]");
                plans.putIfAbsent(r.key(), r);
            }
        }
        sweep.remove("shard");
        sweep.put("configurations", plans.values().stream().map(PlannedRun::configKey).distinct().count());
        sweep.put("repetitions", plans.values().stream().mapToInt(PlannedRun::repetition).max().orElse(0) + 1);
        ResultStore store = new ResultStore(target);
        List<ResultStore> stores = all.stream().map(ResultStore::new).toList();
        List<String> missing = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        int copied = 0;
        try (FolderLock lock = FolderLock.acquire(target, "merge --out")) {
            for (PlannedRun r : plans.values()) {
                Path kept = null;
                for (ResultStore source : stores) {
                    if (!source.isFinished(r.key())) {
                        continue;
                    }
                    if (kept == null) {
                        kept = source.runDir(r.key());
                    } else {
                        List<String> differ = differences(kept, source.runDir(r.key()));
                        if (!differ.isEmpty()) {
                            conflicts.add(r.key() + " (" + String.join(", ", differ) + " differ: " + kept.getParent()
                                    + " vs " + source.dir() + ")");
                        }
                    }
                }
                if (kept == null) {
                    missing.add(r.key());
                    continue;
                }
                Path dest = target.resolve(r.key());
                if (!kept.equals(dest)) {
                    copyRun(kept, dest);
                    copied++;
                }
            }
            store.prepare(name, hash, sweep, List.copyOf(plans.values()));
            store.flush();
        } catch (java.nio.file.FileSystemException e) {
            throw new InputException("merge --out " + target + ": cannot write (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(plans.size(), plans.size() - missing.size(), copied, missing, conflicts);
    }

    private static JsonNode manifest(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": " + (Files.exists(dir) ? "is not a directory" : "no such folder")
                    + "; expected a results folder (with manifest.json)");
        }
        Path m = dir.resolve(ResultStore.MANIFEST);
        if (!Files.exists(m)) {
            throw new InputException(dir + ": has no manifest.json; expected a results folder of 'benign run'");
        }
        org.benignlab.experiments.spec.InputFiles.requireRegular(m, m.toString(), "the manifest.json of a results folder");
        try {
            JsonNode n = ResultStore.JSON.readTree(m.toFile());
            if (n == null || !n.isObject() || !n.path("runs").isArray()) {
                throw new InputException(m + ": is not a manifest (expected an object with a runs list)");
            }
            return n;
        } catch (IOException e) {
            throw new InputException(m + ": cannot be read as JSON (" + e.getMessage().strip().split("\\R", 2)[0] + ")");
        }
    }

    /** Entries of provenance.json that describe the machine and the moment, not the run: they may differ. */
    private static final List<String> MACHINE = List.of("framework", "version", "git_commit", "java", "os", "cpus",
            "threads", "products", "started", "ended");

    /**
     * The files of two folders of one finished run that differ: config.yaml, metrics.csv and the arrays
     * byte for byte, summary.json but for its {@code seconds}, provenance.json but for the machine and
     * the times ({@link #MACHINE}); a file present in one folder only differs too.
     */
    static List<String> differences(Path a, Path b) throws IOException {
        List<String> differ = new ArrayList<>();
        for (String f : List.of(ResultStore.CONFIG, ResultStore.METRICS)) {
            if (!sameBytes(a.resolve(f), b.resolve(f))) {
                differ.add(f);
            }
        }
        if (!sameJson(a.resolve(ResultStore.SUMMARY), b.resolve(ResultStore.SUMMARY), List.of("seconds"))) {
            differ.add(ResultStore.SUMMARY);
        }
        if (!sameJson(a.resolve(ResultStore.PROVENANCE), b.resolve(ResultStore.PROVENANCE), MACHINE)) {
            differ.add(ResultStore.PROVENANCE);
        }
        java.util.Set<String> arrays = new java.util.TreeSet<>();
        for (Path d : List.of(a.resolve("arrays"), b.resolve("arrays"))) {
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.filter(Files::isRegularFile).filter(f -> !AtomicFiles.isTemporary(f))
                            .forEach(f -> arrays.add(f.getFileName().toString()));
                }
            }
        }
        for (String f : arrays) {
            if (!sameBytes(a.resolve("arrays").resolve(f), b.resolve("arrays").resolve(f))) {
                differ.add("arrays/" + f);
            }
        }
        return differ;
    }

    private static boolean sameBytes(Path x, Path y) throws IOException {
        boolean ex = Files.isRegularFile(x);
        boolean ey = Files.isRegularFile(y);
        if (ex != ey) {
            return false;
        }
        return !ex || Files.mismatch(x, y) < 0;
    }

    private static boolean sameJson(Path x, Path y, List<String> ignored) throws IOException {
        boolean ex = Files.isRegularFile(x);
        boolean ey = Files.isRegularFile(y);
        if (ex != ey) {
            return false;
        }
        if (!ex) {
            return true;
        }
        JsonNode jx = ResultStore.JSON.readTree(x.toFile());
        JsonNode jy = ResultStore.JSON.readTree(y.toFile());
        if (jx instanceof com.fasterxml.jackson.databind.node.ObjectNode ox
                && jy instanceof com.fasterxml.jackson.databind.node.ObjectNode oy) {
            ox.remove(ignored);
            oy.remove(ignored);
        }
        return Objects.equals(jx, jy);
    }

    /** Copies a run folder into a temporary sibling of {@code dest}, then renames it into place. */
    private static void copyRun(Path from, Path dest) throws IOException {
        Path tmp = AtomicFiles.temporarySibling(dest);
        try {
            copyRunVia(from, dest, tmp);
        } catch (IOException | RuntimeException e) {
            if (Files.exists(tmp)) {
                deleteTree(tmp); // a failed copy leaves nothing behind
            }
            if (e instanceof IOException io) {
                IOException named = new IOException("cannot copy run " + from + " to " + dest + ": " + io.getMessage());
                named.addSuppressed(io); // not the cause: messages name the root cause, which would drop the names
                throw named;
            }
            throw e;
        }
    }

    private static void copyRunVia(Path from, Path dest, Path tmp) throws IOException {
        Files.createDirectories(tmp);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> !AtomicFiles.isTemporary(f)).toList()) {
                Files.copy(f, tmp.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Path arrays = from.resolve("arrays");
        if (Files.isDirectory(arrays)) {
            Files.createDirectories(tmp.resolve("arrays"));
            try (Stream<Path> files = Files.list(arrays)) {
                for (Path f : files.filter(Files::isRegularFile).filter(f -> !AtomicFiles.isTemporary(f)).toList()) {
                    Files.copy(f, tmp.resolve("arrays").resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        if (Files.exists(dest)) {
            deleteTree(dest); // an unfinished attempt
        }
        Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
