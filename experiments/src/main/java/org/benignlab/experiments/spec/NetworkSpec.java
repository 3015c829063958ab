package org.benignlab.experiments.spec;

import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.Specs;

/**
 * The two-layer network f(x; W) = Σ_j a_j φ(&lt;w_j, x&gt;): {@code width} m hidden units, second layer
 * a_j = ±1/√m fixed, first layer initialised W0_ij ~ N(0, init²).
 */
public record NetworkSpec(Integer width,
                          @Plugin(value = ExtensionPoint.ACTIVATION, defaultType = "smoothed-leaky-relu")
                          PluginChoice activation,
                          Double init) {
    public NetworkSpec {
        width = Specs.atLeast("width", Specs.required("width", width), 1);
        init = Specs.nonNegative("init", Specs.orDefault(init, 1.0e-12));
    }
}
