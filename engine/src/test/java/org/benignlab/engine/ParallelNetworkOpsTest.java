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
