package org.benignlab.experiments.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.benignlab.experiments.run.RunPlan;
import org.benignlab.experiments.spec.InputException;

/**
 * The results folder of one experiment (ARCHITECTURE.md, "Runs, seeds, results"):
 * <pre>
 *   manifest.json               planned runs with their keys and resolved configurations
 *   runs.csv                    one row per finished run, rebuilt atomically from the summaries
 *   &lt;key&gt;/config.yaml          resolved configuration
 *   &lt;key&gt;/provenance.json      versions, seeds, times, engine
 *   &lt;key&gt;/metrics.csv          step,metric,value (long format)
 *   &lt;key&gt;/summary.json         written last, atomically: a run is finished iff it exists
 * </pre>
 * Every file is written atomically (temporary sibling, then rename), so an interrupted run leaves
 * nothing a reader would misread; running again redoes only unfinished runs.
 */
public final class ResultStore {
    public static final String MANIFEST = "manifest.json";
    public static final String RUNS_CSV = "runs.csv";
    public static final String SUMMARY = "summary.json";
    public static final String METRICS = "metrics.csv";
    public static final String CONFIG = "config.yaml";
    public static final String PROVENANCE = "provenance.json";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private final Path dir;

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
     * Creates the folder and writes the manifest. A folder whose manifest belongs to another
     * experiment (other hash) is refused, so results of two experiments never mix.
     */
    public void prepare(String name, String experimentHash, List<RunPlan> runs) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new InputException("--out " + dir + ": exists and is not a directory");
            }
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new InputException("--out " + dir + ": folder is not writable");
            }
            Path manifest = dir.resolve(MANIFEST);
            if (Files.exists(manifest)) {
                JsonNode old = JSON.readTree(manifest.toFile());
                String oldHash = old.path("experiment_hash").asText("");
                if (!oldHash.equals(experimentHash)) {
                    throw new InputException(dir + ": holds results of a different experiment ('"
                            + old.path("name").asText("?") + "', hash " + abbreviate(oldHash) + ", this one "
                            + abbreviate(experimentHash) + "); choose another folder with --out");
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("experiment_hash", experimentHash);
            List<Map<String, Object>> planned = new ArrayList<>();
            for (RunPlan r : runs) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("key", r.key());
                e.put("repetition", r.repetition());
                e.put("config", r.resolved());
                planned.add(e);
            }
            m.put("runs", planned);
            AtomicFiles.write(manifest, JSON.writeValueAsString(m) + "\n");
        } catch (java.nio.file.FileSystemException e) {
            throw new InputException("--out " + dir + ": cannot create or write the folder (" + why(e) + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** Whether a run has finished (its summary exists). */
    public boolean isFinished(String key) {
        return Files.exists(runDir(key).resolve(SUMMARY));
    }

    /** The summary of a finished run. */
    public Map<String, Object> readSummary(String key) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = JSON.readValue(runDir(key).resolve(SUMMARY).toFile(), LinkedHashMap.class);
        return m;
    }

    /** Starts writing a run: its folder, its config.yaml, and a metrics writer to a temporary file. */
    public MetricsWriter start(RunPlan plan) throws IOException {
        Path rd = runDir(plan.key());
        Files.createDirectories(rd);
        AtomicFiles.write(rd.resolve(CONFIG), YAML.writeValueAsString(plan.resolved()));
        Files.deleteIfExists(rd.resolve(SUMMARY));
        return new MetricsWriter(rd.resolve("." + METRICS + ".tmp"), rd.resolve(METRICS));
    }

    /**
     * Finishes a run: metrics.csv and provenance.json into place, then summary.json (last), then
     * runs.csv rebuilt from every finished run of the manifest.
     */
    public void finish(RunPlan plan, MetricsWriter metrics, Map<String, Object> provenance,
                       Map<String, Object> summary, List<RunPlan> allRuns) throws IOException {
        Path rd = runDir(plan.key());
        metrics.commit();
        AtomicFiles.write(rd.resolve(PROVENANCE), JSON.writeValueAsString(provenance) + "\n");
        AtomicFiles.write(rd.resolve(SUMMARY), JSON.writeValueAsString(summary) + "\n");
        rebuildRunsCsv(allRuns);
    }

    /** Rewrites runs.csv (atomically) from the summaries of the finished runs, in manifest order. */
    public synchronized void rebuildRunsCsv(List<RunPlan> runs) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (RunPlan r : runs) {
            if (!isFinished(r.key())) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("run_key", r.key());
            row.put("repetition", r.repetition());
            Map<String, Object> s = readSummary(r.key());
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) s.getOrDefault("parameters", Map.of());
            row.putAll(params);
            for (Map.Entry<String, Object> e : s.entrySet()) {
                if (!(e.getValue() instanceof Map) && !(e.getValue() instanceof List) && !e.getKey().equals("run_key")) {
                    row.put(e.getKey(), e.getValue());
                }
            }
            columns.addAll(row.keySet());
            rows.add(row);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", columns)).append('\n');
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                cells.add(csv(row.get(c)));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        AtomicFiles.write(dir.resolve(RUNS_CSV), sb.toString());
    }

    static String csv(Object v) {
        if (v == null) {
            return "";
        }
        String s = String.valueOf(v);
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Streams metrics (step,metric,value) to a temporary file; {@link #commit()} moves it into place. */
    public static final class MetricsWriter implements AutoCloseable {
        private final Path tmp;
        private final Path target;
        private final BufferedWriter out;

        MetricsWriter(Path tmp, Path target) throws IOException {
            this.tmp = tmp;
            this.target = target;
            this.out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
            out.write("step,metric,value\n");
        }

        /** Appends one row. */
        public void record(long step, String metric, double value) {
            try {
                out.write(Long.toString(step));
                out.write(',');
                out.write(metric);
                out.write(',');
                out.write(Double.isNaN(value) ? "NaN" : Double.toString(value));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void commit() throws IOException {
            out.close();
            AtomicFiles.moveIntoPlace(tmp, target);
        }

        @Override
        public void close() throws IOException {
            out.close();
            Files.deleteIfExists(tmp);
        }
    }
}
