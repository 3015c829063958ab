package org.benignlab.experiments.arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.benignlab.experiments.arrays.DataTables.Kind;
import org.benignlab.experiments.arrays.DataTables.Table;
import org.benignlab.experiments.spec.DataSpec;
import org.benignlab.experiments.spec.InputException;

/**
 * Data read from files ({@code data.type: file}; docs/arrays.md, "Your own data"):
 * <pre>
 * data:
 *   type: file
 *   x: X.npy          # n x p, one row per training point (.npy or .csv)
 *   y: y.npy          # n labels, all -1/+1 or all 0/1 (0 is read as -1)
 *   test_x: Xt.npy    # optional, n_test x p
 *   test_y: yt.npy    # optional, n_test labels
 *   noise: {type: random-flip, rate: 0.1}   # optional, on top of the given labels
 * </pre>
 * Relative paths are relative to the folder of the experiment file. Formats:
 * <ul>
 *   <li>{@code .npy}: NumPy's format ({@link Npy}: versions 1-3, C or Fortran order, float, integer or boolean
 *       dtypes); points 2-D (n, p); labels (n,) or (n, 1).</li>
 *   <li>{@code .csv}: UTF-8 text, one row per line, values separated by commas (or, on a line without a comma,
 *       by white space); blank lines are skipped; the first line is a header (and skipped) when any of its
 *       fields is not a number; {@code nan} and {@code inf} are read (and then refused as not finite). Labels:
 *       one value per line.</li>
 * </ul>
 * Every entry must be finite. Each problem is one line naming the YAML path, e.g.
 * {@code data.y: y.npy has 99 labels but data.x (X.npy) has 100 rows}.
 *
 * <p>At plan time ({@link #prepare}, called by the loader before the expressions are resolved) the files are
 * read and checked in full, and n, p, test and the SHA-256 of every file ({@code x_sha256}, {@code y_sha256},
 * {@code test_x_sha256}, {@code test_y_sha256}) are written into the experiment's tree: they are part of the
 * resolved configuration, so the run key (and the seeds) change when a file's content changes, and the
 * expressions may use n and p. A hash written in the YAML pins the content: a file with another hash is an
 * error. n, p and test written in the YAML must equal the files' sizes, and {@code cluster} may only be
 * {@code {type: file}}, so that a resolved configuration loads again (with the same run key). At run time
 * ({@link GivenFiles#given}) the engine loads the files again and refuses any whose hash changed.
 *
 * <p>Instances remember the files they have checked (by path, size and modification time), so a sweep that
 * names the same files in every point reads them once at plan time. Not thread-safe.
 */
public final class DataFiles {
    private final Map<String, Table> checked = new HashMap<>();

    /**
     * When {@code data.type} is {@code file}: reads and checks the files of {@code root}'s {@code data} block and
     * writes n, p, test and the hashes into it. Does nothing for other data.
     *
     * @param root   the experiment's tree (modified)
     * @param folder the folder relative paths are resolved against
     * @throws InputException for a missing or bad file, mismatched shapes or keys that do not apply
     */
    public void prepare(ObjectNode root, Path folder) {
        JsonNode node = root.get("data");
        if (!(node instanceof ObjectNode data)) {
            return;
        }
        JsonNode type = data.get("type");
        if (type == null || !type.isTextual() || !type.asText().equals(DataSpec.FILE)) {
            return;
        }
        refuse(data, "mu", "does not apply to data from a file (μ is unknown); remove it");
        JsonNode cluster = data.get("cluster");
        if (cluster != null && !(cluster.isObject() && cluster.size() == 1 && cluster.path("type").asText("")
                .equals(FileCluster.TYPE))) { // {type: file} is what a resolved configuration holds: accepted
            throw new InputException("data.cluster: does not apply to data from a file (the points are given, not "
                    + "drawn); remove it");
        }
        data.remove("cluster");
        String x = pathAt(data, "x", "the training points: .npy or .csv, one row per point");
        String y = pathAt(data, "y", "the training labels: .npy or .csv, -1/+1 or 0/1");
        String testX = optionalPath(data, "test_x");
        String testY = optionalPath(data, "test_y");
        if ((testX == null) != (testY == null)) {
            String missing = testX == null ? "test_x" : "test_y";
            throw new InputException("data." + missing + ": is required when data."
                    + (testX == null ? "test_y" : "test_x") + " is given (the test set needs points and labels)");
        }
        Table tx = check(folder, x, "data.x", Kind.POINTS);
        Table ty = check(folder, y, "data.y", Kind.LABELS);
        if (tx.rows() < 2) {
            throw new InputException("data.x: " + x + " has " + tx.rows() + (tx.rows() == 1 ? " row" : " rows")
                    + "; at least 2 training points are needed");
        }
        if (ty.rows() != tx.rows()) {
            throw new InputException("data.y: " + y + " has " + ty.rows() + " labels but data.x (" + x + ") has "
                    + tx.rows() + " rows");
        }
        int testRows = 0;
        Table ttx = null;
        Table tty = null;
        if (testX != null) {
            ttx = check(folder, testX, "data.test_x", Kind.POINTS);
            tty = check(folder, testY, "data.test_y", Kind.LABELS);
            if (ttx.columns() != tx.columns()) {
                throw new InputException("data.test_x: " + testX + " has " + ttx.columns() + " columns but data.x ("
                        + x + ") has " + tx.columns() + " (p)");
            }
            if (tty.rows() != ttx.rows()) {
                throw new InputException("data.test_y: " + testY + " has " + tty.rows() + " labels but data.test_x ("
                        + testX + ") has " + ttx.rows() + " rows");
            }
            testRows = ttx.rows();
        }
        pin(data, "x", x, tx);
        pin(data, "y", y, ty);
        if (testX != null) {
            pin(data, "test_x", testX, ttx);
            pin(data, "test_y", testY, tty);
        }
        put(data, "n", tx.rows(), "the number of rows of data.x (" + x + ")");
        put(data, "p", tx.columns(), "the number of columns of data.x (" + x + ")");
        put(data, "test", testRows, testX == null ? "0 without data.test_x" : "the number of rows of data.test_x ("
                + testX + ")");
    }

    private static void refuse(ObjectNode data, String key, String why) {
        if (data.has(key)) {
            throw new InputException("data." + key + ": " + why);
        }
    }

    /**
     * Writes a size taken from the files; one the YAML gives (as a resolved configuration does) must be that
     * number.
     */
    private static void put(ObjectNode data, String key, int value, String what) {
        JsonNode given = data.get(key);
        if (given != null && !given.isNull() && !(given.isNumber() && given.doubleValue() == value)) {
            throw new InputException("data." + key + ": is taken from the files (data.type: file): " + what + " is "
                    + value + ", not " + (given.isTextual() ? "'" + given.asText() + "'" : given.asText())
                    + "; leave data." + key + " out");
        }
        data.put(key, value);
    }

    private static String pathAt(ObjectNode data, String key, String what) {
        String p = optionalPath(data, key);
        if (p == null) {
            throw new InputException("data." + key + ": is required for data.type file (" + what + ")");
        }
        return p;
    }

    private static String optionalPath(ObjectNode data, String key) {
        JsonNode v = data.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new InputException("data." + key + ": must be a file path (.npy or .csv), got "
                    + (v.isObject() ? "a mapping" : v.isArray() ? "a list" : "'" + v.asText() + "'"));
        }
        return v.asText();
    }

    /** Writes the file's hash at {@code key}_sha256, or checks it against one the YAML gives. */
    private static void pin(ObjectNode data, String key, String file, Table t) {
        String hashKey = key + "_sha256";
        JsonNode given = data.get(hashKey);
        if (given != null && !given.isNull()) {
            if (!given.isTextual() || !given.asText().strip().equalsIgnoreCase(t.sha256())) {
                throw new InputException("data." + hashKey + ": " + file + " has SHA-256 " + t.sha256() + ", not "
                        + given.asText() + "; the file changed (set the new hash, or remove data." + hashKey + ")");
            }
        }
        data.put(hashKey, t.sha256());
    }

    /** Reads and checks one file at plan time (values not kept), or returns the result of an earlier check. */
    /**
     * When {@code network.second_layer.values} names a file: reads it (a .npy or .csv vector of -1/+1, or of 0/1
     * with 0 read as -1, as for labels) and writes its entries in place of the name, so that the resolved
     * configuration, and with it the run key, holds the signs themselves. Does nothing otherwise.
     *
     * @param root   the experiment's tree (modified)
     * @param folder the folder a relative path is resolved against
     * @throws InputException for a missing or bad file
     */
    public void prepareSignValues(ObjectNode root, Path folder) {
        if (!(root.get("network") instanceof ObjectNode network)
                || !(network.get("second_layer") instanceof ObjectNode layer)) {
            return;
        }
        JsonNode values = layer.get("values");
        if (values == null || !values.isTextual()) {
            return;
        }
        String given = values.asText();
        String yamlPath = "network.second_layer.values";
        double[] signs = DataTables.read(resolve(folder, given), given, yamlPath, Kind.LABELS, true, folder).values()[0];
        com.fasterxml.jackson.databind.node.ArrayNode list = layer.arrayNode(signs.length);
        for (double v : signs) {
            list.add((int) v);
        }
        layer.set("values", list);
    }

    private Table check(Path folder, String given, String yamlPath, Kind kind) {
        Path file = resolve(folder, given);
        String cacheKey;
        try {
            cacheKey = kind + "\u0000" + file.toAbsolutePath().normalize() + "\u0000" + Files.size(file) + "\u0000"
                    + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            cacheKey = null; // read() reports the problem
        }
        Table t = cacheKey == null ? null : checked.get(cacheKey);
        if (t == null) {
            Table full = DataTables.read(file, given, yamlPath, kind, false, folder);
            t = new Table(full.rows(), full.columns(), full.sha256(), null);
            if (cacheKey != null) {
                checked.put(cacheKey, t);
            }
        }
        return t;
    }

    static Path resolve(Path folder, String given) {
        Path p = Path.of(given);
        return p.isAbsolute() || folder == null ? p : folder.resolve(p);
    }
}
