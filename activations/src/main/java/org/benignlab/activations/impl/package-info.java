/**
 * The activation functions behind the providers of {@code org.benignlab.activations}: immutable,
 * thread-safe implementations of {@link org.benignlab.api.Activation} with φ, φ', φ'' in closed
 * form. {@link org.benignlab.activations.impl.SmoothedLeakyRelu} is equation (1) of the paper
 * (Section 2.2); {@link org.benignlab.activations.impl.LeakyRelu} is its H → ∞ limit;
 * {@link org.benignlab.activations.impl.SoftplusLeaky} and
 * {@link org.benignlab.activations.impl.HuberizedRelu} are two other γ-leaky, H-smooth activations;
 * {@link org.benignlab.activations.impl.Identity} is φ(z) = z; {@link org.benignlab.activations.impl.Relu}
 * and {@link org.benignlab.activations.impl.Tanh} are baselines that are not leaky.
 *
 * <p>Constructors trust their arguments: the spec records of the providers validate every value first.
 */
package org.benignlab.activations.impl;
