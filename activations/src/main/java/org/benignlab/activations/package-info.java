/**
 * Activation plugins: the hidden-layer φ of f(x; W) = Σ_j a_j φ(&lt;w_j, x&gt;) (paper, Section 2.2).
 *
 * <p>Each plugin is a validating spec record (or {@link org.benignlab.api.NoSpec}) and an
 * {@link org.benignlab.api.ActivationProvider.Base} subclass of one constructor call, registered in {@code META-INF/services}. Inside the paper's assumptions (γ-leaky and H-smooth):
 * {@link org.benignlab.activations.SmoothedLeakyReluProvider} ({@code smoothed-leaky-relu}, equation
 * (1) of the paper), {@link org.benignlab.activations.SoftplusLeakyProvider} ({@code softplus-leaky},
 * analytic), {@link org.benignlab.activations.HuberizedReluProvider} ({@code huberized-relu}, curved on
 * [0, 1/H] only) and {@link org.benignlab.activations.IdentityProvider} ({@code identity}, a linear
 * network). Outside them, and declared so: {@link org.benignlab.activations.LeakyReluProvider}
 * ({@code leaky-relu}, not smooth), {@link org.benignlab.activations.ReluProvider} ({@code relu}, γ = 0
 * and not smooth) and {@link org.benignlab.activations.TanhProvider} ({@code tanh}, not leaky). The
 * functions themselves are in {@code org.benignlab.activations.impl}.
 */
package org.benignlab.activations;
