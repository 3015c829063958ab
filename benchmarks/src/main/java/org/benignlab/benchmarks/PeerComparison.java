package org.benignlab.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.benignlab.api.MetricNames;
import org.benignlab.engine.Dataset;
import org.benignlab.engine.Engine;
import org.benignlab.engine.EngineKind;
import org.benignlab.engine.Engines;
import org.benignlab.engine.Plugins;
import org.benignlab.engine.Products;
import org.benignlab.engine.RandomStreams;
import org.benignlab.engine.TrainingResult;
import org.benignlab.engine.TrainingSetup;

/**
 * The Java half of the shared-data peer comparison (run by {@code benchmarks/run-peer-comparison.sh}, whose
 * other half is {@code benchmarks/peer_numpy.py}).
 *
 * <pre>
 *   java -cp benchmarks.jar org.benignlab.benchmarks.PeerComparison --n 100 --p 20000 --m 200 --steps 200 \
 *        [--seed 1] [--step 1/p] [--mu p^0.35] [--omega 1e-12] [--noise 0.1] [--test 100] [--threads 2] \
 *        [--engines dense,span-lean,span] [--out DIR] [--repeat 1]
 * </pre>
 *
 * <ol>
 *   <li>Generates the data and the initialisation exactly as the dense and span engines do from
 *       {@link BenchSupport#streams}(seed): {@link Dataset#generate} for the training set (streams data,
 *       noise) and the test set (stream test), then, following {@code DenseEngine}'s documented draw order,
 *       a_j = ±1/√m ({@code signs.nextBoolean()}) and W0_jk = ω · g_jk row-major from the Ziggurat sampler
 *       on {@code init}.</li>
 *   <li>With {@code --out DIR}, writes X (n x p), y, ỹ, a, W0 (m x p), X_test, y_test, ỹ_test as raw
 *       little-endian float64 files, row-major, and {@code meta.json} describing them.</li>
 *   <li>Trains each engine of {@code --engines} ({@code dense}, {@code span}, {@code sketch}, or {@value #LEAN}:
 *       span without the spectral norm) on fresh streams from the same seed (smoothed leaky ReLU
 *       γ = 0.1, H = 1; logistic loss; gd with the given step; stop rules off; metrics one point per decade)
 *       and prints one {@code RESULT} line per engine.</li>
 * </ol>
 *
 * <p>Times on a RESULT line: {@code total_s} is the wall time of {@link Engine#train}, which includes the
 * engine's own data generation; {@code gen_s} is the time this JVM takes to generate the same data (the median
 * of three timed generations after a first, untimed one; a full collection before each timed generation and
 * each timed run, so that neither pays for collecting earlier garbage); {@code train_s = total_s - gen_s} is the figure
 * comparable with NumPy's, which
 * starts from data already in memory (it includes the span engine's K = X X^T and Z0 = X W0^T);
 * {@code loop_s} runs from the start of step 1 to the last step's metrics (setup and step 0 excluded) and
 * {@code per_step_ms = 1000 loop_s / (steps - 1)}. With only {@code sketch} in {@code --engines} nothing is
 * generated here (the sketch draws Gram matrices, never X) and p may be up to 2^31 - 1. The native BLAS is
 * loaded (and described on a {@code # products:} line) before anything is timed, as NumPy's BLAS is loaded by its
 * import before its timer starts.
 */
public final class PeerComparison {
    /** Timed generations of the data after the first; gen_s is their median (one timing varies by ±30 %). */
    private static final int GENERATIONS = 3;

    /**
     * The span engine with {@code training.spectral_norm: false}: it records the train loss and errors, the test
     * errors and ||W||_F, but neither ||W||_2 nor the stable rank, so it skips G0 = W0 W0^T at setup: the same
     * work as NumPy's rows, which record the train loss and the test error.
     */
    static final String LEAN = "span-lean";

    private PeerComparison() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws IOException {
        Map<String, String> opts = parse(args);
        int n = Integer.parseInt(opts.getOrDefault("n", "100"));
        int p = (int) Double.parseDouble(opts.getOrDefault("p", "20000"));
        int m = Integer.parseInt(opts.getOrDefault("m", "200"));
        long steps = Long.parseLong(opts.getOrDefault("steps", "200"));
        long seed = Long.parseLong(opts.getOrDefault("seed", "1"));
        double step = opts.containsKey("step") ? Double.parseDouble(opts.get("step")) : BenchSupport.defaultStep(p);
        double mu = opts.containsKey("mu") ? Double.parseDouble(opts.get("mu")) : BenchSupport.defaultMu(p);
        double omega = Double.parseDouble(opts.getOrDefault("omega", "1e-12"));
        double noise = Double.parseDouble(opts.getOrDefault("noise", "0.1"));
        int test = Integer.parseInt(opts.getOrDefault("test", "100"));
        int threads = Integer.parseInt(opts.getOrDefault("threads", "2"));
        int repeat = Integer.parseInt(opts.getOrDefault("repeat", "1"));
        List<String> engines = List.of(opts.getOrDefault("engines", "dense,span").split(","));
        Path out = opts.containsKey("out") ? Path.of(opts.get("out")) : null;

        // load the native BLAS (if any) before anything is timed, as NumPy has loaded its BLAS before its timer
        // starts; this also records which kernels ran
        System.out.println("# products: " + Products.preferred().description());
        Plugins plugins = BenchSupport.plugins(step, noise);
        TrainingSetup setup = BenchSupport.setup(n, p, m, mu, test, omega, steps);
        System.out.printf(Locale.ROOT, "# java %s, %d processors, max heap %d MB; n=%d p=%d m=%d steps=%d seed=%d "
                        + "step=%s mu=%s omega=%s noise=%s test=%d threads=%d%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, n, p, m, steps, seed, step, mu, omega, noise, test, threads);

        double genSeconds = 0;
        boolean explicitData = engines.stream().anyMatch(e -> EngineKind.of(kind(e)).formsPoints());
        if (explicitData || out != null) {
            Data data = Data.generate(setup, plugins, BenchSupport.streams(seed));
            if (out != null) {
                write(out, data, setup, steps, seed, step, noise);
                System.out.println("# data written to " + out);
            }
            data = null; // let the first generation go before timing the others
            double[] times = new double[GENERATIONS];
            for (int g = 0; g < GENERATIONS; g++) {
                System.gc(); // start from an empty young generation: no collection of earlier garbage inside the timer
                long t0 = System.nanoTime();
                Data again = Data.generate(setup, plugins, BenchSupport.streams(seed));
                times[g] = (System.nanoTime() - t0) * 1e-9;
                if (again.x.length != n) {
                    throw new IllegalStateException("generation returned " + again.x.length + " points");
                }
            }
            java.util.Arrays.sort(times);
            genSeconds = times[GENERATIONS / 2];
            System.out.printf(Locale.ROOT, "# data generation: %s s (median %.4f s)%n",
                    java.util.Arrays.toString(times), genSeconds);
        }

        for (String name : engines) {
            // span-lean: the span engine recording what the NumPy rows record (no ||W||_2, so no G0)
            boolean lean = name.equals(LEAN);
            String kind = kind(name);
            Engine engine = Engines.create(kind, threads);
            TrainingSetup runSetup = lean ? setup.withSpectralNorm(false) : setup;
            Measured best = null;
            for (int r = 0; r < repeat; r++) {
                Measured mres = measure(engine, runSetup, plugins, seed);
                if (best == null || mres.totalSeconds < best.totalSeconds) {
                    best = mres;
                }
            }
            double gen = EngineKind.of(kind).formsPoints() ? genSeconds : 0;
            TrainingResult res = best.result;
            System.out.printf(Locale.ROOT,
                    "RESULT engine=java-%s threads=%d steps=%d total_s=%.4f gen_s=%.4f train_s=%.4f loop_s=%.4f "
                            + "per_step_ms=%.5f loss=%s test_error=%s train_error=%s status=%s records=%d%n",
                    name, threads, res.steps(), best.totalSeconds, gen, best.totalSeconds - gen, best.loopSeconds,
                    1000 * best.loopSeconds / Math.max(1, res.steps() - 1),
                    BenchSupport.num(res.finalMetrics().get(MetricNames.TRAIN_LOSS)),
                    BenchSupport.num(res.finalMetrics().get(MetricNames.TEST_ERROR)),
                    BenchSupport.num(res.finalMetrics().get(MetricNames.TRAIN_ERROR)), res.status(), best.records);
        }
    }

    /** The engine behind an {@code --engines} name: {@value #LEAN} is the span engine. */
    static String kind(String name) {
        return name.equals(LEAN) ? "span" : name;
    }

    /** One timed run on fresh streams. */
    private static Measured measure(Engine engine, TrainingSetup setup, Plugins plugins, long seed) {
        RandomStreams streams = BenchSupport.streams(seed);
        TimingSink sink = new TimingSink();
        System.gc(); // as before each timed generation
        long t0 = System.nanoTime();
        TrainingResult res = engine.train(setup, plugins, streams, sink);
        long t1 = System.nanoTime();
        double loop = sink.firstNanos() < 0 ? 0 : (sink.lastNanos() - sink.firstNanos()) * 1e-9;
        return new Measured(res, (t1 - t0) * 1e-9, loop, sink.records());
    }

    private record Measured(TrainingResult result, double totalSeconds, double loopSeconds, long records) {
    }

    /** The explicit data of one run, drawn in the dense engine's documented order. */
    private record Data(double[][] x, double[] y, double[] yClean, double[][] xTest, double[] yTest,
                        double[] yTestClean, double[] a, double[] w0) {

        static Data generate(TrainingSetup s, Plugins plugins, RandomStreams streams) {
            Dataset train = Dataset.generate(s.n(), s.p(), s.muNorm(), plugins.cluster(), plugins.noise(),
                    streams.data(), streams.noise());
            Dataset test = Dataset.generate(s.testSize(), s.p(), s.muNorm(), plugins.cluster(), plugins.noise(),
                    streams.test(), streams.testFlips());
            double[] a = new double[s.width()];
            double scale = 1.0 / Math.sqrt(s.width());
            UniformRandomProvider signs = streams.signs().generator();
            for (int j = 0; j < a.length; j++) {
                a[j] = signs.nextBoolean() ? scale : -scale;
            }
            double[] w0 = new double[Math.multiplyExact(s.width(), s.p())];
            if (s.initScale() != 0) {
                int p = s.p();
                for (int j = 0; j < s.width(); j++) { // row j from its own substream of init
                    NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(streams.init().substream(j));
                    for (int k = j * p; k < (j + 1) * p; k++) {
                        w0[k] = s.initScale() * g.sample();
                    }
                }
            }
            return new Data(points(train), train.labels(), train.cleanLabels(), points(test), test.labels(),
                    test.cleanLabels(), a, w0);
        }

        private static double[][] points(Dataset d) {
            double[][] x = new double[d.size()][];
            for (int i = 0; i < x.length; i++) {
                x[i] = d.point(i);
            }
            return x;
        }
    }

    private static void write(Path dir, Data d, TrainingSetup s, long steps, long seed, double step, double noise)
            throws IOException {
        Files.createDirectories(dir);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("X", writeRows(dir.resolve("X.f64"), d.x));
        files.put("y", writeVector(dir.resolve("y.f64"), d.y));
        files.put("y_clean", writeVector(dir.resolve("y_clean.f64"), d.yClean));
        files.put("a", writeVector(dir.resolve("a.f64"), d.a));
        files.put("W0", writeVector(dir.resolve("W0.f64"), d.w0));
        files.put("X_test", writeRows(dir.resolve("X_test.f64"), d.xTest));
        files.put("y_test", writeVector(dir.resolve("y_test.f64"), d.yTest));
        files.put("y_test_clean", writeVector(dir.resolve("y_test_clean.f64"), d.yTestClean));
        StringBuilder json = new StringBuilder("{\n");
        json.append(String.format(Locale.ROOT,
                "  \"n\": %d, \"p\": %d, \"m\": %d, \"steps\": %d, \"seed\": %d, \"test\": %d,%n", s.n(), s.p(),
                s.width(), steps, seed, s.testSize()));
        json.append("  \"step\": ").append(BenchSupport.num(step)).append(", \"mu\": ")
                .append(BenchSupport.num(s.muNorm())).append(", \"omega\": ").append(BenchSupport.num(s.initScale()))
                .append(", \"noise_rate\": ").append(BenchSupport.num(noise)).append(",\n");
        json.append("  \"activation\": {\"type\": \"smoothed-leaky-relu\", \"gamma\": ").append(BenchSupport.GAMMA)
                .append(", \"H\": ").append(BenchSupport.H).append("},\n");
        json.append("  \"loss\": \"logistic\", \"optimizer\": \"gd\", \"metrics_per_decade\": 1,\n");
        json.append("  \"dtype\": \"float64\", \"byte_order\": \"little\", \"layout\": \"row-major\",\n");
        json.append("  \"shapes\": {\"X\": [").append(s.n()).append(", ").append(s.p()).append("], \"y\": [")
                .append(s.n()).append("], \"y_clean\": [").append(s.n()).append("], \"a\": [").append(s.width())
                .append("], \"W0\": [").append(s.width()).append(", ").append(s.p()).append("], \"X_test\": [")
                .append(s.testSize()).append(", ").append(s.p()).append("], \"y_test\": [").append(s.testSize())
                .append("], \"y_test_clean\": [").append(s.testSize()).append("]},\n");
        json.append("  \"files\": {");
        List<String> entries = new ArrayList<>();
        files.forEach((k, v) -> entries.add("\"" + k + "\": \"" + v + "\""));
        json.append(String.join(", ", entries)).append("}\n}\n");
        Files.writeString(dir.resolve("meta.json"), json.toString(), StandardCharsets.UTF_8);
    }

    private static String writeRows(Path file, double[][] rows) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (double[] row : rows) {
                put(ch, row);
            }
        }
        return file.getFileName().toString();
    }

    private static String writeVector(Path file, double[] v) throws IOException {
        return writeRows(file, new double[][] {v});
    }

    private static void put(FileChannel ch, double[] v) throws IOException {
        final int chunk = 1 << 16;
        ByteBuffer buf = ByteBuffer.allocate(8 * chunk).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < v.length; from += chunk) {
            int to = Math.min(v.length, from + chunk);
            buf.clear();
            buf.asDoubleBuffer().put(v, from, to - from);
            buf.limit(8 * (to - from));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }

    private static Map<String, String> parse(String[] args) {
        List<String> known = List.of("n", "p", "m", "steps", "seed", "step", "mu", "omega", "noise", "test",
                "threads", "engines", "out", "repeat");
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length || !known.contains(a.substring(2))) {
                throw new IllegalArgumentException("bad argument " + a + "; usage: --NAME VALUE with NAME in " + known);
            }
            out.put(a.substring(2), args[++i]);
        }
        return out;
    }
}
