package org.benignlab.distributions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.commons.rng.simple.RandomSource;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterProperties;
import org.benignlab.api.NoSpec;
import org.junit.jupiter.api.Test;

/** gaussian declares Example 2.1's properties and one instance can serve many threads. */
class GaussianTest {

    static final GaussianProvider PROVIDER = new GaussianProvider();

    @Test
    void declaresTheIsotropicGaussianProperties() {
        ClusterProperties p = PROVIDER.create(new NoSpec()).properties();
        assertTrue(p.product());
        assertEquals(1.0, p.subGaussianNorm());
        assertEquals(1.0, p.strongLogConcavity());
        assertEquals(1.0, p.kappa());
        assertTrue(p.isotropicGaussian());
        assertTrue(p.meetsPaperAssumptions());
        assertEquals("yes (Example 2.1)", PROVIDER.properties().get("paper_assumptions"));
    }

    static double[][] draws(ClusterDistribution d, long seed, int count, int dim) {
        var rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] out = new double[count][dim];
        for (double[] z : out) {
            d.sample(rng, z);
        }
        return out;
    }

    @Test
    void oneInstanceSharedByThreadsGivesTheSerialDraws() throws Exception {
        ClusterDistribution d = PROVIDER.create(new NoSpec());
        int threads = 8;
        List<double[][]> serial = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            serial.add(draws(d, 100 + t, 2000, 16));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<double[][]>> parallel = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = 100 + t;
                parallel.add(pool.submit(() -> draws(d, seed, 2000, 16)));
            }
            for (int t = 0; t < threads; t++) {
                double[][] got = parallel.get(t).get();
                for (int i = 0; i < got.length; i++) {
                    assertArrayEquals(serial.get(t)[i], got[i], 0.0, "thread " + t + ", draw " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void normOfAHighDimensionalDrawIsAboutRootP() {
        // ||z||^2 ~ chi^2_p: mean p, sd sqrt(2p); pinned seed, 6 sd tolerance (failure budget ~2e-9)
        int p = 100_000;
        double[] z = draws(PROVIDER.create(new NoSpec()), 42, 1, p)[0];
        double norm2 = 0;
        for (double v : z) {
            norm2 += v * v;
        }
        assertEquals(p, norm2, 6 * Math.sqrt(2.0 * p));
    }
}
