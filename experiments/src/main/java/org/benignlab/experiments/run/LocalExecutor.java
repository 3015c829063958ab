package org.benignlab.experiments.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/** Runs on this machine, {@code parallel} runs at a time, each on a thread of its own. */
public final class LocalExecutor implements RunExecutor {
    private final int parallel;

    /** {@code --executor local} (the default). */
    public static final class Provider implements RunExecutorProvider {
        public static final String NAME = "local";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "runs on this machine, up to --threads runs at a time (the default)";
        }

        @Override
        public RunExecutor create(Context context) {
            if (!context.options().isEmpty()) {
                throw new org.benignlab.experiments.spec.InputException("--executor local: takes no options, got "
                        + String.join(", ", context.options().keySet()));
            }
            return new LocalExecutor(context.threads());
        }
    }

    public LocalExecutor(int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be >= 1, got " + parallel);
        }
        this.parallel = parallel;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "local (%d run%s at a time)", parallel, parallel == 1 ? "" : "s");
    }

    /** How often the waiting thread looks for a worker that died without reporting (milliseconds). */
    private static final long CHECK_MILLIS = 200;

    /**
     * Runs every plan and returns when all are committed, or throws the first failure of a task (the
     * other tasks are then interrupted). A worker that dies from an error thrown outside its task's
     * bookkeeping (an {@link OutOfMemoryError} while reporting, say) is noticed too: its uncaught error is
     * recorded without allocating, and the waiting thread looks at every task's future at least every
     * {@value #CHECK_MILLIS} ms, so the process never waits for a report that cannot come.
     */
    @Override
    public void execute(List<RunPlan> plans, Work work, Listener listener) throws Exception {
        if (plans.isEmpty()) {
            return;
        }
        AtomicInteger count = new AtomicInteger();
        AtomicReference<Throwable> died = new AtomicReference<>();
        Thread waiting = Thread.currentThread();
        Thread.UncaughtExceptionHandler onDeath = (thread, error) -> {
            died.compareAndSet(null, error); // allocates nothing: works when the heap is exhausted
            LockSupport.unpark(waiting);
        };
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "benign-run-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler(onDeath);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, plans.size()), factory);
        try {
            ExecutorCompletionService<Void> done = new ExecutorCompletionService<>(pool);
            List<Future<Void>> futures = new ArrayList<>(plans.size());
            for (RunPlan plan : plans) {
                futures.add(done.submit(() -> {
                    listener.started(plan);
                    RunOutput record = work.run(plan, t -> listener.step(plan, t));
                    listener.finished(record);
                    return null;
                }));
            }
            Set<Future<Void>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            while (seen.size() < futures.size()) {
                Future<Void> f = done.poll(CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (f == null) {
                    // a future may be done without having reached the queue (its report failed): look at each
                    f = futures.stream().filter(x -> x.isDone() && !seen.contains(x)).findFirst().orElse(null);
                }
                if (f == null) {
                    Throwable error = died.get();
                    if (error != null) {
                        throw new WorkerDiedException(error);
                    }
                    continue;
                }
                if (!seen.add(f)) {
                    continue; // taken from the queue after the scan had found it
                }
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Exception ex) {
                        throw ex;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A worker thread died from an error outside its task; the error is the cause. */
    static final class WorkerDiedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkerDiedException(Throwable cause) {
            super("a run's thread died: " + cause, cause);
        }
    }
}
