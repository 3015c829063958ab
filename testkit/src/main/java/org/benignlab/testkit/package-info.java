/**
 * Contracts every plugin must pass, written as plain Java so that any test framework (JUnit,
 * QuickTheories, TestNG, a main method) can drive them.
 *
 * <p>Each contract is a static method that takes a plugin (and a sample point or a seed) and returns
 * {@code Optional<String>}: empty when the plugin passes, otherwise a counterexample that starts with
 * the name of the property broken. The contracts come from the mathematics of the paper, not from our
 * implementations, so a third-party plugin is held to the same standard as ours.
 *
 * <p>Key types: {@link org.benignlab.testkit.ActivationContract} (φ(0) = 0, γ-leaky, H-smooth,
 * 1-Lipschitz, monotone, derivatives equal finite differences; Section 2.2),
 * {@link org.benignlab.testkit.LossContract} (margin losses: convex, non-increasing; Fact A.1 of
 * Appendix A), {@link org.benignlab.testkit.OptimizerContract} (linearity in past gradients, which the
 * span engine relies on; determinism; descent on a convex quadratic),
 * {@link org.benignlab.testkit.ClusterDistributionContract} (Section 2.2 assumptions on P_clust and
 * Example 2.1: mean zero, κ, independence, variance and MGF within the declared sub-Gaussian norm and
 * λ), {@link org.benignlab.testkit.LabelNoiseContract} (the noise budget η of Section 2.2, exact counts,
 * random versus adversarial), {@link org.benignlab.testkit.SignalModelContract} (labels ±1, weights, means of
 * the declared dimension, each cluster drawn with its weight), {@link org.benignlab.testkit.ProviderContract} (the {@code Provider}
 * lifecycle and spec records) and {@link org.benignlab.testkit.Providers} (every provider
 * {@link java.util.ServiceLoader} finds, instantiated from its example spec). Ready-made JUnit 5 tests
 * built on them are in {@code org.benignlab.testkit.junit}.
 *
 * <p>Statistical contracts take a seed and are deterministic for a given seed; each states its
 * tolerance and failure budget in its Javadoc.
 */
package org.benignlab.testkit;
