/**
 * The numerics of Benign Lab: data generation, the two-layer network, full-batch training and metrics
 * (paper, Frei, Chatterji, Bartlett 2022, Section 2.2; MODEL.md).
 *
 * <p>Key types: {@link org.benignlab.engine.DenseEngine} (explicit X and W, any optimiser) trains a
 * {@link org.benignlab.engine.TrainingSetup} with the plugin instances of
 * {@link org.benignlab.engine.Plugins} and the named streams of {@link org.benignlab.engine.RandomStreams},
 * reports metrics to a {@link org.benignlab.engine.MetricsSink} at the steps of a
 * {@link org.benignlab.engine.LogSchedule} and returns a {@link org.benignlab.engine.TrainingResult}.
 * {@link org.benignlab.engine.Dataset} draws x = z + ỹ μ (μ = ||μ|| e_1) and the label flips.
 * {@link org.benignlab.engine.NetworkOps} holds the serial kernels (Z = X W^T, f, -(1/n) A^T, the
 * gradient -(1/n) A^T X); {@link org.benignlab.engine.ParallelNetworkOps} their multi-threaded versions,
 * equal bit for bit.
 */
package org.benignlab.engine;
