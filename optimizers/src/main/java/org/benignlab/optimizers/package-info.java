/**
 * Training plugins: the loss ℓ and the optimizer of the paper's training procedure (Section 2.2:
 * logistic loss, full-batch gradient descent with a fixed step α), and alternatives to compare with.
 *
 * <p>Losses ({@link org.benignlab.api.LossProvider}): {@link org.benignlab.optimizers.LogisticProvider}
 * ({@code logistic}, ℓ(z) = log(1 + e^-z)), {@link org.benignlab.optimizers.ExponentialProvider}
 * ({@code exponential}, e^-z) and {@link org.benignlab.optimizers.HingeProvider} ({@code hinge},
 * max(0, 1 - z)). Optimizers ({@link org.benignlab.api.OptimizerProvider}), linear in past gradients so
 * that the span engine is exact for them: {@link org.benignlab.optimizers.GdProvider} ({@code gd}),
 * {@link org.benignlab.optimizers.GdScheduleProvider} ({@code gd-schedule}),
 * {@link org.benignlab.optimizers.MomentumProvider} ({@code momentum}) and
 * {@link org.benignlab.optimizers.NesterovProvider} ({@code nesterov}); not linear, dense engine only:
 * {@link org.benignlab.optimizers.NormalizedGdProvider} ({@code normalized-gd}) and
 * {@link org.benignlab.optimizers.AdamProvider} ({@code adam}). Each provider has a validating spec
 * record next to it; the implementations are in {@code org.benignlab.optimizers.impl}.
 */
package org.benignlab.optimizers;
