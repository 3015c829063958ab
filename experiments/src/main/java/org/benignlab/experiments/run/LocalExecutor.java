package org.benignlab.experiments.run;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

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

    @Override
    public void execute(List<RunPlan> plans, Work work, Listener listener) throws Exception {
        if (plans.isEmpty()) {
            return;
        }
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "benign-run-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, plans.size()), factory);
        try {
            ExecutorCompletionService<Void> done = new ExecutorCompletionService<>(pool);
            for (RunPlan plan : plans) {
                done.submit(() -> {
                    listener.started(plan);
                    RunRecord record = work.run(plan, t -> listener.step(plan, t));
                    listener.finished(record);
                    return null;
                });
            }
            for (int i = 0; i < plans.size(); i++) {
                Future<Void> f = done.take();
                try {
                    f.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
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
}
