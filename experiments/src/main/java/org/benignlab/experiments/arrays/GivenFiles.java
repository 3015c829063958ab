package org.benignlab.experiments.arrays;

import java.util.Map;
import org.benignlab.engine.GivenData;
import org.benignlab.experiments.arrays.DataTables.Kind;
import org.benignlab.experiments.arrays.DataTables.Table;
import org.benignlab.experiments.spec.DataSpec;

/**
 * Data from files at run time: the {@link GivenData} the engine loads when training starts (the files read again
 * and refused when a hash changed since {@link DataFiles#prepare} planned them) and the {@code data_files} entry of
 * provenance.json.
 */
public final class GivenFiles {
    private GivenFiles() {
    }

    /**
     * The given data of a spec with {@code type: file}: sizes from the spec, the files loaded (and their hashes
     * checked against the spec's) when the engine asks.
     */
    public static GivenData given(DataSpec spec) {
        if (!spec.isFile()) {
            throw new IllegalArgumentException("data.type is not file");
        }
        return new FileData(spec);
    }

    /**
     * The {@code data_files} entry of provenance.json for data from files: per YAML key ({@code x}, {@code y},
     * {@code test_x}, {@code test_y}) the absolute path read and its SHA-256; null for drawn data.
     */
    public static Map<String, Object> provenance(DataSpec spec) {
        if (!spec.isFile()) {
            return null;
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        String[] keys = {"x", "y", "test_x", "test_y"};
        String[] paths = {spec.x(), spec.y(), spec.testX(), spec.testY()};
        String[] hashes = {spec.xSha256(), spec.ySha256(), spec.testXSha256(), spec.testYSha256()};
        for (int i = 0; i < keys.length; i++) {
            if (paths[i] != null) {
                Map<String, Object> f = new java.util.LinkedHashMap<>();
                f.put("path", spec.resolve(paths[i]).toAbsolutePath().normalize().toString());
                f.put("sha256", hashes[i]);
                out.put(keys[i], f);
            }
        }
        return out;
    }

    /** {@link GivenData} read from the files of a spec. */
    private static final class FileData implements GivenData {
        private final DataSpec spec;

        FileData(DataSpec spec) {
            this.spec = spec;
        }

        @Override
        public int size() {
            return spec.n();
        }

        @Override
        public int dimension() {
            return spec.p();
        }

        @Override
        public int testSize() {
            return spec.test();
        }

        @Override
        public Points load() {
            double[][] x = load("data.x", spec.x(), spec.xSha256(), Kind.POINTS);
            double[] y = load("data.y", spec.y(), spec.ySha256(), Kind.LABELS)[0];
            double[][] testX = new double[0][];
            double[] testY = new double[0];
            if (spec.testX() != null) {
                testX = load("data.test_x", spec.testX(), spec.testXSha256(), Kind.POINTS);
                testY = load("data.test_y", spec.testY(), spec.testYSha256(), Kind.LABELS)[0];
            }
            return new Points(x, y, testX, testY);
        }

        private double[][] load(String yamlPath, String given, String sha, Kind kind) {
            Table t = DataTables.read(spec.resolve(given), given, yamlPath, kind, true, spec.folder());
            if (!t.sha256().equalsIgnoreCase(sha)) {
                throw new IllegalStateException(yamlPath + ": " + given + " changed since the experiment was planned "
                        + "(SHA-256 now " + t.sha256() + ", planned " + sha + "); run the experiment again");
            }
            return t.values();
        }

        @Override
        public String toString() {
            return "files " + spec.x() + ", " + spec.y() + (spec.testX() == null ? "" : ", " + spec.testX() + ", "
                    + spec.testY());
        }
    }
}
