package org.benignlab.activations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.activations.impl.Identity;
import org.benignlab.api.Activation;
import org.benignlab.api.ActivationProvider;

/** {@code identity}: φ(z) = z, a linear network; leakiness 1, smoothness 0. */
public final class IdentityProvider implements ActivationProvider<IdentitySpec> {

    @Override
    public String type() {
        return "identity";
    }

    @Override
    public Class<IdentitySpec> specType() {
        return IdentitySpec.class;
    }

    @Override
    public IdentitySpec exampleSpec() {
        return new IdentitySpec();
    }

    @Override
    public Activation create(IdentitySpec spec) {
        return new Identity();
    }

    @Override
    public String description() {
        return "Identity φ(z) = z: the network is linear in x.";
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gamma", "1");
        p.put("H", "0");
        p.put("paper_assumptions", "yes (linear network)");
        return Collections.unmodifiableMap(p);
    }
}
