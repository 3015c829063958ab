package org.benignlab.benchmarks;

import java.util.concurrent.TimeUnit;
import org.benignlab.api.RunStatus;
import org.benignlab.engine.Engine;
import org.benignlab.engine.Engines;
import org.benignlab.engine.MetricsSink;
import org.benignlab.engine.Plugins;
import org.benignlab.engine.TrainingResult;
import org.benignlab.engine.TrainingSetup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one gradient step of each engine, measured by difference.
 *
 * <p><b>Method.</b> The {@link Engine} API trains whole runs: data generation, Gram matrices (span) or the
 * Gram draw (sketch) and the step loop happen inside one {@code train} call, and there is no way to time
 * the loop alone from outside. So each configuration is timed twice, as a whole run of k updates
 * ({@link #runK}) and of 2k updates ({@link #run2K}), with the same seed; everything that does not depend
 * on the number of steps cancels in the difference, and
 * <pre>  time per step = (T(2k) - T(k)) / k</pre>
 * Metrics are recorded one point per decade (steps 0, 1, 10, 100, ... and the last), and k is chosen so
 * that k and 2k fall in the same decade bracket: both runs record equally often and the (small) test-set
 * cost cancels too. Each invocation is a fresh run ({@link Mode#SingleShotTime}); the JIT is warmed by
 * {@value #WARMUP} runs in the same fork. {@link StepTable} runs the grid and prints the differences with
 * their standard error (the standard errors of the two means added in quadrature, divided by k).
 *
 * <p>Grid: {@code engine} dense, span and sketch; n, p, m as parameters. Dense and span need p-dimensional
 * vectors (dense: X and W, n·p + m·p doubles); the sketch's cost does not depend on p, so {@link StepTable}
 * also runs it at p = 10^3, 10^6 and 10^9. k per engine ({@code k = auto}): dense 40, span 2000, sketch 2000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g"})
@Warmup(iterations = StepBenchmark.WARMUP, batchSize = 1)
@Measurement(iterations = StepBenchmark.MEASURE, batchSize = 1)
public class StepBenchmark {
    /** Warm-up runs per fork. */
    static final int WARMUP = 2;
    /** Measured runs per fork. */
    static final int MEASURE = 4;
    /** Test points per run (small: the step loop is what is measured). */
    static final int TEST_SIZE = 100;
    /** Label-flip rate. */
    static final double NOISE_RATE = 0.1;
    /** ω, the init scale (the README's default). */
    static final double OMEGA = 1e-12;
    /** Seed of every run. */
    static final long SEED = 7;

    @Param({"dense", "span", "sketch"})
    public String engine;

    @Param({"50", "100"})
    public int n;

    @Param({"2000", "20000"})
    public int p;

    @Param({"100", "200"})
    public int m;

    /** Steps of the short run; {@code auto}: {@link #defaultK}. */
    @Param({"auto"})
    public String k;

    private Engine impl;
    private Plugins plugins;
    private TrainingSetup shortRun;
    private TrainingSetup longRun;

    /** k for {@code k = auto}: dense steps are n·m·p, span and sketch steps n²·m. */
    static int defaultK(String engine) {
        return engine.equals("dense") ? 40 : 2000;
    }

    /** Builds the engine (threads = available processors) and the two run lengths. */
    @Setup(Level.Trial)
    public void setUp() {
        int kk = k.equals("auto") ? defaultK(engine) : Integer.parseInt(k);
        impl = Engines.create(engine, Runtime.getRuntime().availableProcessors());
        plugins = BenchSupport.plugins(BenchSupport.defaultStep(p), NOISE_RATE);
        double mu = BenchSupport.defaultMu(p);
        shortRun = BenchSupport.setup(n, p, m, mu, TEST_SIZE, OMEGA, kk);
        longRun = BenchSupport.setup(n, p, m, mu, TEST_SIZE, OMEGA, 2L * kk);
    }

    /** A whole run of k updates. */
    @Benchmark
    public TrainingResult runK() {
        return run(shortRun);
    }

    /** A whole run of 2k updates. */
    @Benchmark
    public TrainingResult run2K() {
        return run(longRun);
    }

    private TrainingResult run(TrainingSetup setup) {
        TrainingResult r = impl.train(setup, plugins, BenchSupport.streams(SEED), MetricsSink.discard());
        if (r.status() != RunStatus.COMPLETED || r.steps() != setup.maxSteps()) {
            throw new IllegalStateException(engine + " did not run " + setup.maxSteps() + " steps: " + r.message());
        }
        return r;
    }
}
