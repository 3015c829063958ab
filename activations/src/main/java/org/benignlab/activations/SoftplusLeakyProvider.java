package org.benignlab.activations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.activations.impl.SoftplusLeaky;
import org.benignlab.api.Activation;
import org.benignlab.api.ActivationProvider;

/** {@code softplus-leaky}: γz + (1-γ)(softplus(4Hz) - log 2)/(4H); γ-leaky, H-smooth, analytic. */
public final class SoftplusLeakyProvider implements ActivationProvider<SoftplusLeakySpec> {

    @Override
    public String type() {
        return "softplus-leaky";
    }

    @Override
    public Class<SoftplusLeakySpec> specType() {
        return SoftplusLeakySpec.class;
    }

    @Override
    public SoftplusLeakySpec exampleSpec() {
        return new SoftplusLeakySpec(null, null);
    }

    @Override
    public Activation create(SoftplusLeakySpec spec) {
        return new SoftplusLeaky(spec.gamma(), spec.H());
    }

    @Override
    public String description() {
        return "Leaky softplus γz + (1-γ)(softplus(βz) - log 2)/β with β = 4H: smooth everywhere, γ-leaky, "
                + "|φ''| <= (1-γ)H.";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gamma", "leakiness γ = gamma (default " + SoftplusLeakySpec.DEFAULT_GAMMA + "); φ' in (γ, 1)");
        p.put("H", "smoothness H = H (default " + SoftplusLeakySpec.DEFAULT_H + "); sup |φ''| = (1-γ)H at z = 0");
        p.put("paper_assumptions", "yes");
        return Collections.unmodifiableMap(p);
    }
}
