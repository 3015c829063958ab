package org.benignlab.experiments.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.benignlab.api.results.AtomicFiles;
import org.benignlab.api.results.RunSchema;
import org.benignlab.experiments.run.RunOutput;
import org.benignlab.experiments.spec.InputException;

/**
 * The results folder of one experiment (ARCHITECTURE.md, "Runs, seeds, results"):
 * <pre>
 *   manifest.json               planned runs with their keys and resolved configurations
 *   runs.csv                    one row per finished run (swept paths, parameters, final metrics, status,
 *                               seconds), rewritten atomically from the summaries
 *   &lt;key&gt;/config.yaml          resolved configuration
 *   &lt;key&gt;/provenance.json      versions, seeds, times, engine
 *   &lt;key&gt;/metrics.csv          step,metric,value (long format)
 *   &lt;key&gt;/summary.json         written last, atomically: a run is finished iff it exists (status failed: run again)
 * </pre>
 * Every file is written atomically (temporary sibling, then rename), so an interrupted run leaves
 * nothing a reader would misread; running again redoes only unfinished runs.
 */
public final class ResultStore {
    public static final String MANIFEST = RunSchema.MANIFEST;
    public static final String RUNS_CSV = RunSchema.RUNS_CSV;
    public static final String SUMMARY = RunSchema.SUMMARY;
    public static final String METRICS = RunSchema.METRICS;
    public static final String CONFIG = RunSchema.CONFIG;
    public static final String PROVENANCE = RunSchema.PROVENANCE;
    /** The lock file of a results folder (see {@link FolderLock}). */
    public static final String LOCK = ".benign.lock";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    /** Columns of runs.csv after the run key, config key, repetition and swept paths. */
    public static final List<String> FIXED_COLUMNS = RunSchema.RUNS_CSV_COLUMNS;

    /** runs.csv is rewritten at every finished run up to this many rows, then at most once a second. */
    private static final int EAGER_ROWS = 2000;
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private final Path dir;
    private final Map<String, Map<String, Object>> rows = new HashMap<>();
    private List<PlannedRun> plans = List.of();
    private List<String> sweptPaths = List.of();
    private long lastCsvWrite;
    private boolean csvDirty;

    public ResultStore(Path dir) {
        this.dir = dir;
    }

    /** The experiment's folder. */
    public Path dir() {
        return dir;
    }

    /** The folder of one run. */
    public Path runDir(String key) {
        return dir.resolve(key);
    }

    /**
     * Refuses a folder that is not a directory, a folder that holds anything but is no results folder
     * (no manifest.json: a user's folder is never prepared, cleaned or written into), or one whose
     * manifest belongs to another experiment (other hash) or another seeding scheme ({@link SeedingScheme}),
     * so results of two experiments never mix. Reads only.
     */
    public void checkSameExperiment(String experimentHash) {
        refuseForeignFolder(dir, "--out");
        checkHash(experimentHash);
    }

    private void checkHash(String experimentHash) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InputException("--out " + dir + ": exists and is not a directory");
        }
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.exists(manifest)) {
            return;
        }
        org.benignlab.experiments.spec.InputFiles.requireRegular(manifest, manifest.toString(),
                "the manifest.json of a results folder");
        JsonNode old;
        try {
            old = JSON.readTree(manifest.toFile());
        } catch (IOException e) {
            throw new InputException(manifest + ": cannot be read as JSON (" + firstLine(e.getMessage())
                    + "); choose another folder with --out or --force-new");
        }
        SeedingScheme.check(old, dir);
        String oldHash = old.path("experiment_hash").asText("");
        if (!oldHash.equals(experimentHash)) {
            throw new InputException(dir + ": holds results of a different experiment ('"
                    + old.path("name").asText("?") + "', hash " + abbreviate(oldHash) + ", this one "
                    + abbreviate(experimentHash) + "); choose another folder with --out, or --force-new");
        }
    }

    /**
     * Refuses {@code dir} as a folder to write results into unless it is absent, empty (but for
     * temporary files and the lock file of ours), or a results folder (it has a manifest.json). Reads only.
     *
     * @param option the argument that named the folder, for the message ({@code --out}, {@code merge --out})
     */
    public static void refuseForeignFolder(Path dir, String option) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InputException(option + " " + dir + ": exists and is not a directory");
        }
        if (!Files.isDirectory(dir) || Files.exists(dir.resolve(MANIFEST), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!isAbsentOrEmpty(dir)) {
            throw new InputException(option + " " + dir + ": is a folder with files in it but no manifest.json, so "
                    + "not a results folder; give a new or empty folder (nothing was changed)");
        }
    }

    /** A folder for a new experiment: {@code dir} if it is absent or empty, else the first free dir-2, dir-3, ... */
    public static Path freshFolder(Path dir) {
        if (isAbsentOrEmpty(dir)) {
            return dir;
        }
        for (int i = 2; ; i++) {
            Path candidate = dir.resolveSibling(dir.getFileName() + "-" + i);
            if (isAbsentOrEmpty(candidate)) {
                return candidate;
            }
        }
    }

    /** Absent, or a folder that holds nothing but temporary files and the lock file of ours. */
    private static boolean isAbsentOrEmpty(Path d) {
        if (!Files.exists(d)) {
            return true;
        }
        if (!Files.isDirectory(d)) {
            return false;
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.allMatch(f -> AtomicFiles.isTemporary(f) || f.getFileName().toString().equals(LOCK));
        } catch (IOException e) {
            return false;
        }
    }

    private boolean hasAllFiles(String key) {
        for (String f : RUN_FILES) {
            if (!Files.isRegularFile(runDir(key).resolve(f))) {
                return false;
            }
        }
        return true;
    }

    /** The files every finished run has; a run missing any of them is run again. */
    public static final List<String> RUN_FILES = RunSchema.RUN_FILES;

    /**
     * Whether a run has finished: its summary exists, can be read, and does not say {@code failed}
     * (a failed run is run again on resume), and the rest of its files ({@link #RUN_FILES}) are there.
     */
    public boolean isFinished(String key) {
        if (!hasAllFiles(key)) {
            return false;
        }
        Path summary = runDir(key).resolve(SUMMARY);
        try {
            return !"failed".equals(JSON.readTree(summary.toFile()).path("status").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Creates the folder, writes the manifest (every planned run, before any starts), removes the
     * temporary files of ours a killed process left behind, and writes runs.csv from the runs already
     * finished. Refuses a manifest of another experiment; whether the folder may be written at all is
     * {@link #checkSameExperiment}'s question, asked by the caller first.
     *
     * @param sweep {@code paths} (swept dotted paths) and {@code repetitions}, recorded in the manifest
     */
    public void prepare(String name, String experimentHash, Map<String, Object> sweep, List<PlannedRun> runs) {
        checkHash(experimentHash);
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new InputException("--out " + dir + ": folder is not writable");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("experiment_hash", experimentHash);
            m.put(SeedingScheme.FIELD, SeedingScheme.CURRENT);
            m.put("sweep", sweep);
            List<Map<String, Object>> planned = new ArrayList<>();
            for (PlannedRun r : runs) {
                planned.add(r.toManifest());
            }
            m.put("runs", planned);
            removeTemporaryFiles(dir, runs);
            AtomicFiles.write(dir.resolve(MANIFEST), JSON.writeValueAsString(m) + "\n");
            synchronized (this) {
                this.plans = List.copyOf(runs);
                this.sweptPaths = List.copyOf(runs.isEmpty() ? List.of() : runs.get(0).swept().keySet());
                rows.clear();
                for (PlannedRun r : runs) {
                    if (hasAllFiles(r.key())) { // finished, or failed; a run missing a file has no row until redone
                        try {
                            rows.put(r.key(), row(r, readSummary(r.key())));
                        } catch (IOException e) {
                            // unreadable summary: the run is not finished and will run again
                        }
                    }
                }
                writeRunsCsv();
            }
        } catch (java.nio.file.FileSystemException e) {
            throw new InputException("--out " + dir + ": cannot create or write the folder (" + why(e) + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes what a killed process of ours left, and only that: temporary files and temporary run
     * folders of a merge ({@link AtomicFiles#isTemporary}) directly in the results folder, in the folders
     * of the planned runs and in their {@code arrays/} folders.
     */
    private static void removeTemporaryFiles(Path dir, List<PlannedRun> runs) throws IOException {
        List<Path> places = new ArrayList<>();
        places.add(dir);
        for (PlannedRun r : runs) {
            places.add(dir.resolve(r.key()));
            places.add(dir.resolve(r.key()).resolve("arrays"));
        }
        for (Path place : places) {
            if (!Files.isDirectory(place, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            List<Path> garbage;
            try (Stream<Path> s = Files.list(place)) {
                garbage = s.filter(AtomicFiles::isTemporary).toList();
            }
            for (Path p : garbage) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    try (Stream<Path> s = Files.walk(p)) {
                        for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(f);
                        }
                    }
                } else {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().split("\\R", 2)[0];
    }

    private static String why(java.nio.file.FileSystemException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + e.getFile();
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "cannot create " + e.getFile();
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file is in the way: " + e.getFile();
        }
        return e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    /** The summary of a finished run. */
    public Map<String, Object> readSummary(String key) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = JSON.readValue(runDir(key).resolve(SUMMARY).toFile(), LinkedHashMap.class);
        return m;
    }

    /**
     * Writes a run's folder: config.yaml, metrics.csv, provenance.json, then summary.json last (each
     * atomically), so the run counts as finished only once everything is in place; then its row joins
     * runs.csv. Safe to call from several threads for different runs.
     */
    public void commit(RunOutput record) throws IOException {
        PlannedRun plan = record.plan().entry();
        Path rd = runDir(plan.key());
        Files.createDirectories(rd);
        Files.deleteIfExists(rd.resolve(SUMMARY)); // a failed earlier attempt: unfinished until this one is written
        AtomicFiles.write(rd.resolve(CONFIG), YAML.writeValueAsString(plan.config()));
        AtomicFiles.write(rd.resolve(METRICS), record.metricsCsv());
        AtomicFiles.write(rd.resolve(PROVENANCE), JSON.writeValueAsString(record.provenance()) + "\n");
        AtomicFiles.write(rd.resolve(SUMMARY), JSON.writeValueAsString(record.summary()) + "\n");
        synchronized (this) {
            rows.put(plan.key(), row(plan, record.summary()));
            long now = System.nanoTime();
            if (rows.size() <= EAGER_ROWS || now - lastCsvWrite > 1_000_000_000L) {
                writeRunsCsv();
            } else {
                csvDirty = true;
            }
        }
    }

    /** Writes runs.csv if rows were added since it was last written (at the end of a sweep). */
    public synchronized void flush() throws IOException {
        if (csvDirty) {
            writeRunsCsv();
        }
    }

    /**
     * Rewrites runs.csv atomically from the rows held, in manifest order: a reader sees the old or the
     * new table, never a half-written row, and a killed sweep leaves a table of whole rows that the
     * next run completes from the summaries.
     */
    private void writeRunsCsv() throws IOException {
        List<String> columns = new ArrayList<>();
        columns.add("run_key");
        columns.add("config_key");
        columns.add("repetition");
        columns.addAll(sweptPaths);
        for (String c : FIXED_COLUMNS) {
            if (!columns.contains(c)) {
                columns.add(c);
            }
        }
        Set<String> extra = new LinkedHashSet<>();
        for (Map<String, Object> row : rows.values()) {
            for (String k : row.keySet()) {
                if (!columns.contains(k)) {
                    extra.add(k);
                }
            }
        }
        columns.addAll(extra);
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", columns.stream().map(ResultStore::csv).toList())).append('\n');
        for (PlannedRun r : plans) {
            Map<String, Object> row = rows.get(r.key());
            if (row == null) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                cells.add(csv(row.get(c)));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        AtomicFiles.write(dir.resolve(RUNS_CSV), sb.toString());
        lastCsvWrite = System.nanoTime();
        csvDirty = false;
    }

    private static Map<String, Object> row(PlannedRun r, Map<String, Object> s) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("run_key", r.key());
        row.put("config_key", r.configKey());
        row.put("repetition", r.repetition());
        for (Map.Entry<String, Object> e : r.swept().entrySet()) {
            Object v = e.getValue();
            row.put(e.getKey(), v instanceof Map || v instanceof List ? COMPACT.writeValueAsString(v) : v);
        }
        Object params = s.get("parameters");
        if (params instanceof Map<?, ?> pm) {
            pm.forEach((k, v) -> row.put(String.valueOf(k), v));
        }
        for (Map.Entry<String, Object> e : s.entrySet()) {
            if (!(e.getValue() instanceof Map) && !(e.getValue() instanceof List) && !row.containsKey(e.getKey())
                    && !e.getKey().equals("name")) { // the experiment's name: the same in every row
                row.put(e.getKey(), e.getValue());
            }
        }
        return row;
    }

    /** A cell of runs.csv: neutralised for spreadsheets and quoted ({@link org.benignlab.api.CsvCells}). */
    static String csv(Object v) {
        return org.benignlab.api.CsvCells.cell(v);
    }
}
