/**
 * Implementations behind the providers of {@code org.benignlab.optimizers}. Losses:
 * {@link org.benignlab.optimizers.impl.LogisticLoss} (the paper's loss, Section 2.2, stable for any
 * finite margin), {@link org.benignlab.optimizers.impl.ExponentialLoss} and
 * {@link org.benignlab.optimizers.impl.HingeLoss}. Optimizers:
 * {@link org.benignlab.optimizers.impl.GradientDescent} (W(t+1) = W(t) - α ∇L̂(W(t))),
 * {@link org.benignlab.optimizers.impl.ScheduledGradientDescent}, {@link org.benignlab.optimizers.impl.Momentum}
 * (heavy ball and Nesterov; all linear in past gradients),
 * {@link org.benignlab.optimizers.impl.NormalizedGradientDescent} and
 * {@link org.benignlab.optimizers.impl.Adam} (not linear). Each state holds what its rule remembers;
 * the optimizers themselves are immutable.
 *
 * <p>Constructors trust their arguments: the spec records of the providers validate every value first.
 */
package org.benignlab.optimizers.impl;
