package org.benignlab.reports;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A run's trajectory read back from its {@code metrics.csv} (long format {@code step,metric,value},
 * ARCHITECTURE.md): for each metric, its values in step order. Reads only the documented file, so a
 * report can be made from results copied off another machine. The format has no quoting (metric
 * names are identifiers, values are numbers or NaN), so it is parsed directly.
 */
public final class MetricsTable {
    /** One recorded value. */
    public record Point(long step, double value) {
    }

    private final Map<String, List<Point>> series;

    private MetricsTable(Map<String, List<Point>> series) {
        this.series = series;
    }

    /** Reads a metrics.csv file; a malformed line is an error naming the file and line number. */
    public static MetricsTable read(Path file) throws IOException {
        Map<String, List<Point>> series = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (!"step,metric,value".equals(header)) {
                throw new IOException(file + ":1: expected header 'step,metric,value', got '" + header + "'");
            }
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 3) {
                    throw new IOException(file + ":" + lineNo + ": expected 3 cells, got " + cells.length);
                }
                try {
                    long step = Long.parseLong(cells[0]);
                    double value = Double.parseDouble(cells[2]);
                    List<Point> s = series.computeIfAbsent(cells[1], k -> new ArrayList<>());
                    if (!s.isEmpty() && s.get(s.size() - 1).step() >= step) {
                        throw new IOException(file + ":" + lineNo + ": steps of '" + cells[1] + "' are not increasing");
                    }
                    s.add(new Point(step, value));
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + lineNo + ": not a number: " + e.getMessage());
                }
            }
        }
        series.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return new MetricsTable(Collections.unmodifiableMap(series));
    }

    /** Metric names in the order they first appear. */
    public List<String> metrics() {
        return List.copyOf(series.keySet());
    }

    /** The series of one metric (empty if it was not recorded). */
    public List<Point> series(String metric) {
        return series.getOrDefault(metric, List.of());
    }

    /** The value at the last recorded step of a metric. */
    public OptionalDouble last(String metric) {
        List<Point> s = series(metric);
        return s.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(s.get(s.size() - 1).value());
    }

    /**
     * A Markdown table of the last value of every metric, for a quick look at a run.
     */
    public String lastValuesMarkdown() {
        StringBuilder sb = new StringBuilder("| metric | step | value |\n|---|---:|---:|\n");
        for (Map.Entry<String, List<Point>> e : series.entrySet()) {
            Point p = e.getValue().get(e.getValue().size() - 1);
            sb.append("| ").append(e.getKey()).append(" | ").append(p.step()).append(" | ")
                    .append(String.format(java.util.Locale.ROOT, "%.6g", p.value())).append(" |\n");
        }
        return sb.toString();
    }
}
