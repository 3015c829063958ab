/**
 * Data plugins: the cluster distribution P_clust and the label-noise model of the paper's data
 * model (Section 2.2; Example 2.1 is a Gaussian cluster with random label flips).
 *
 * <p>Cluster distributions ({@link org.benignlab.api.ClusterDistributionProvider}):
 * {@link org.benignlab.distributions.GaussianProvider} ({@code gaussian}, z ~ N(0, I_p), for which
 * the Gaussian sketch is exact), {@link org.benignlab.distributions.GaussianDiagonalProvider}
 * ({@code gaussian-diagonal}, a spiked or power-law diagonal covariance),
 * {@link org.benignlab.distributions.RademacherProvider} ({@code rademacher}),
 * {@link org.benignlab.distributions.UniformProvider} ({@code uniform}) and
 * {@link org.benignlab.distributions.LaplaceProvider} ({@code laplace}). Each declares its
 * {@link org.benignlab.api.ClusterProperties} in the paper's conventions: the sub-Gaussian norm is the
 * one under which N(0, σ²) has norm σ (the square root of the variance proxy), λ is the constant of
 * strong log-concavity (0 when there is none), κ bounds E||z||²/p from below for every p.
 *
 * <p>Label noise ({@link org.benignlab.api.LabelNoiseProvider}):
 * {@link org.benignlab.distributions.NoNoiseProvider} ({@code none}),
 * {@link org.benignlab.distributions.RandomFlipProvider} ({@code random-flip}, each label flips
 * independently with probability η), {@link org.benignlab.distributions.FixedCountProvider}
 * ({@code fixed-count}, exactly ⌈ηn⌉ flips), {@link org.benignlab.distributions.MarginAdversarialProvider}
 * ({@code margin-adversarial}, the ⌈ηn⌉ largest or smallest clean margins) and
 * {@link org.benignlab.distributions.ClassConditionalProvider} ({@code class-conditional}, a rate per
 * clean class).
 *
 * <p>Signal models ({@link org.benignlab.api.SignalModelProvider}, how the clean label and the mean are drawn):
 * {@link org.benignlab.distributions.OneMeanProvider} ({@code one-mean}, the paper's, the default),
 * {@link org.benignlab.distributions.XorProvider} ({@code xor}, Xu, Wang, Frei, Vardi, Hu, ICLR 2024) and
 * {@link org.benignlab.distributions.MixtureProvider} ({@code mixture}, k means with norms, angles, labels and
 * weights). Each provider has a validating spec record next to it; the implementations are in
 * {@code org.benignlab.distributions.impl}.
 */
package org.benignlab.distributions;
