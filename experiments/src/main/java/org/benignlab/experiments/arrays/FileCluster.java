package org.benignlab.experiments.arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterDistributionProvider;
import org.benignlab.api.ClusterProperties;
import org.benignlab.experiments.spec.PluginChoice;

/**
 * The {@code data.cluster} of data read from files: a placeholder, since the points are given rather than drawn.
 * It is not registered (a YAML file cannot choose it); {@link org.benignlab.experiments.spec.DataSpec} sets it
 * for {@code data.type: file}, so the resolved configuration says {@code cluster: {type: file}} and the summary
 * {@code "cluster": "file"}. Its {@link ClusterDistribution} declares no property of the paper and refuses to
 * draw (the engines never ask it to for given data).
 */
public final class FileCluster implements ClusterDistributionProvider<FileCluster.Spec> {
    /** The type key, {@value}. */
    public static final String TYPE = "file";

    /** The choice {@link org.benignlab.experiments.spec.DataSpec} uses for data from files. */
    public static final PluginChoice CHOICE = new PluginChoice(new FileCluster(), new Spec());

    /** No parameters. */
    public record Spec() {
    }

    /** The placeholder distribution. */
    static final ClusterDistribution GIVEN = new GivenPoints();

    /** Draws nothing: the points are given. */
    static final class GivenPoints implements ClusterDistribution {
        @Override
        public void sample(UniformRandomProvider rng, double[] out) {
            throw new IllegalStateException("data.cluster: the points come from files (data.type: file); "
                    + "nothing is drawn");
        }

        @Override
        public ClusterProperties properties() {
            return new ClusterProperties(false, Double.NaN, 0, 0, false);
        }

        @Override
        public String toString() {
            return "points from files";
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<Spec> specType() {
        return Spec.class;
    }

    @Override
    public Spec exampleSpec() {
        return new Spec();
    }

    @Override
    public ClusterDistribution create(Spec spec) {
        return GIVEN;
    }

    @Override
    public String description() {
        return "Points read from files (data.type: file): nothing is drawn";
    }
}
