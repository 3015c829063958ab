package org.benignlab.api;

/** The six extension points, with the YAML path where each is chosen. */
public enum ExtensionPoint {
    ACTIVATION("activations", ActivationProvider.class, "network.activation"),
    CLUSTER("cluster distributions", ClusterDistributionProvider.class, "data.cluster"),
    LABEL_NOISE("label noise", LabelNoiseProvider.class, "data.noise"),
    LOSS("losses", LossProvider.class, "training.loss"),
    OPTIMIZER("optimizers", OptimizerProvider.class, "training.optimizer"),
    SIGNAL("signal models", SignalModelProvider.class, "data.signal");

    private final String title;
    private final Class<?> providerType;
    private final String yamlPath;

    ExtensionPoint(String title, Class<?> providerType, String yamlPath) {
        this.title = title;
        this.providerType = providerType;
        this.yamlPath = yamlPath;
    }

    /** Human-readable plural name. */
    public String title() {
        return title;
    }

    /** The provider interface that {@code META-INF/services} files name. */
    public Class<?> providerType() {
        return providerType;
    }

    /** Where the plugin is chosen in an experiment file. */
    public String yamlPath() {
        return yamlPath;
    }
}
