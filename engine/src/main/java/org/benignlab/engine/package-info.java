/**
 * The numerics of Benign Lab: data generation, the two-layer network, full-batch training and metrics
 * (paper, Frei, Chatterji, Bartlett 2022, Section 2.2; MODEL.md).
 *
 * <p>Key types: an {@link org.benignlab.engine.Engine} trains a {@link org.benignlab.engine.TrainingSetup}
 * with the plugin instances of {@link org.benignlab.engine.Plugins} and the seeds of the named streams of
 * {@link org.benignlab.engine.RandomStreams} (a {@link org.benignlab.engine.StreamSeed} each: one generator, or
 * one counter-based substream per index; {@link org.benignlab.engine.DrawFamily} says which engines draw
 * alike), reports metrics to a {@link org.benignlab.engine.MetricsSink}
 * at the steps of a {@link org.benignlab.api.LogSchedule} and returns a
 * {@link org.benignlab.engine.TrainingResult}. {@link org.benignlab.engine.Engines} creates them by name and
 * says which can run a configuration exactly:
 * <ul>
 *   <li>{@link org.benignlab.engine.DenseEngine} ({@code dense}): explicit X and W, any optimiser; a step
 *       costs 2·n·m·p.</li>
 *   <li>{@link org.benignlab.engine.SpanEngine} ({@code span}): the same explicit data, W = W0 + B X
 *       (MODEL.md, "Structure the code can exploit"); optimisers linear in past gradients; setup
 *       (n+m)²·p + testSize·(n+m)·p once, then n²·m per step with nothing in p.</li>
 *   <li>{@link org.benignlab.engine.SketchEngine} ({@code sketch}): the Gaussian sketch (MODEL.md, appendix):
 *       the Gram matrix of the clusters, the initial weights and μ, and each test point's projections,
 *       drawn exactly without a p-dimensional vector; O(N³ + steps·n²·m + testSize·N²), N = n + m.</li>
 * </ul>
 * Every engine runs the same step loop (package-private {@code TrainingLoop}: stop rules, schedule,
 * divergence handling, metrics). {@link org.benignlab.engine.Dataset} draws x = z + ỹ μ (μ = ||μ|| e_1) and
 * the label flips. {@link org.benignlab.engine.NetworkOps} holds the serial kernels (Z = X W^T, f,
 * -(1/n) A^T, the gradient -(1/n) A^T X, the spectral norm); {@link org.benignlab.engine.ParallelNetworkOps}
 * their multi-threaded versions, equal bit for bit. Every matrix product of an engine goes through the
 * {@link org.benignlab.engine.Products} backend it was made with (the native BLAS of
 * {@link org.benignlab.engine.NativeBlas}, or the Java kernels), chosen once per run. Data may be given instead of drawn
 * ({@link org.benignlab.engine.GivenData}, in {@link org.benignlab.engine.TrainingSetup#given()}), and a run's arrays
 * (data, initialisation, final weights) may be handed to an {@link org.benignlab.engine.ArraysSink}
 * ({@link org.benignlab.engine.ArrayOutput}) without changing a number. After training, the linear
 * {@link org.benignlab.engine.Baseline}s of {@link org.benignlab.engine.TrainingSetup#baselines()} are computed on the
 * run's own draws from K, the labels and the test projections ({@link org.benignlab.engine.LinearBaselines}: the
 * maximum-margin classifier through the origin by {@link org.benignlab.engine.MaxMarginSolver}, the minimum-norm
 * interpolator, the one-step classifier) into {@link org.benignlab.engine.TrainingResult#baselines()}.
 */
package org.benignlab.engine;
