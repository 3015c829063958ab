/**
 * Implementations behind the providers of {@code org.benignlab.distributions}: immutable and
 * thread-safe, with all randomness taken from the generator passed to each call (paper, Section 2.2,
 * steps 2 and 4). Clusters: {@link org.benignlab.distributions.impl.IsotropicGaussian} (N(0, I_p), ziggurat
 * sampler), {@link org.benignlab.distributions.impl.DiagonalGaussian} (N(0, Σ), Σ diagonal),
 * {@link org.benignlab.distributions.impl.Rademacher}, {@link org.benignlab.distributions.impl.UniformCube}
 * and {@link org.benignlab.distributions.impl.Laplace}, each with its declared properties explained in
 * its Javadoc. Label noise: {@link org.benignlab.distributions.impl.NoLabelNoise},
 * {@link org.benignlab.distributions.impl.RandomFlip}, {@link org.benignlab.distributions.impl.FixedCount},
 * {@link org.benignlab.distributions.impl.MarginAdversarial} (reads only ỹ and &lt;x, μ&gt;, so the sketch
 * can run it) and {@link org.benignlab.distributions.impl.ClassConditional}.
 *
 * <p>Constructors trust their arguments: the spec records of the providers validate every value first.
 */
package org.benignlab.distributions.impl;
