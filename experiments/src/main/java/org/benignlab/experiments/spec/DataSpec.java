package org.benignlab.experiments.spec;

import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.Specs;

/**
 * The data model: n training points x = z + ỹ μ in R^p with ||μ|| = mu, clusters z from
 * {@code cluster}, labels corrupted by {@code noise}; {@code test} fresh points for the test error.
 */
public record DataSpec(Integer n, Integer p, Double mu,
                       @Plugin(value = ExtensionPoint.CLUSTER, defaultType = "gaussian") PluginChoice cluster,
                       @Plugin(value = ExtensionPoint.LABEL_NOISE, defaultType = "none") PluginChoice noise,
                       Integer test) {
    public DataSpec {
        n = Specs.atLeast("n", Specs.required("n", n), 2);
        p = Specs.atLeast("p", Specs.required("p", p), 1);
        mu = Specs.nonNegative("mu", Specs.required("mu", mu));
        test = Specs.atLeast("test", Specs.orDefault(test, 1000), 1);
    }
}
