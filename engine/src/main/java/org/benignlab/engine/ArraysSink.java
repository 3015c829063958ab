package org.benignlab.engine;

import java.util.function.IntFunction;

/**
 * Receives the arrays an engine saves ({@link ArrayOutput}), each once, in the order of
 * {@link EngineKind#savedArrays}: the {@link ArrayGroup#DATA} and {@link ArrayGroup#INIT} arrays during setup
 * (before the first step), the {@link ArrayGroup#FINAL} arrays at the final step, before
 * {@link Engine#train} returns. Arrays are in C (row-major) order. An exception thrown by the sink
 * propagates out of {@code train}.
 */
public interface ArraysSink {

    /**
     * A float64 array.
     *
     * @param name     the array's name, e.g. {@code X} (see {@link EngineKind#savedArrays})
     * @param shape    its shape (1-D or 2-D), not modified
     * @param rowMajor its entries in C order, length the product of the shape (not modified; not kept)
     */
    void write(String name, int[] shape, double[] rowMajor);

    /**
     * An int8 array (e.g. the 0/1 flip indicators).
     *
     * @param shape  its shape, not modified
     * @param values its entries in C order (not modified; not kept)
     */
    void writeInt8(String name, int[] shape, byte[] values);

    /**
     * A 2-D float64 array given row by row, for arrays too large to copy into one Java array (X, W0, W).
     * The default gathers the rows and calls {@link #write}; a sink that writes files should stream them.
     *
     * @param rows    number of rows
     * @param columns length of each row
     * @param row     row i (called once per i, in increasing order; the array may be reused for the next row)
     */
    default void writeRows(String name, int rows, int columns, IntFunction<double[]> row) {
        long size = (long) rows * columns;
        if (size > TrainingSetup.MAX_ARRAY) {
            throw new IllegalArgumentException("ArraysSink.writeRows: " + name + " has " + size
                    + " entries, more than one Java array holds; override writeRows to stream it");
        }
        double[] all = new double[(int) size];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(row.apply(i), 0, all, i * columns, columns);
        }
        write(name, new int[] {rows, columns}, all);
    }
}
