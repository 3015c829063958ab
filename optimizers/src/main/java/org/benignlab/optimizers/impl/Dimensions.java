package org.benignlab.optimizers.impl;

/** The argument checks every optimizer state makes. */
final class Dimensions {
    private Dimensions() {
    }

    /** @throws IllegalArgumentException if dimension is negative */
    static void requireNonNegative(int dimension) {
        if (dimension < 0) {
            throw new IllegalArgumentException("dimension must be >= 0, got " + dimension);
        }
    }

    /** @throws IllegalArgumentException if params or gradient is not of the dimension the state was started with */
    static void require(String name, int dimension, double[] params, double[] gradient) {
        if (params.length != dimension || gradient.length != dimension) {
            throw new IllegalArgumentException(name + " started with dimension " + dimension + " got params of length "
                    + params.length + " and gradient of length " + gradient.length);
        }
    }
}
