package org.benignlab.experiments.spec;

import java.nio.file.Path;
import java.util.List;
import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.SignalModel;
import org.benignlab.api.Specs;
import org.benignlab.experiments.arrays.FileCluster;

/**
 * The data, in one of two ways ({@code type}):
 * <ul>
 *   <li>drawn from the paper's model ({@code type} absent or {@code generated}, the default): n training
 *       points x = z + ỹ μ in R^p with ||μ|| = mu, clusters z from {@code cluster}, labels corrupted by
 *       {@code noise}; {@code test} fresh points for the test error;</li>
 *   <li>read from files ({@code type: file}, see docs/arrays.md): the points {@code x} and labels {@code y}
 *       (and optionally {@code test_x}, {@code test_y}), .npy or .csv, paths relative to the experiment
 *       file's folder. The loader ({@link ExperimentLoader}) reads them before anything else and fills in
 *       n, p and test from their shapes and the SHA-256 of each file ({@code x_sha256}, ...), so the run key
 *       changes with the content; n, p and test written in YAML must equal the files', mu and cluster are
 *       refused (a resolved configuration, with {@code cluster: {type: file}}, loads again). μ is unknown: {@code mu}
 *       is absent and so is the expression parameter mu. {@code noise} flips labels on top of the given ones
 *       (which are then the clean labels). {@code cluster} is the placeholder {@code file}
 *       ({@link FileCluster}).</li>
 * </ul>
 * The components added with file data are written to the resolved configuration only when set
 * ({@link InConfig}), so a generated-data experiment keeps its run key. So is {@code signal} (the signal model,
 * {@code one-mean} by default): the default, given or not, is stored as null and written as absent, so a file
 * without it keeps its run key and its seeds; another model is written and keys the data, noise and test streams.
 * Data from files take no signal model but the default (their labels are given).
 *
 * @param type   {@code null} (generated; {@code generated} in YAML is stored as null) or {@code file}
 * @param folder the folder relative file paths are resolved against (set by the loader, never in YAML)
 * @param signal the signal model ({@code data.signal}), or null for the default {@value #DEFAULT_SIGNAL}
 */
public record DataSpec(@InConfig(InConfig.When.IF_SET) String type,
                       Integer n, Integer p, @InConfig(InConfig.When.IF_SET) Double mu,
                       @Plugin(value = ExtensionPoint.CLUSTER, defaultType = "gaussian") PluginChoice cluster,
                       @Plugin(value = ExtensionPoint.LABEL_NOISE, defaultType = "none") PluginChoice noise,
                       Integer test,
                       @InConfig(InConfig.When.IF_SET) String x,
                       @InConfig(InConfig.When.IF_SET) String y,
                       @InConfig(InConfig.When.IF_SET) String testX,
                       @InConfig(InConfig.When.IF_SET) String testY,
                       @InConfig(InConfig.When.IF_SET) String xSha256,
                       @InConfig(InConfig.When.IF_SET) String ySha256,
                       @InConfig(InConfig.When.IF_SET) String testXSha256,
                       @InConfig(InConfig.When.IF_SET) String testYSha256,
                       @InConfig(InConfig.When.INTERNAL) Path folder,
                       @Plugin(value = ExtensionPoint.SIGNAL, defaultType = DataSpec.DEFAULT_SIGNAL)
                       @InConfig(InConfig.When.IF_SET) PluginChoice signal) {

    /** The default signal model: the paper's one mean. */
    public static final String DEFAULT_SIGNAL = "one-mean";

    /** The values of {@code data.type}. */
    public static final List<String> TYPES = List.of("generated", "file");
    /** {@code data.type} of data read from files. */
    public static final String FILE = "file";

    public DataSpec {
        if (signal != null && DEFAULT_SIGNAL.equals(signal.type())) {
            signal = null; // the default: written as absent, so the run key is that of a file without it
        }
        if (type != null && !TYPES.contains(type)) {
            throw InvalidSpecException.of("type", type, "must be one of " + String.join(", ", TYPES));
        }
        if ("generated".equals(type)) {
            type = null; // the default: written as absent, so the run key is that of a file without it
        }
        if (FILE.equals(type)) {
            Specs.required("x", x);
            Specs.required("y", y);
            if ((testX == null) != (testY == null)) {
                throw new InvalidSpecException(testX == null ? "test_x" : "test_y", "is required when "
                        + (testX == null ? "test_y" : "test_x") + " is given (the test set needs points and labels)");
            }
            if (mu != null) {
                throw InvalidSpecException.of("mu", mu, "does not apply to data from a file (μ is unknown); remove it");
            }
            // n, p, test and the hashes are filled in by the loader from the files themselves
            n = Specs.atLeast("n", Specs.required("n", n), 2);
            p = Specs.atLeast("p", Specs.required("p", p), 1);
            test = Specs.atLeast("test", Specs.required("test", test), 0);
            Specs.required("x_sha256", xSha256);
            Specs.required("y_sha256", ySha256);
            if (testX != null) {
                Specs.required("test_x_sha256", testXSha256);
                Specs.required("test_y_sha256", testYSha256);
            }
            cluster = FileCluster.CHOICE;
            if (signal != null) {
                throw InvalidSpecException.of("signal.type", signal.type(), "does not apply to data read from files "
                        + "(their labels are given); remove data.signal");
            }
        } else {
            String[] names = {"x", "y", "test_x", "test_y", "x_sha256", "y_sha256", "test_x_sha256", "test_y_sha256"};
            String[] values = {x, y, testX, testY, xSha256, ySha256, testXSha256, testYSha256};
            for (int i = 0; i < names.length; i++) {
                if (values[i] != null) {
                    throw InvalidSpecException.of(names[i], values[i], "is only for data read from files; "
                            + "set data.type: file");
                }
            }
            n = Specs.atLeast("n", Specs.required("n", n), 2);
            p = Specs.atLeast("p", Specs.required("p", p), 1);
            mu = Specs.nonNegative("mu", Specs.required("mu", mu));
            test = Specs.atLeast("test", Specs.orDefault(test, 1000), 1);
        }
    }

    /**
     * The signal model of a run: {@link SignalModel#oneMean()} by default, else the one {@code signal} names, made
     * for {@code context}.
     */
    public SignalModel signalModel(org.benignlab.api.RunContext context) {
        return signal == null ? SignalModel.oneMean() : signal.create(SignalModel.class, context);
    }

    /** The signal model's type key ({@value #DEFAULT_SIGNAL} by default). */
    public String signalType() {
        return signal == null ? DEFAULT_SIGNAL : signal.type();
    }

    /** Whether the data are read from files ({@code type: file}). */
    public boolean isFile() {
        return FILE.equals(type);
    }

    /** The same spec with the folder that relative file paths are resolved against. */
    public DataSpec withFolder(Path newFolder) {
        return new DataSpec(type, n, p, mu, cluster, noise, test, x, y, testX, testY, xSha256, ySha256, testXSha256,
                testYSha256, newFolder, signal);
    }

    /**
     * A data file's path: {@code given} as written, resolved against {@link #folder()} when relative (against
     * the working directory when no folder is set).
     */
    public Path resolve(String given) {
        Path path = Path.of(given);
        if (path.isAbsolute() || folder == null) {
            return path;
        }
        return folder.resolve(path);
    }
}
