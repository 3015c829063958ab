package org.benignlab.experiments.arrays;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.benignlab.api.results.AtomicFiles;
import org.benignlab.engine.ArrayGroup;
import org.benignlab.engine.ArrayOutput;
import org.benignlab.engine.EngineKind;
import org.benignlab.engine.TrainingSetup;
import org.benignlab.experiments.spec.ExperimentSpec;
import org.benignlab.experiments.spec.InputException;
import org.benignlab.experiments.spec.TrainingSpec;

/**
 * The arrays of one run ({@code training.save}; docs/arrays.md): the folder {@code <run>/arrays/}, its
 * README.txt and the {@link ArrayOutput} handed to the engine, whose sink ({@link NpyArraysSink}) writes
 * each array there as a .npy file, atomically, while the run trains (data and init before the first step,
 * final at the last). The run folder's summary.json is written after training, so a finished run's arrays
 * are complete.
 *
 * <p>Lifecycle: {@link #checkLimit} when the run is built (before anything is written: an array larger than
 * {@code training.save_limit_mib} is an input error); {@link #open} at the start of the run (creates the
 * folder, removes what an earlier attempt left, writes README.txt); {@link #output()} to
 * {@link org.benignlab.engine.Engine#train}; {@link #provenance()} for provenance.json.
 */
public final class RunArrays {
    /** The folder under the run's folder. */
    public static final String FOLDER = "arrays";
    /** The description written into it. */
    public static final String README = "README.txt";

    private static final RunArrays NONE = new RunArrays(null, List.of(), ArrayOutput.none(), null, null);

    private final Path dir;
    private final List<ArrayOutput.Entry> plan;
    private final ArrayOutput output;
    private final TrainingSpec training;
    private final EngineKind engine;

    private RunArrays(Path dir, List<ArrayOutput.Entry> plan, ArrayOutput output, TrainingSpec training,
                      EngineKind engine) {
        this.dir = dir;
        this.plan = plan;
        this.output = output;
        this.training = training;
        this.engine = engine;
    }

    /** Saves nothing. */
    public static RunArrays none() {
        return NONE;
    }

    /**
     * Refuses, as an input error naming {@code training.save}, any array of the plan larger than
     * {@code training.save_limit_mib}.
     *
     * @param engine the engine the run uses (what it saves depends on it: the sketch forms no X or W0)
     * @throws InputException one line: the array, its shape and size, the limit and how to raise it
     */
    public static void checkLimit(TrainingSpec training, TrainingSetup setup, EngineKind engine) {
        Set<ArrayGroup> groups = ArrayGroup.setOf(training.save());
        if (groups.isEmpty()) {
            return;
        }
        long limit = training.saveLimitBytes();
        for (ArrayOutput.Entry e : engine.savedArrays(setup, groups)) {
            if (e.bytes() > limit) {
                long mib = (e.bytes() + (1 << 20) - 1) >> 20;
                throw new InputException(String.format(Locale.ROOT, "training.save: %s.npy (%s) would be %s %s = "
                        + "%s, more than training.save_limit_mib = %s MiB; raise the limit (e.g. --set "
                        + "training.save_limit_mib=%d) or leave %s out of training.save", e.name(),
                        e.group().key(), e.shapeText(), e.dtype(), human(e.bytes()),
                        org.benignlab.api.Specs.show(training.saveLimitMib()), mib + 1, e.group().key()));
            }
        }
    }

    /**
     * Prepares the arrays of a run: nothing when {@code training.save} is empty; otherwise checks the limit,
     * creates {@code <runDir>/arrays/}, deletes the .npy, temporary and README files an earlier attempt left
     * there, and writes README.txt.
     *
     * @param spec   the run's experiment
     * @param setup  the run's setup (sizes, given data)
     * @param engine the engine the run uses
     * @param runDir the run's folder (created if absent)
     * @throws UncheckedIOException when the folder cannot be prepared
     */
    public static RunArrays open(ExperimentSpec spec, TrainingSetup setup, EngineKind engine, Path runDir) {
        TrainingSpec training = spec.training();
        Set<ArrayGroup> groups = ArrayGroup.setOf(training.save());
        if (groups.isEmpty()) {
            return NONE;
        }
        checkLimit(training, setup, engine);
        List<ArrayOutput.Entry> plan = engine.savedArrays(setup, groups);
        Path dir = runDir.resolve(FOLDER);
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(dir)) {
                for (Path f : old) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".npy") || AtomicFiles.isTemporary(f) || name.equals(README)) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            AtomicFiles.write(dir.resolve(README), readme(spec, setup, engine, plan, runDir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
        return new RunArrays(dir, plan, new ArrayOutput(groups, new NpyArraysSink(dir)), training, engine);
    }

    /** What to hand to {@link org.benignlab.engine.Engine#train}: {@link ArrayOutput#none()} when nothing is saved. */
    public ArrayOutput output() {
        return output;
    }

    /** Whether anything is saved. */
    public boolean saving() {
        return dir != null;
    }

    /** The arrays folder, or null when nothing is saved. */
    public Path folder() {
        return dir;
    }

    /** The arrays the engine writes, in order. */
    public List<ArrayOutput.Entry> plan() {
        return plan;
    }

    /**
     * The {@code arrays} entry of provenance.json, or null when nothing is saved: folder, groups, limit and per
     * file its shape and dtype.
     */
    public Map<String, Object> provenance() {
        if (dir == null) {
            return null;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("folder", FOLDER);
        p.put("save", training.save());
        p.put("save_limit_mib", training.saveLimitMib());
        p.put("format", "npy 1.0, little-endian, C order");
        p.put("engine", engine.key());
        List<Map<String, Object>> files = new ArrayList<>();
        for (ArrayOutput.Entry e : plan) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", e.name() + ".npy");
            f.put("group", e.group().key());
            List<Long> shape = new ArrayList<>();
            for (long d : e.shape()) {
                shape.add(d);
            }
            f.put("shape", shape);
            f.put("dtype", e.dtype());
            files.add(f);
        }
        p.put("files", files);
        return p;
    }

    /** The README.txt of a run's arrays. */
    static String readme(ExperimentSpec spec, TrainingSetup setup, EngineKind engine, List<ArrayOutput.Entry> plan,
                         Path runDir) {
        boolean sketch = !engine.formsPoints();
        boolean span = engine.trainsCoefficients();
        StringBuilder sb = new StringBuilder();
        sb.append("Arrays of one Benign Lab run: NumPy .npy files (format version 1.0, little-endian, C order).\n");
        sb.append("Load one with numpy.load(\"X.npy\"); docs/arrays.md has the details and a check in Python.\n\n");
        sb.append("run ").append(runDir.getFileName()).append(" of experiment '").append(spec.name())
                .append("', engine ").append(engine.key()).append(", training.save: ").append(spec.training().save())
                .append('\n');
        sb.append(String.format(Locale.ROOT, "n = %d training points, p = %d dimensions, m = %d hidden units%n",
                setup.n(), setup.p(), setup.width()));
        if (setup.dataGiven()) {
            sb.append("data: read from files (data.type: file); μ is unknown, so there is no mu.npy\n");
        } else if (sketch) {
            sb.append("data: the Gaussian sketch (MODEL.md, appendix): only inner products were drawn, no vector "
                    + "of dimension p\n");
        } else {
            sb.append("data: drawn from the model of MODEL.md, x = z + ỹ μ with μ = ||μ|| e_1\n");
        }
        sb.append('\n');
        int width = 8;
        for (ArrayOutput.Entry e : plan) {
            width = Math.max(width, e.shapeText().length());
        }
        sb.append(String.format(Locale.ROOT, "%-12s %-" + width + "s  %-8s %s%n", "file", "shape", "dtype", "holds"));
        for (ArrayOutput.Entry e : plan) {
            sb.append(String.format(Locale.ROOT, "%-12s %-" + width + "s  %-8s %s%n", e.name() + ".npy",
                    e.shapeText(), e.dtype(), e.meaning()));
        }
        sb.append("\nHow they fit together (rows of X, Z, Z0, K: training points; rows of W, W0, B: hidden units):\n");
        sb.append("  y = y_clean * (1 - 2 * noisy)\n");
        if (sketch) {
            sb.append("  The sketch never forms X, W0 or W. K and Z0 are drawn exactly from the joint Gram matrix\n"
                    + "  of {x_i, w_j(0)}: K_ik = <x_i, x_k> and Z0_ij = <w_j(0), x_i>, as if X and W0 existed.\n"
                    + "  B holds the coefficients of W = W0 + B X in that unseen basis, so\n"
                    + "  Z = Z0 + K B^T, and a test point x has W x = W0 x + B (X x).\n");
        } else {
            sb.append("  K = X X^T,  Z0 = X W0^T,  Z = X W^T\n");
            if (span) {
                sb.append("  W = W0 + B X, hence Z = Z0 + K B^T (the span engine trains B, never W itself)\n");
            }
        }
        sb.append("  f(x) = sum_j a_j phi(<w_j, x>), so the training outputs at the final step are\n"
                + "  f = phi(Z) a, with phi the activation of config.yaml (network.activation)\n");
        sb.append("  train loss = mean(loss(y * f)), with the loss of config.yaml (logistic: log(1 + exp(-z))),\n"
                + "  equals train_loss in summary.json; the final step is its \"steps\"\n");
        return sb.toString();
    }

    private static String human(long bytes) {
        double v = bytes;
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
