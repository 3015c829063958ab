package org.benignlab.api;

import java.util.Map;

/**
 * A plugin: a type key used in YAML, a spec record that validates its own parameters in its compact
 * constructor, and a factory. Lifecycle: the framework binds the YAML mapping under the plugin's path
 * (less the {@code type} key) onto the record components of {@link #specType()} by name, constructs
 * the record (which validates), then calls {@link #create(Record)} once per run.
 *
 * <p>Register a provider with a {@code META-INF/services} file naming the extension point's provider
 * interface ({@link ActivationProvider}, {@link ClusterDistributionProvider},
 * {@link LabelNoiseProvider}, {@link LossProvider}, {@link OptimizerProvider}, {@link SignalModelProvider}).
 *
 * @param <S> the spec record; components of type {@code Double}, {@code Integer}, {@code Long},
 *            {@code Boolean}, {@code String}, or a {@code List} of {@code Double}, {@code Integer} or
 *            {@code String} (boxed: {@code null} means "not given", so the compact constructor can fill in a
 *            default)
 * @param <T> what the provider creates
 */
public interface Provider<S extends Record, T> {

    /** The key used as {@code type:} in YAML, lower-case words joined by hyphens. */
    String type();

    /** The spec record class. */
    Class<S> specType();

    /**
     * A valid spec with typical values: what {@code benign plugins} shows the declared properties of,
     * and what the testkit contracts check when they run over every provider found.
     */
    S exampleSpec();

    /** A new instance for one run. The spec has already validated itself. */
    T create(S spec);

    /**
     * A new instance for one run that knows the run's resolved parameters (n, p, m, ‖μ‖, η, the file's vars,
     * ...): what {@code benign} calls for every extension point. The default ignores the context and calls
     * {@link #create(Record)}; override it when the plugin depends on the run, e.g. a cluster distribution whose
     * scale depends on n, or whose declared properties depend on p. {@link #create(Record)} still has to give a
     * valid instance: {@code benign plugins} and the testkit contracts call it without a run.
     */
    default T create(S spec, RunContext context) {
        return create(spec);
    }

    /** One sentence for {@code benign plugins} and the docs. */
    String description();

    /**
     * Properties the plugin declares, shown by {@code benign plugins}: for an activation its
     * leakiness and smoothness, for a distribution whether it meets the paper's assumptions, for an
     * optimizer whether it is linear in past gradients. Keys are short snake_case words.
     */
    default Map<String, String> properties() {
        return Map.of();
    }
}
