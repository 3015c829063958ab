/**
 * Data plugins: the cluster distribution P_clust and the label-noise model of the paper's data
 * model (Section 2.2; Example 2.1 is a Gaussian cluster with random label flips).
 *
 * <p>Cluster distributions ({@link org.benignlab.api.ClusterDistributionProvider}):
 * {@link org.benignlab.distributions.GaussianProvider} ({@code gaussian}, z ~ N(0, I_p), for which
 * the Gaussian sketch is exact). Label noise ({@link org.benignlab.api.LabelNoiseProvider}):
 * {@link org.benignlab.distributions.NoNoiseProvider} ({@code none}) and
 * {@link org.benignlab.distributions.RandomFlipProvider} ({@code random-flip}, each label flips
 * independently with probability η). Each provider has a validating spec record next to it; the
 * implementations are in {@code org.benignlab.distributions.impl}.
 */
package org.benignlab.distributions;
