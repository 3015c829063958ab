/**
 * Training plugins: the loss ℓ and the optimizer of the paper's training procedure (Section 2.2:
 * logistic loss, full-batch gradient descent with a fixed step α).
 *
 * <p>Losses ({@link org.benignlab.api.LossProvider}): {@link org.benignlab.optimizers.LogisticProvider}
 * ({@code logistic}, ℓ(z) = log(1 + e^-z), g(z) = 1/(1 + e^z)). Optimizers
 * ({@link org.benignlab.api.OptimizerProvider}): {@link org.benignlab.optimizers.GdProvider}
 * ({@code gd}, params -= step · gradient; linear in past gradients, so the span engine is exact for
 * it). Each provider has a validating spec record next to it; the implementations are in
 * {@code org.benignlab.optimizers.impl}.
 */
package org.benignlab.optimizers;
