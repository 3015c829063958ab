/**
 * Implementations behind the providers of {@code org.benignlab.distributions}: immutable and
 * thread-safe, with all randomness taken from the generator passed to each call (paper, Section 2.2,
 * steps 2 and 4). {@link org.benignlab.distributions.impl.IsotropicGaussian} draws N(0, I_p) with
 * Commons RNG's ziggurat sampler; {@link org.benignlab.distributions.impl.RandomFlip} flips each
 * label independently with probability η; {@link org.benignlab.distributions.impl.NoLabelNoise}
 * flips none.
 */
package org.benignlab.distributions.impl;
