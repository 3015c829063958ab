/**
 * The plugin SPI and the vocabulary shared by all modules.
 *
 * <p>Extension points ({@link org.benignlab.api.ExtensionPoint}): {@link org.benignlab.api.Activation},
 * {@link org.benignlab.api.ClusterDistribution}, {@link org.benignlab.api.LabelNoise},
 * {@link org.benignlab.api.Loss}, {@link org.benignlab.api.Optimizer} and {@link org.benignlab.api.SignalModel}, each created by a
 * {@link org.benignlab.api.Provider} found by {@link java.util.ServiceLoader} and kept in a
 * {@link org.benignlab.api.Registry}. Specs are records that validate in their compact constructor
 * and throw {@link org.benignlab.api.InvalidSpecException}. Result vocabulary:
 * {@link org.benignlab.api.MetricNames}, {@link org.benignlab.api.RunStatus},
 * {@link org.benignlab.api.StopReason}.
 *
 * <p>Paper: Frei, Chatterji, Bartlett (2022), Section 2.2 (model, activation, loss, training).
 */
package org.benignlab.api;
