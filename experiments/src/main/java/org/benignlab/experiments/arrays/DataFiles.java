package org.benignlab.experiments.arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.benignlab.engine.GivenData;
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
 * ({@link #given}) the engine loads the files again and refuses any whose hash changed.
 *
 * <p>Instances remember the files they have checked (by path, size and modification time), so a sweep that
 * names the same files in every point reads them once at plan time. Not thread-safe.
 */
public final class DataFiles {
    private final Map<String, Table> checked = new HashMap<>();

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
        double[] signs = read(resolve(folder, given), given, yamlPath, Kind.LABELS, true, folder).values()[0];
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
            Table full = read(file, given, yamlPath, kind, false, folder);
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

    /**
     * The given data of a spec with {@code type: file}: sizes from the spec, the files loaded (and their hashes
     * checked against the spec's) when the engine asks.
     */
    public static GivenData given(DataSpec spec) {
        if (!spec.isFile()) {
            throw new IllegalArgumentException("data.type is not file");
        }
        return new FileData(spec);
    }

    /**
     * The {@code data_files} entry of provenance.json for data from files: per YAML key ({@code x}, {@code y},
     * {@code test_x}, {@code test_y}) the absolute path read and its SHA-256; null for drawn data.
     */
    public static Map<String, Object> provenance(DataSpec spec) {
        if (!spec.isFile()) {
            return null;
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        String[] keys = {"x", "y", "test_x", "test_y"};
        String[] paths = {spec.x(), spec.y(), spec.testX(), spec.testY()};
        String[] hashes = {spec.xSha256(), spec.ySha256(), spec.testXSha256(), spec.testYSha256()};
        for (int i = 0; i < keys.length; i++) {
            if (paths[i] != null) {
                Map<String, Object> f = new java.util.LinkedHashMap<>();
                f.put("path", spec.resolve(paths[i]).toAbsolutePath().normalize().toString());
                f.put("sha256", hashes[i]);
                out.put(keys[i], f);
            }
        }
        return out;
    }

    /** {@link GivenData} read from the files of a spec. */
    private static final class FileData implements GivenData {
        private final DataSpec spec;

        FileData(DataSpec spec) {
            this.spec = spec;
        }

        @Override
        public int size() {
            return spec.n();
        }

        @Override
        public int dimension() {
            return spec.p();
        }

        @Override
        public int testSize() {
            return spec.test();
        }

        @Override
        public Points load() {
            double[][] x = load("data.x", spec.x(), spec.xSha256(), Kind.POINTS);
            double[] y = load("data.y", spec.y(), spec.ySha256(), Kind.LABELS)[0];
            double[][] testX = new double[0][];
            double[] testY = new double[0];
            if (spec.testX() != null) {
                testX = load("data.test_x", spec.testX(), spec.testXSha256(), Kind.POINTS);
                testY = load("data.test_y", spec.testY(), spec.testYSha256(), Kind.LABELS)[0];
            }
            return new Points(x, y, testX, testY);
        }

        private double[][] load(String yamlPath, String given, String sha, Kind kind) {
            Table t = read(spec.resolve(given), given, yamlPath, kind, true, spec.folder());
            if (!t.sha256().equalsIgnoreCase(sha)) {
                throw new IllegalStateException(yamlPath + ": " + given + " changed since the experiment was planned "
                        + "(SHA-256 now " + t.sha256() + ", planned " + sha + "); run the experiment again");
            }
            return t.values();
        }

        @Override
        public String toString() {
            return "files " + spec.x() + ", " + spec.y() + (spec.testX() == null ? "" : ", " + spec.testX() + ", "
                    + spec.testY());
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Reading

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
                    : readCsv(in, name, yamlPath, kind, keep);
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

    private static final Pattern NUMBER = Pattern.compile(
            "[+-]?(\\d+\\.?\\d*([eE][+-]?\\d+)?|\\.\\d+([eE][+-]?\\d+)?|nan|inf|infinity)",
            Pattern.CASE_INSENSITIVE);

    private static Table readCsv(InputStream in, String name, String yamlPath, Kind kind, boolean keep)
            throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<double[]> rows = new ArrayList<>();
        int cols = -1;
        int lineNo = 0;
        int firstDataLine = 0;
        boolean first = true;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, decoder))) {
            for (String line = boundedLine(r, name, yamlPath, lineNo + 1); line != null;
                 line = boundedLine(r, name, yamlPath, lineNo + 1)) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.contains(",") ? line.split(",", -1) : line.strip().split("\\s+");
                if (first) {
                    first = false;
                    boolean header = false;
                    for (String f : fields) {
                        header |= !NUMBER.matcher(f.strip()).matches();
                    }
                    if (header) {
                        continue;
                    }
                }
                if (cols < 0) {
                    cols = fields.length;
                    firstDataLine = lineNo;
                } else if (fields.length != cols) {
                    throw new InputException(yamlPath + ": " + name + " line " + lineNo + " has " + fields.length
                            + " values, line " + firstDataLine + " has " + cols);
                }
                double[] row = new double[fields.length];
                for (int c = 0; c < fields.length; c++) {
                    String f = fields[c].strip();
                    if (!NUMBER.matcher(f).matches()) {
                        throw new InputException(yamlPath + ": " + name + " line " + lineNo + ", column " + (c + 1)
                                + ": '" + f + "' is not a number");
                    }
                    row[c] = parse(f);
                }
                rows.add(row);
            }
        } catch (CharacterCodingException e) {
            throw new InputException(yamlPath + ": " + name + " is not UTF-8 text (line " + (lineNo + 1)
                    + "); is it a .npy file with a .csv name?");
        }
        if (rows.isEmpty()) {
            throw new InputException(yamlPath + ": " + name + " holds no numbers");
        }
        if (kind == Kind.LABELS && cols != 1) {
            throw new InputException(yamlPath + ": " + name + " has " + cols + " values per line; expected one "
                    + "label per line");
        }
        int n = rows.size();
        Sink sink = new Sink(name, yamlPath, kind, n, kind == Kind.POINTS ? cols : 1, keep || kind == Kind.LABELS);
        for (int i = 0; i < n; i++) {
            double[] row = rows.get(i);
            for (int c = 0; c < row.length; c++) {
                sink.accept(i, c, row[c]);
            }
        }
        return sink.table();
    }

    /** Longest line of a CSV data file, in characters (about a million values; wider data go in .npy files). */
    static final int MAX_CSV_LINE = 1 << 25;

    /**
     * The next line without its terminator (\n, \r\n or \r), or null at the end; a line longer than
     * {@link #MAX_CSV_LINE} characters is refused as soon as that many have been read.
     */
    private static String boundedLine(BufferedReader r, String name, String yamlPath, int lineNo) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c = r.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n' && c != '\r') {
            if (sb.length() >= MAX_CSV_LINE) {
                throw new InputException(yamlPath + ": " + name + " line " + lineNo + " is longer than "
                        + MAX_CSV_LINE + " characters; write data this wide as a .npy file (numpy.save)");
            }
            sb.append((char) c);
            c = r.read();
        }
        if (c == '\r') {
            r.mark(1);
            if (r.read() != '\n') {
                r.reset();
            }
        }
        return sb.toString();
    }

    private static double parse(String f) {
        String t = f.toLowerCase(Locale.ROOT);
        String body = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        boolean negative = t.startsWith("-");
        if (body.equals("nan")) {
            return Double.NaN;
        }
        if (body.equals("inf") || body.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(f);
    }

    /** Checks values as they arrive and keeps them if asked; labels are checked and mapped at the end. */
    private static final class Sink {
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
