package org.benignlab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The span engine's setup products on its {@link Products} backend, computed while the rows they need are still being drawn:
 * the needed blocks of S = V V^T for V = [X; W0; T] ((n+m+t) x p, flat row-major; T: test points whose
 * projections X x and W0 x are wanted, t &gt;= 0 rows), in pieces fixed by the sizes alone.
 *
 * <p><b>Pieces.</b> The rows of V are cut into groups: X's n rows into {@link NativeBlas#groups}(n) groups, W0's m
 * rows into {@link NativeBlas#groups}(m) groups and T's t rows into {@link NativeBlas#groups}(t) groups (none when
 * t = 0). For a group I of X or W0, piece (I, J), J &lt;= I, is the block of S with group I's rows and group J's
 * columns, one call of {@link Products#gramPiece} (on the native BLAS one dgemm for J &lt; I, one dsyrk on the
 * diagonal); computed are every piece whose J is a group of X (K = X X^T, Z0^T = W0 X^T) and, with the spectral
 * norm, those of W0 against W0 (G0 = W0 W0^T). A group of T has pieces against columns 0 .. n+m-1 cut into
 * {@link NativeBlas#groups}(n + m) groups of their own (T X^T and T W0^T together, one dgemm each): T's pieces are
 * the last to become computable, and equal pieces across the border of X and W0 split that tail evenly over the
 * threads (n = 100, m = 200: two pieces of 150 columns rather than three of 100, one of which waited for a free
 * thread). T T^T is never computed.
 *
 * <p><b>Overlap.</b> The caller draws the rows of V in order and says how many are ready ({@link #rowsReady});
 * with two or more threads, {@code threads - 1} workers of its own compute each piece as soon as its rows are
 * ready, while the caller goes on drawing; {@link #finish} makes the caller take the pieces left too and waits for
 * all. With one thread {@link #finish} computes every piece on the caller. Either way every piece is the same BLAS
 * call on the same numbers, so S is the same bits for every thread count.
 *
 * <p>One use: {@link #rowsReady} calls with a growing count, then {@link #finish} once; {@link #close} (always,
 * e.g. in a finally block) stops the workers if drawing failed half way.
 */
final class GramPipeline implements AutoCloseable {
    private final double[] v;
    private final Products products;
    private final int rows;
    private final int cols;
    private final int p;
    private final double[] s;
    /** The pieces, ordered by the row at which they become computable: {rowFrom, rowTo, colFrom, colTo}. */
    private final int[][] pieces;
    /** The row count from which piece q can be computed (the end of its row group). */
    private final int[] needs;
    private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();
    private final Object lock = new Object();
    private int ready;
    private boolean stopped;
    private Throwable failure;

    /**
     * @param v        V = [X; W0; T], flat row-major (n+m+t) x p, filled row by row by the caller
     * @param n        rows of X (the first rows of V)
     * @param m        rows of W0
     * @param t        rows of T (the last rows of V), &gt;= 0
     * @param p        columns
     * @param spectral whether G0 = W0 W0^T is needed
     * @param threads  threads the engine may use (&gt;= 1): {@code threads - 1} workers
     * @param products computes the pieces ({@link Products#gramPiece})
     */
    GramPipeline(double[] v, int n, int m, int t, int p, boolean spectral, int threads, Products products) {
        this.v = v;
        this.products = products;
        this.rows = n + m + t;
        this.cols = spectral || t > 0 ? n + m : n;
        this.p = p;
        this.s = new double[Math.multiplyExact(rows, cols)];
        int gx = NativeBlas.groups(n);
        int gw = NativeBlas.groups(m);
        int gt = t > 0 ? NativeBlas.groups(t) : 0;
        int[] bounds = new int[gx + gw + gt + 1];
        for (int g = 0; g <= gx; g++) {
            bounds[g] = NativeBlas.bound(n, gx, g);
        }
        for (int g = 1; g <= gw; g++) {
            bounds[gx + g] = n + NativeBlas.bound(m, gw, g);
        }
        for (int g = 1; g <= gt; g++) {
            bounds[gx + gw + g] = n + m + NativeBlas.bound(t, gt, g);
        }
        List<int[]> plan = new ArrayList<>();
        for (int i = 0; i < gx + gw; i++) {
            // the columns group i needs: X's always, and W0's for W0's own rows with the spectral norm
            int last = spectral ? i : Math.min(i, gx - 1);
            for (int j = 0; j <= last; j++) { // the dgemm pieces of a row group before its dsyrk
                if (j != i) {
                    plan.add(new int[] {bounds[i], bounds[i + 1], bounds[j], bounds[j + 1]});
                }
            }
            if (last == i) {
                plan.add(new int[] {bounds[i], bounds[i + 1], bounds[i], bounds[i + 1]});
            }
        }
        // T's rows against all of X and W0: columns 0 .. n+m-1 cut into groups of their own, not at the border
        // of X and W0, so that the last pieces, computed after the last row is drawn, are few and equal
        int gc = gt > 0 ? NativeBlas.groups(n + m) : 0;
        for (int i = gx + gw; i < gx + gw + gt; i++) {
            for (int j = 0; j < gc; j++) {
                plan.add(new int[] {bounds[i], bounds[i + 1], NativeBlas.bound(n + m, gc, j),
                    NativeBlas.bound(n + m, gc, j + 1)});
            }
        }
        this.pieces = plan.toArray(new int[0][]);
        this.needs = new int[pieces.length];
        for (int q = 0; q < pieces.length; q++) {
            needs[q] = pieces[q][1];
        }
        for (int w = 1; w < threads; w++) {
            Thread worker = new Thread(this::work, "benign-span-setup-" + w);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
    }

    /** Rows 0 .. count-1 of V are written (count never decreases). */
    void rowsReady(int count) {
        synchronized (lock) {
            ready = count;
            lock.notifyAll();
        }
    }

    /** The length of the rows of {@link #finish()}'s S: n + m with the spectral norm or test rows, else n. */
    int columns() {
        return cols;
    }

    /**
     * Computes the pieces left on the calling thread too, waits for the workers and returns S, row-major with rows
     * of length {@link #columns()}: its lower triangle holds the pieces (K, Z0^T, T X^T and T W0^T in rows n + m on,
     * and, with the spectral norm, G0), the rest is 0.
     *
     * @throws RuntimeException or Error: what a worker threw
     */
    double[] finish() {
        rowsReady(rows);
        take();
        boolean interrupted = false;
        for (Thread t : workers) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true; // wait anyway: the workers write into s
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            ParallelNetworkOps.rethrow(failure);
        }
        return s;
    }

    /** Stops the workers (after {@link #finish} they have ended already). */
    @Override
    public void close() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
    }

    private void work() {
        try {
            take();
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                if (failure == null) {
                    failure = e;
                }
                stopped = true;
                lock.notifyAll();
            }
        }
    }

    /**
     * Takes pieces in order until none is left, waiting for each piece's rows; returns early only when
     * {@link #close} stopped the pipeline before its rows came (then S is not used).
     */
    private void take() {
        boolean interrupted = false;
        try {
            for (int q = next.getAndIncrement(); q < pieces.length; q = next.getAndIncrement()) {
                synchronized (lock) {
                    while (ready < needs[q] && !stopped) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // keep waiting: a piece taken must be computed
                        }
                    }
                    if (ready < needs[q]) {
                        return;
                    }
                }
                int[] piece = pieces[q];
                products.gramPiece(v, s, cols, p, piece[0], piece[1], piece[2], piece[3]);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
