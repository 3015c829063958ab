/**
 * Implementations behind the providers of {@code org.benignlab.optimizers}:
 * {@link org.benignlab.optimizers.impl.LogisticLoss} (the paper's loss, Section 2.2, stable for any
 * finite margin) and {@link org.benignlab.optimizers.impl.GradientDescent} (W(t+1) = W(t) - α ∇L̂(W(t))).
 */
package org.benignlab.optimizers.impl;
