/**
 * Arrays in and out (docs/arrays.md): NumPy .npy files written by hand ({@link
 * org.benignlab.experiments.arrays.Npy}), the arrays a run saves with {@code training.save}
 * ({@link org.benignlab.experiments.arrays.RunArrays}, {@link org.benignlab.experiments.arrays.NpyArraysSink}:
 * data, init and final arrays into {@code <run>/arrays/}), and training data read from files
 * ({@code data.type: file}: {@link org.benignlab.experiments.arrays.DataFiles}, with the placeholder cluster
 * {@link org.benignlab.experiments.arrays.FileCluster}). The arrays are those of the paper's model (Section 2.2)
 * and of the span representation W = W0 + B X (MODEL.md, "Structure the code can exploit").
 */
package org.benignlab.experiments.arrays;
