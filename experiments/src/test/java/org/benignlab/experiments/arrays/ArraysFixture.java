package org.benignlab.experiments.arrays;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.benignlab.api.MetricNames;
import org.benignlab.engine.Engine;
import org.benignlab.engine.EngineChoice;
import org.benignlab.engine.MetricsSink;
import org.benignlab.engine.Plugins;
import org.benignlab.engine.TrainingResult;
import org.benignlab.engine.TrainingSetup;
import org.benignlab.experiments.run.ExperimentModule;
import org.benignlab.experiments.run.PluginCatalog;
import org.benignlab.experiments.run.RunPlan;
import org.benignlab.experiments.run.Seeds;
import org.benignlab.experiments.spec.ExperimentLoader;
import org.benignlab.experiments.spec.InputException;

/**
 * Runs an experiment file the way a run does (loader, plan, Guice module, engine, {@link RunArrays}) without
 * the result store, so the arrays can be tested before they are wired into the run: the arrays land in
 * {@code runDir/arrays/}, and a minimal summary.json ({@code train_loss}, {@code steps}) and provenance.json
 * ({@code config}, {@code arrays}) are written beside them, as the docs' snippet expects.
 */
final class ArraysFixture {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ArraysFixture() {
    }

    /** A tiny experiment on drawn data: n = 20, p = 300, m = 8. */
    static String tiny(String engine, String save) {
        return """
                name: tiny-arrays
                seed: 42
                data: {n: 20, p: 300, mu: "p^0.3", noise: {type: random-flip, rate: 0.2}, test: 100}
                network: {width: 8, activation: {type: smoothed-leaky-relu, gamma: 0.2, H: 2.0}, init: 1.0e-3}
                training: {optimizer: {type: gd, step: "2/p"}, steps: 150, metrics_per_decade: 4, engine: %s, save: %s}
                """.formatted(engine, save);
    }

    /** Everything a test may look at after a run. */
    record Done(RunPlan plan, TrainingSetup setup, EngineChoice engine, TrainingResult result, RunArrays arrays,
                Path runDir, List<String> metrics) {
        Path file(String name) {
            return runDir.resolve(RunArrays.FOLDER).resolve(name);
        }

        Npy.Array read(String name) throws IOException {
            return Npy.read(file(name + ".npy"));
        }
    }

    /** The built parts of a run (throws the InputException a bad configuration gives). */
    record Built(RunPlan plan, TrainingSetup setup, Plugins plugins, EngineChoice engine, Engine trainer, Seeds seeds) {
    }

    static Built build(Path yaml, String... overrides) {
        return build(yaml, 2, 0, overrides);
    }

    /** {@link #build(Path, String...)} with a thread count and a repetition index. */
    static Built build(Path yaml, int threads, int repetition, String... overrides) {
        ExperimentLoader loader = new ExperimentLoader(PluginCatalog.builtIn().registries());
        ExperimentLoader.Loaded loaded = loader.load(yaml, List.of(overrides));
        RunPlan plan = RunPlan.of(loaded.spec(), repetition, List.of(), loaded.parameters());
        try {
            Injector inj = Guice.createInjector(new ExperimentModule(plan, threads));
            return new Built(plan, inj.getInstance(TrainingSetup.class), inj.getInstance(Plugins.class),
                    inj.getInstance(EngineChoice.class), inj.getInstance(Engine.class), inj.getInstance(Seeds.class));
        } catch (ProvisionException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof InputException ie) {
                    throw ie;
                }
            }
            throw e;
        }
    }

    /** {@link #tiny} written as {@code dir}/e.yaml and run into {@code dir}/run. */
    static Done runTiny(Path dir, String engine, String save) throws IOException {
        Path yaml = dir.resolve("e.yaml");
        Files.writeString(yaml, tiny(engine, save));
        return run(yaml, dir.resolve("run"));
    }

    static Done run(Path yaml, Path runDir, String... overrides) throws IOException {
        return run(yaml, runDir, 2, 0, overrides);
    }

    /** {@link #run(Path, Path, String...)} with a thread count and a repetition index. */
    static Done run(Path yaml, Path runDir, int threads, int repetition, String... overrides) throws IOException {
        Built b = build(yaml, threads, repetition, overrides);
        RunArrays arrays = RunArrays.open(b.plan().spec(), b.setup(), b.engine().kind(), runDir);
        List<String> metrics = new ArrayList<>();
        MetricsSink sink = (step, metric, value) -> metrics.add(step + "," + metric + "," + value);
        TrainingResult r = b.trainer().train(b.setup(), b.plugins(), b.seeds().streams(), sink, arrays.output());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("steps", r.steps());
        summary.put("train_loss", r.finalMetrics().get(MetricNames.TRAIN_LOSS));
        Files.createDirectories(runDir);
        JSON.writeValue(runDir.resolve("summary.json").toFile(), summary);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("config", b.plan().resolved());
        provenance.put("arrays", arrays.provenance());
        JSON.writeValue(runDir.resolve("provenance.json").toFile(), provenance);
        return new Done(b.plan(), b.setup(), b.engine(), r, arrays, runDir, metrics);
    }

    /** Writes a float64 .npy file with {@link Npy} (C order). */
    static void npy(Path file, double[][] rows) throws IOException {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        try (var out = Files.newOutputStream(file)) {
            Npy.write(out, new long[] {rows.length, cols}, flat);
        }
    }

    /** Writes a 1-D float64 .npy file. */
    static void npy(Path file, double[] values) throws IOException {
        try (var out = Files.newOutputStream(file)) {
            Npy.write(out, new long[] {values.length}, values);
        }
    }

    /**
     * Points x_i = z_i + y_i μ with z standard normal and μ = 3 e_1, and their ±1 labels, from a fixed seed.
     *
     * @return {X rows..., then one row holding the labels}
     */
    static double[][] gaussianData(int n, int p, long seed) {
        java.util.Random rng = new java.util.Random(seed);
        double[][] out = new double[n + 1][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextBoolean() ? 1 : -1;
            double[] row = new double[p];
            for (int k = 0; k < p; k++) {
                row[k] = rng.nextGaussian() + (k == 0 ? 3 * y[i] : 0);
            }
            out[i] = row;
        }
        out[n] = y;
        return out;
    }

    /** Writes X.npy, y.npy (and, when test &gt; 0, Xt.npy, yt.npy) of Gaussian data into a folder. */
    static void writeGaussianFiles(Path folder, int n, int p, int test, long seed) throws IOException {
        double[][] d = gaussianData(n + test, p, seed);
        double[][] x = java.util.Arrays.copyOfRange(d, 0, n);
        double[] y = java.util.Arrays.copyOfRange(d[n + test], 0, n);
        npy(folder.resolve("X.npy"), x);
        npy(folder.resolve("y.npy"), y);
        if (test > 0) {
            npy(folder.resolve("Xt.npy"), java.util.Arrays.copyOfRange(d, n, n + test));
            npy(folder.resolve("yt.npy"), java.util.Arrays.copyOfRange(d[n + test], n, n + test));
        }
    }

    /** An experiment on the files of {@link #writeGaussianFiles}. */
    static String fileExperiment(String dataExtra, String trainingExtra) {
        return """
                name: file-arrays
                seed: 3
                data: {type: file, x: X.npy, y: y.npy%s}
                network: {width: 6, activation: {type: smoothed-leaky-relu, gamma: 0.2, H: 2.0}, init: 1.0e-3}
                training: {optimizer: {type: gd, step: "2/p"}, steps: 120, metrics_per_decade: 4%s}
                """.formatted(dataExtra, trainingExtra);
    }
}
