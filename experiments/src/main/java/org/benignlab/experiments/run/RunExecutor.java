package org.benignlab.experiments.run;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * Runs the list of runs of an experiment. The run logic (what a run computes, how its folder is
 * written) stays outside: an executor decides only where and when each run executes, so that a
 * distributed executor can be added without touching it. Every run's numbers depend only on its plan,
 * so any order and any parallelism give the same results.
 */
public interface RunExecutor {

    /** Computes one run; never throws for a failure of the run itself (that is a {@code failed} record). */
    @FunctionalInterface
    interface Work {
        RunOutput run(RunPlan plan, LongConsumer steps);
    }

    /** Told about runs as they start, progress and end; may be called from several threads at once. */
    interface Listener {
        /** A run starts. */
        void started(RunPlan plan);

        /** A run is at step t (called at every step: keep it cheap). */
        void step(RunPlan plan, long t);

        /**
         * A run ended; its record must be committed before this returns. An exception thrown here (the
         * results folder cannot be written) stops the executor, which rethrows it.
         */
        void finished(RunOutput record) throws Exception;
    }

    /** A name for messages and provenance, e.g. {@code local (2 runs at a time)}. */
    String describe();

    /**
     * Runs each plan once and returns when every one has finished.
     *
     * @throws Exception what {@link Listener#finished} threw, after the runs in flight were stopped
     */
    void execute(List<RunPlan> plans, Work work, Listener listener) throws Exception;
}
