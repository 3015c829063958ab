package org.benignlab.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a value becomes a cell of the result CSV files (runs.csv, summary.csv), defined once for both:
 * text that a spreadsheet would run as a formula is neutralised, then the cell is quoted as RFC 4180
 * says, so the file stays readable by pandas and by {@code csv} readers.
 *
 * <p>Neutralising follows OWASP's advice on CSV injection: a text cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '}, which spreadsheets
 * show as text and pandas reads as part of the string. A cell that is a number (such as {@code -0.5},
 * {@code +1e-3}, {@code -Infinity}) is left as it is, so numeric columns stay numeric.
 */
public final class CsvCells {
    private static final Pattern NUMBER = Pattern.compile(
            "[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(Infinity|inf|NaN|nan)");

    private CsvCells() {
    }

    /** The text of a cell with a leading {@code '} when a spreadsheet would take it for a formula. */
    public static String neutralise(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        boolean trigger = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return trigger && !NUMBER.matcher(s).matches() ? "'" + s : s;
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled. */
    public static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** A value as a CSV cell: empty for null, else its text neutralised and quoted. */
    public static String cell(Object value) {
        return value == null ? "" : quote(neutralise(String.valueOf(value)));
    }

    /**
     * The cells of one line of such a file (RFC 4180 without line breaks inside cells): quoted cells may hold
     * commas and doubled quotes. The reading counterpart of {@link #quote(String)}.
     *
     * @throws IllegalArgumentException on a quote that is not closed
     */
    public static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote in " + line);
        }
        cells.add(cell.toString());
        return cells;
    }
}
