package org.benignlab.api;

/** Extension point for cluster distributions (YAML {@code data.cluster}). */
public interface ClusterDistributionProvider<S extends Record> extends Provider<S, ClusterDistribution> {
}
