package org.benignlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The parallel kernels equal the serial ones bit for bit (EJML's multi-thread-against-single-thread check). */
class ParallelNetworkOpsTest {

    @Test
    void parallelEqualsSerialBitForBitOnRandomSizes() {
        qt().withFixedSeed(314L).withExamples(40)
                .forAll(integers().between(1, 40), integers().between(1, 400), integers().between(1, 24),
                        longs().all())
                .checkAssert((n, p, m, seed) -> {
                    Fixture fx = new Fixture(n, p, m, seed, 1.0, 0.3);
                    for (int threads = 2; threads <= 5; threads += 3) {
                        check(fx, threads);
                    }
                });
    }

    @Test
    void parallelEqualsSerialBitForBitOnAQuickstartSizedInstance() {
        Fixture fx = new Fixture(100, 3001, 50, 17L, 1.0, 0.01);
        check(fx, 2);
        check(fx, 3);
    }

    /**
     * The step's element-wise work on the loop's flat Z^T, split over the points (outputs f, also by rows of Z as for
     * the test points, and the gradient's coefficients C), equals the serial kernels on rows bit for bit, above and
     * below the size from which it is split, for 2 and 3 threads.
     */
    @Test
    void outputsAndGradientCoefficientsSplitOverPointsEqualTheSerialKernels() {
        org.benignlab.api.Activation phi = new org.benignlab.activations.impl.SmoothedLeakyRelu(0.1, 1.0);
        org.benignlab.api.Loss loss = new org.benignlab.optimizers.impl.LogisticLoss();
        for (int[] size : new int[][] {{7, 50}, {40, 1000}, {33, 1001}}) {
            int m = size[0];
            int n = size[1];
            java.util.SplittableRandom rng = new java.util.SplittableRandom(m * 31L + n);
            double[][] zt = new double[m][n];
            double[] a = new double[m];
            double[] y = new double[n];
            for (int j = 0; j < m; j++) {
                a[j] = rng.nextBoolean() ? 0.2 : -0.2;
                for (int i = 0; i < n; i++) {
                    zt[j][i] = 3 * rng.nextGaussian();
                }
            }
            for (int i = 0; i < n; i++) {
                y[i] = rng.nextBoolean() ? 1.0 : -1.0;
            }
            double[] f = new double[n];
            double[] ct = new double[m * n];
            double[][] z = NetworkOps.transpose(zt); // the test outputs' layout: a row per point
            double[] fRows = new double[n];
            NetworkOps.outputs(z, n, a, phi, fRows);
            NetworkOps.outputsT(zt, a, phi, f, new double[n]);
            NetworkOps.gradientCoefficients(zt, a, y, f, loss, phi, new double[n], ct, new double[n]);
            for (int threads = 2; threads <= 3; threads++) {
                double[] fp = new double[n];
                double[] ctp = new double[m * n];
                double[] fRowsP = new double[n];
                double[] flat = NativeBlas.flatten(zt, 0, m, n, null); // the loop's layout: row j at j·n
                try (ParallelNetworkOps ops = new ParallelNetworkOps(threads)) {
                    ops.outputs(z, n, a, phi, fRowsP);
                    ops.outputsT(flat, a, phi, fp, new double[n]);
                    ops.gradientCoefficients(flat, a, y, fp, loss, phi, new double[n], ctp, new double[n]);
                }
                String where = "m=" + m + " n=" + n + " threads=" + threads;
                assertEquals(true, Arrays.equals(f, fp), "outputs differ, " + where);
                assertEquals(true, Arrays.equals(fRows, fRowsP), "outputs by rows differ, " + where);
                assertEquals(true, Arrays.equals(ct, ctp), "coefficients differ, " + where);
            }
        }
        assertEquals(true, 40L * 1000 >= ParallelNetworkOps.PARALLEL_ENTRIES, "a size above the split threshold");
    }

    private static void check(Fixture fx, int threads) {
        double[][] xt = NetworkOps.transpose(fx.x);
        double[][] ztSerial = new double[fx.m][fx.n];
        double[][] ztParallel = new double[fx.m][fx.n];
        double[][] wtSerial = new double[fx.p][fx.m];
        double[][] wtParallel = new double[fx.p][fx.m];
        double[][] zSerial = new double[fx.n][fx.m];
        double[][] zParallel = new double[fx.n][fx.m];
        double[] ct = new double[fx.m * fx.n];
        for (int k = 0; k < ct.length; k++) {
            ct[k] = Math.cos(3.0 * k + fx.w[k % fx.w.length]);
        }
        double[] gSerial = new double[fx.m * fx.p];
        double[] gParallel = new double[fx.m * fx.p];
        // the generic products of the span engine: C = A B with A flat (W W^T) and with A as rows (X X^T)
        double[][] gramSerial = new double[fx.m][fx.m];
        double[][] gramParallel = new double[fx.m][fx.m];
        double[][] kSerial = new double[fx.n][fx.n];
        double[][] kParallel = new double[fx.n][fx.n];
        NetworkOps.preActivationsT(fx.w, xt, ztSerial);
        NetworkOps.transpose(fx.w, fx.m, fx.p, wtSerial);
        NetworkOps.preActivations(fx.x, wtSerial, zSerial, 0, fx.n);
        NetworkOps.gradient(ct, fx.x, new double[fx.m][fx.p], gSerial);
        NetworkOps.multiply(fx.w, fx.p, wtSerial, gramSerial, 0, fx.m, 0, fx.m);
        NetworkOps.multiply(fx.x, xt, kSerial, 0, fx.n, 0, fx.n);
        try (ParallelNetworkOps ops = new ParallelNetworkOps(threads)) {
            assertEquals(threads, ops.threads());
            ops.preActivationsT(fx.w, xt, ztParallel);
            ops.transpose(fx.w, fx.m, fx.p, wtParallel);
            ops.preActivations(fx.x, wtParallel, zParallel, fx.n);
            ops.gradient(ct, fx.x, new double[fx.m][fx.p], gParallel);
            ops.multiply(fx.w, fx.p, wtParallel, gramParallel, fx.m, fx.m);
            ops.multiply(fx.x, xt, kParallel, fx.n, fx.n);
        }
        String where = "threads=" + threads + " n=" + fx.n + " p=" + fx.p + " m=" + fx.m;
        // Arrays.equals on double[] compares bit patterns (Double.equals)
        assertEquals(true, Arrays.deepEquals(ztSerial, ztParallel), "Z^T differs, " + where);
        assertEquals(true, Arrays.deepEquals(wtSerial, wtParallel), "W^T differs, " + where);
        assertEquals(true, Arrays.deepEquals(zSerial, zParallel), "Z differs, " + where);
        assertEquals(true, Arrays.equals(gSerial, gParallel), "gradient differs, " + where);
        assertEquals(true, Arrays.deepEquals(gramSerial, gramParallel), "W W^T differs, " + where);
        assertEquals(true, Arrays.deepEquals(kSerial, kParallel), "X X^T differs, " + where);
        for (int j = 0; j < fx.m; j++) {
            for (int k = 0; k < fx.m; k++) {
                assertEquals(gramSerial[j][k], gramSerial[k][j], 0.0, "W W^T is exactly symmetric");
            }
        }
    }

    @Test
    void partsCoverTheRangeInFixedContiguousPieces() {
        try (ParallelNetworkOps ops = new ParallelNetworkOps(3)) {
            assertArrayEquals(new int[] {0, 3, 6, 10}, new int[] {ops.bound(10, 0), ops.bound(10, 1),
                ops.bound(10, 2), ops.bound(10, 3)});
            assertArrayEquals(new int[] {0, 0, 1, 2}, new int[] {ops.bound(2, 0), ops.bound(2, 1), ops.bound(2, 2),
                ops.bound(2, 3)});
        }
    }

    @Test
    void anErrorInAWorkerReachesTheCaller() {
        try (ParallelNetworkOps ops = new ParallelNetworkOps(2)) {
            // the gradient rows are too short for the flat gradient array: the check fails in every part
            assertThrows(IllegalArgumentException.class,
                    () -> ops.gradient(new double[4], new double[2][6], new double[2][6], new double[11]));
        }
    }

    @Test
    void threadCountMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ParallelNetworkOps(0));
    }
}
