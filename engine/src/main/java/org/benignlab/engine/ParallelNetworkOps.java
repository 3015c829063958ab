package org.benignlab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.benignlab.api.Activation;
import org.benignlab.api.Loss;

/**
 * Multi-threaded versions of the hot {@link NetworkOps} kernels. Each kernel splits its output into
 * {@code threads} contiguous parts fixed by the sizes alone (part t covers [t·len/T, (t+1)·len/T)); every
 * output entry is computed by the serial code with the serial summation order, so the results equal the
 * serial kernels bit for bit whatever the thread count or timing.
 *
 * <p>Owns a fixed pool of {@code threads - 1} daemon threads (none for one thread); the calling thread
 * computes part 0. Not thread-safe: one caller at a time. Close it to stop the pool.
 *
 * <p>The work handed to the threads on the paths every run takes (the step, the products, the sketch's setup) is
 * written as named or anonymous classes, not lambdas: the first call of each lambda shape spins method-handle
 * classes at run time (about 50 of them in a cold sketch run before, a measurable part of its setup).
 */
public final class ParallelNetworkOps implements AutoCloseable {
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final int threads;
    private final ExecutorService pool;

    /**
     * @param threads number of threads, &gt;= 1
     * @throws IllegalArgumentException if threads &lt; 1
     */
    public ParallelNetworkOps(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be >= 1, got " + threads);
        }
        this.threads = threads;
        if (threads == 1) {
            this.pool = null;
        } else {
            int number = POOL_NUMBER.incrementAndGet();
            AtomicInteger count = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "benign-dense-" + number + "-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            this.pool = Executors.newFixedThreadPool(threads - 1, factory);
        }
    }

    /** Number of threads (parts). */
    public int threads() {
        return threads;
    }

    /** Parallel {@link NetworkOps#preActivationsT(double[], double[][], double[][])}: split over hidden units. */
    public void preActivationsT(double[] w, double[][] xt, double[][] zt) {
        int m = zt.length;
        run(m, t -> NetworkOps.preActivationsT(w, xt, zt, bound(m, t), bound(m, t + 1)));
    }

    /**
     * Parallel {@link NetworkOps#preActivations(double[][], double[][], double[][], int, int)} on rows
     * [0, rows): split over rows.
     */
    public void preActivations(double[][] x, double[][] wt, double[][] z, int rows) {
        run(rows, t -> NetworkOps.preActivations(x, wt, z, bound(rows, t), bound(rows, t + 1)));
    }

    /**
     * Parallel {@link NetworkOps#gradient(double[], double[][], double[][], double[])}: split over the
     * columns (coordinates k of the inputs).
     */
    public void gradient(double[] ct, double[][] x, double[][] rows, double[] grad) {
        int p = rows.length == 0 ? 0 : rows[0].length;
        run(p, t -> NetworkOps.gradient(ct, x, rows, grad, bound(p, t), bound(p, t + 1)));
    }

    /**
     * Parallel {@link NetworkOps#multiply(double[], int, double[][], double[][], int, int, int, int)} on rows
     * [0, rows) and columns [0, cols): C = A B with A flat row-major (stride {@code aStride}); split over rows.
     */
    public void multiply(double[] a, int aStride, double[][] b, double[][] c, int rows, int cols) {
        run(rows, t -> NetworkOps.multiply(a, aStride, b, c, bound(rows, t), bound(rows, t + 1), 0, cols));
    }

    /**
     * Parallel {@link NetworkOps#multiply(double[][], double[][], double[][], int, int, int, int)} on rows
     * [0, rows) and columns [0, cols): C = A B with A given as rows; split over rows.
     */
    public void multiply(double[][] a, double[][] b, double[][] c, int rows, int cols) {
        run(rows, t -> NetworkOps.multiply(a, b, c, bound(rows, t), bound(rows, t + 1), 0, cols));
    }

    /**
     * Fewest entries of Z (m·n) for which {@link #outputsT} and {@link #gradientCoefficients} split the points over
     * the threads; below it (e.g. n = 100, m = 200) handing the work to another thread costs more than it saves.
     * Either way the numbers are the same.
     */
    static final long PARALLEL_ENTRIES = 1L << 15;

    /**
     * {@link NetworkOps#outputsT(double[][], double[], Activation, double[], double[])} on Z^T flat (m x n, row j at
     * j·n, n = f.length), split over the points (each f_i summed over j in increasing order, as serially); serial
     * below {@link #PARALLEL_ENTRIES}. The same numbers either way.
     */
    public void outputsT(double[] zt, double[] a, Activation phi, double[] f, double[] values) {
        int n = f.length;
        NetworkOps.checkLength("outputsT: zt", zt.length, (long) a.length * n);
        NetworkOps.checkLength("outputsT: work", Math.min(values.length, n), n);
        if ((long) a.length * n < PARALLEL_ENTRIES) {
            NetworkOps.outputsT(zt, a, phi, f, values, 0, n);
            return;
        }
        run(n, new IntConsumer() { // a class, not a lambda: no bootstrap in a cold run (see the class comment)
            @Override
            public void accept(int t) {
                NetworkOps.outputsT(zt, a, phi, f, values, bound(n, t), bound(n, t + 1));
            }
        });
    }

    /**
     * {@link NetworkOps#gradientCoefficients(double[][], double[], double[], double[], Loss, Activation, double[],
     * double[], double[])} on Z^T flat (m x n, row j at j·n, n = y.length), split over the points (columns of C);
     * serial below {@link #PARALLEL_ENTRIES}. The same numbers either way.
     */
    public void gradientCoefficients(double[] zt, double[] a, double[] y, double[] f, Loss loss, Activation phi,
                                     double[] rowScale, double[] ct, double[] derivatives) {
        int n = y.length;
        NetworkOps.checkLength("gradientCoefficients: zt", zt.length, (long) a.length * n);
        NetworkOps.checkLength("gradientCoefficients: f", f.length, n);
        NetworkOps.checkLength("gradientCoefficients: rowScale", rowScale.length, n);
        NetworkOps.checkLength("gradientCoefficients: ct", ct.length, (long) a.length * n);
        NetworkOps.checkLength("gradientCoefficients: work", Math.min(derivatives.length, n), n);
        if ((long) a.length * n < PARALLEL_ENTRIES) {
            NetworkOps.gradientCoefficients(zt, a, y, f, loss, phi, rowScale, ct, derivatives, 0, n);
            return;
        }
        run(n, new IntConsumer() {
            @Override
            public void accept(int t) {
                NetworkOps.gradientCoefficients(zt, a, y, f, loss, phi, rowScale, ct, derivatives, bound(n, t),
                        bound(n, t + 1));
            }
        });
    }

    /**
     * Parallel {@link NetworkOps#outputs(double[][], int, double[], Activation, double[])} (the test outputs): split
     * over the rows, each summed over j in increasing order as serially; serial below {@link #PARALLEL_ENTRIES}.
     */
    public void outputs(double[][] z, int rows, double[] a, Activation phi, double[] f) {
        if ((long) a.length * rows < PARALLEL_ENTRIES) {
            NetworkOps.outputs(z, rows, a, phi, f);
            return;
        }
        run(rows, new IntConsumer() {
            @Override
            public void accept(int t) {
                NetworkOps.outputs(z, bound(rows, t), bound(rows, t + 1), a, phi, f);
            }
        });
    }

    /** Parallel {@link NetworkOps#transpose(double[], int, int, double[][])}: split over rows of W^T. */
    public void transpose(double[] w, int m, int p, double[][] wt) {
        run(p, t -> NetworkOps.transpose(w, m, p, wt, bound(p, t), bound(p, t + 1)));
    }

    /**
     * Runs {@code body} for every block index in [0, blocks), the blocks spread over the threads on demand
     * (whichever thread is free takes the next block). For work whose blocks are fixed by the sizes alone
     * (the native BLAS products of {@link NativeBlas}): which thread computes a block never changes its
     * numbers, so the result is the same for every thread count and timing.
     */
    public void forEachBlock(int blocks, IntConsumer body) {
        if (pool == null || blocks < 2) {
            for (int b = 0; b < blocks; b++) {
                body.accept(b);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        run(blocks, new IntConsumer() {
            @Override
            public void accept(int t) {
                for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                    body.accept(b);
                }
            }
        });
    }

    /** Start of part t of a range of {@code length} split into {@code threads} parts. */
    int bound(int length, int t) {
        return (int) ((long) length * t / threads);
    }

    private void run(int length, IntConsumer part) {
        if (pool == null || length < 2) {
            for (int t = 0; t < threads; t++) {
                part.accept(t);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>(threads - 1);
        for (int t = 1; t < threads; t++) {
            int index = t;
            futures.add(pool.submit(new Runnable() {
                @Override
                public void run() {
                    part.accept(index);
                }
            }));
        }
        Throwable failure = null;
        try {
            part.accept(0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> f : futures) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // wait for the part anyway: the buffers are still in use
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrow(failure);
    }

    /**
     * Throws what a worker threw, if anything: a runtime exception or error as it is, a checked exception
     * wrapped in an {@link IllegalStateException}.
     */
    static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** Stops the pool's threads. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
