package org.benignlab.experiments.arrays;

import java.nio.file.Path;

/** Lets tests of other packages (ArraysCliIT) use the NumPy checks of {@link ArraysNumpyIT}. */
public final class ArraysNumpyITAccess {
    private ArraysNumpyITAccess() {
    }

    /** Whether python3 with NumPy runs here. */
    public static boolean numpyAvailable() {
        return ArraysNumpyIT.numpyAvailable();
    }

    /** Runs check_arrays.py on a run folder (asserting it passes); returns the names of the arrays it read. */
    public static String check(Path runDir) throws Exception {
        return ArraysNumpyIT.check(runDir);
    }

    /** Runs the docs' snippet on a run folder: {its train loss, summary.json's train_loss}. */
    public static double[] snippet(Path runDir) throws Exception {
        return ArraysNumpyIT.snippet(runDir);
    }
}
