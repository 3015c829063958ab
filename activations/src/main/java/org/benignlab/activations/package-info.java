/**
 * Activation plugins: the hidden-layer φ of f(x; W) = Σ_j a_j φ(&lt;w_j, x&gt;) (paper, Section 2.2).
 *
 * <p>Each plugin is a validating spec record and an {@link org.benignlab.api.ActivationProvider}
 * registered in {@code META-INF/services}: {@link org.benignlab.activations.SmoothedLeakyReluProvider}
 * ({@code smoothed-leaky-relu}, equation (1) of the paper, γ-leaky and H-smooth),
 * {@link org.benignlab.activations.LeakyReluProvider} ({@code leaky-relu}, max(γz, z), the H → ∞
 * limit, not smooth) and {@link org.benignlab.activations.IdentityProvider} ({@code identity}, a
 * linear network). The functions themselves are in {@code org.benignlab.activations.impl}.
 */
package org.benignlab.activations;
