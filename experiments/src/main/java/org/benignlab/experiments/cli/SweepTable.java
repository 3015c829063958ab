package org.benignlab.experiments.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.benignlab.experiments.run.ExperimentRunner;

/**
 * The compact table printed at the end of a sweep: one row per configuration with its swept values,
 * the runs done, the mean and standard deviation of the final test error (noisy and clean labels)
 * over the repetitions that completed, and the fraction of runs that interpolated (train error 0).
 */
final class SweepTable {
    private SweepTable() {
    }

    static void print(PrintWriter w, ExperimentRunner.Outcome outcome) {
        List<String> paths = outcome.planned().sweep().paths();
        Map<String, List<ExperimentRunner.RunOutcome>> byConfig = new LinkedHashMap<>();
        for (ExperimentRunner.RunOutcome r : outcome.runs()) {
            byConfig.computeIfAbsent(r.plan().configKey(), k -> new ArrayList<>()).add(r);
        }
        List<String> header = new ArrayList<>(paths);
        header.addAll(List.of("runs", "test error", "clean test error", "interpolated", "not completed"));
        List<List<String>> rows = new ArrayList<>();
        for (List<ExperimentRunner.RunOutcome> runs : byConfig.values()) {
            List<String> row = new ArrayList<>();
            for (String p : paths) {
                row.add(show(runs.get(0).plan().swept().get(p)));
            }
            List<Double> test = new ArrayList<>();
            List<Double> clean = new ArrayList<>();
            int interpolated = 0;
            int completed = 0;
            Map<String, Integer> other = new LinkedHashMap<>();
            for (ExperimentRunner.RunOutcome r : runs) {
                Map<String, Object> s = r.summary();
                if (!r.status().equals("completed")) {
                    other.merge(r.status(), 1, Integer::sum);
                    continue;
                }
                completed++;
                add(test, s.get("test_error"));
                add(clean, s.get("test_error_clean"));
                if (s.get("train_error") instanceof Number n && n.doubleValue() == 0.0) {
                    interpolated++;
                }
            }
            row.add(String.valueOf(runs.size()));
            row.add(meanSd(test));
            row.add(meanSd(clean));
            row.add(completed == 0 ? "-" : String.format(Locale.ROOT, "%d/%d", interpolated, completed));
            List<String> o = new ArrayList<>();
            other.forEach((k, v) -> o.add(v + " " + k));
            row.add(o.isEmpty() ? "" : String.join(", ", o));
            rows.add(row);
        }
        int[] width = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            width[c] = header.get(c).length();
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        w.println(line(header, width));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        w.println(rule);
        for (List<String> row : rows) {
            w.println(line(row, width));
        }
        w.println("test errors: mean +- standard deviation over the completed repetitions; interpolated: runs with "
                + "train error 0 among the completed ones");
    }

    private static String line(List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            sb.append(c == 0 ? "" : "  ");
            sb.append(cell).append(" ".repeat(width[c] - cell.length()));
        }
        return sb.toString().stripTrailing();
    }

    private static void add(List<Double> list, Object v) {
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            list.add(n.doubleValue());
        }
    }

    static String meanSd(List<Double> xs) {
        if (xs.isEmpty()) {
            return "n/a";
        }
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= xs.size();
        if (xs.size() == 1) {
            return String.format(Locale.ROOT, "%.4f", mean);
        }
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        return String.format(Locale.ROOT, "%.4f +- %.4f", mean, Math.sqrt(ss / (xs.size() - 1)));
    }

    private static String show(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.6g", d);
        }
        return String.valueOf(v);
    }
}
