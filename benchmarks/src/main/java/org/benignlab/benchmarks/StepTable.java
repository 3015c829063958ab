package org.benignlab.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link StepBenchmark} over the benchmark grid and prints the time per step, (T(2k) - T(k)) / k, for
 * every (engine, n, p, m).
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar org.benignlab.benchmarks.StepTable [--quick] [--commit ID] [--csv FILE]
 * </pre>
 * Grid: n in {50, 100}, m in {100, 200}; dense and span at p in {2000, 20000}; sketch at p in {10^3, 20000,
 * 10^6, 10^9}. {@code --quick}: only n = 100, m = 200 (about a third of the time). The whole grid
 * takes about 8 minutes on a 2-core machine. Numbers are for reading, never for gating a build.
 */
public final class StepTable {
    private StepTable() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws RunnerException, IOException {
        boolean quick = false;
        String commit = "unknown";
        Path csv = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--commit" -> commit = args[++i];
                case "--csv" -> csv = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; known: --quick, --commit ID, --csv FILE");
            }
        }
        String[] ns = quick ? new String[] {"100"} : new String[] {"50", "100"};
        String[] ms = quick ? new String[] {"200"} : new String[] {"100", "200"};
        Map<String, String[]> pByEngine = new LinkedHashMap<>();
        pByEngine.put("dense", new String[] {"2000", "20000"});
        pByEngine.put("span", new String[] {"2000", "20000"});
        pByEngine.put("sketch", new String[] {"1000", "20000", "1000000", "1000000000"});

        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, String[]> e : pByEngine.entrySet()) {
            Options opt = new OptionsBuilder()
                    .include(StepBenchmark.class.getName() + "\\.run")
                    .param("engine", e.getKey())
                    .param("n", ns)
                    .param("m", ms)
                    .param("p", e.getValue())
                    .verbosity(VerboseMode.SILENT)
                    .build();
            Collection<RunResult> results = new Runner(opt).run();
            rows.addAll(pair(results));
        }
        PrintStream out = System.out;
        String header = String.format(Locale.ROOT, "%-7s %4s %11s %4s %5s %11s %11s %13s %9s",
                "engine", "n", "p", "m", "k", "T(k) ms", "T(2k) ms", "per step ms", "+- s.e.");
        out.println("# StepBenchmark, commit " + commit + ", " + Runtime.getRuntime().availableProcessors()
                + " threads, JMH SingleShotTime, fork 1, warmup " + StepBenchmark.WARMUP + ", measure "
                + StepBenchmark.MEASURE + "; per step = (T(2k) - T(k)) / k, +- its standard error");
        out.println(header);
        StringBuilder csvText = new StringBuilder(
                "commit,engine,n,p,m,k,t_k_ms,t_2k_ms,t_k_se_ms,t_2k_se_ms,per_step_ms,per_step_se_ms\n");
        for (Row r : rows) {
            out.println(String.format(Locale.ROOT, "%-7s %4d %11d %4d %5d %11.2f %11.2f %13.4f %9.4f",
                    r.engine, r.n, r.p, r.m, r.k, r.tk, r.t2k, r.perStep(), r.perStepError()));
            csvText.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%.4f,%.4f,%.4f,%.4f,%.6f,%.6f%n",
                    commit, r.engine, r.n, r.p, r.m, r.k, r.tk, r.t2k, r.tkErr, r.t2kErr, r.perStep(),
                    r.perStepError()));
        }
        if (csv != null) {
            Files.writeString(csv, csvText.toString(), StandardCharsets.UTF_8);
            out.println("# written " + csv);
        }
    }

    /** Matches the runK and run2K results of each parameter set. */
    private static List<Row> pair(Collection<RunResult> results) {
        Map<String, Row> byKey = new LinkedHashMap<>();
        for (RunResult rr : results) {
            var params = rr.getParams();
            String engine = params.getParam("engine");
            int n = Integer.parseInt(params.getParam("n"));
            int p = Integer.parseInt(params.getParam("p"));
            int m = Integer.parseInt(params.getParam("m"));
            String kParam = params.getParam("k");
            int k = kParam.equals("auto") ? StepBenchmark.defaultK(engine) : Integer.parseInt(kParam);
            String key = engine + "/" + n + "/" + p + "/" + m + "/" + k;
            Row row = byKey.computeIfAbsent(key, x -> new Row(engine, n, p, m, k));
            Result<?> res = rr.getPrimaryResult();
            var stats = res.getStatistics();
            double err = stats.getN() > 1 ? stats.getStandardDeviation() / Math.sqrt(stats.getN()) : 0;
            if (params.getBenchmark().endsWith(".runK")) {
                row.tk = res.getScore();
                row.tkErr = err;
            } else {
                row.t2k = res.getScore();
                row.t2kErr = err;
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** One configuration's two timings, in milliseconds. */
    private static final class Row {
        final String engine;
        final int n;
        final int p;
        final int m;
        final int k;
        double tk = Double.NaN;
        double t2k = Double.NaN;
        double tkErr;
        double t2kErr;

        Row(String engine, int n, int p, int m, int k) {
            this.engine = engine;
            this.n = n;
            this.p = p;
            this.m = m;
            this.k = k;
        }

        double perStep() {
            return (t2k - tk) / k;
        }

        /** Standard error of {@link #perStep()}: the two means' standard errors in quadrature, over k. */
        double perStepError() {
            return Math.sqrt(tkErr * tkErr + t2kErr * t2kErr) / k;
        }
    }
}
