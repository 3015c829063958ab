package org.benignlab.experiments.arrays;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.benignlab.experiments.arrays.DataTables.Kind;
import org.benignlab.experiments.arrays.DataTables.Sink;
import org.benignlab.experiments.arrays.DataTables.Table;
import org.benignlab.experiments.spec.InputException;

/**
 * The .csv reader of {@link DataTables}: UTF-8 text, one row per line, values separated by commas (or, on a line
 * without a comma, by white space); blank lines skipped; a first line with a field that is not a number is a header.
 */
final class CsvTables {
    private CsvTables() {
    }

    private static final Pattern NUMBER = Pattern.compile(
            "[+-]?(\\d+\\.?\\d*([eE][+-]?\\d+)?|\\.\\d+([eE][+-]?\\d+)?|nan|inf|infinity)",
            Pattern.CASE_INSENSITIVE);

    static Table read(InputStream in, String name, String yamlPath, Kind kind, boolean keep)
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
}
