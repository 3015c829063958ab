package org.benignlab.experiments.spec;

import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.Specs;

/**
 * The two-layer network f(x; W) = Σ_j a_j φ(&lt;w_j, x&gt;): {@code width} m hidden units, second layer a
 * fixed ({@code second_layer}; by default the paper's a_j = ±1/√m with random signs), first layer
 * initialised W0_ij ~ N(0, init²).
 */
public record NetworkSpec(Integer width,
                          @Plugin(value = ExtensionPoint.ACTIVATION, defaultType = "smoothed-leaky-relu")
                          PluginChoice activation,
                          Double init,
                          SecondLayerSpec secondLayer) {
    public NetworkSpec {
        width = Specs.atLeast("width", Specs.required("width", width), 1);
        init = Specs.nonNegative("init", Specs.orDefault(init, 1.0e-12));
        secondLayer = Specs.orDefault(secondLayer, new SecondLayerSpec(null, null, null, null)).withDefaultScale(width);
        if (secondLayer.values() != null && secondLayer.values().size() != width) {
            throw new InvalidSpecException("second_layer.values", "has " + secondLayer.values().size()
                    + " entries; needs one per hidden unit, width = " + width);
        }
    }
}
