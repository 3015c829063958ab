package org.benignlab.experiments.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.benignlab.engine.EngineChoice;
import org.benignlab.experiments.run.ExperimentRunner;
import org.benignlab.experiments.run.RunExecutor;
import org.benignlab.experiments.run.RunOutput;
import org.benignlab.experiments.run.RunPlan;
import org.benignlab.experiments.run.SweepPlanner;

/**
 * What {@code benign run} prints while it runs: a progress bar on a terminal (runs done / planned,
 * elapsed, ETA, and the current step of the runs in flight; drawn by the progressbar library on
 * stderr), or plain lines every {@code interval} when output goes to a file or a pipe, or nothing.
 */
final class ProgressOutput implements ExperimentRunner.Observer, AutoCloseable {
    /** How progress is shown. */
    enum Mode { BAR, LOG, OFF }

    private final PrintWriter out;
    private final String file;
    private final PrintStream terminal;
    private final Mode mode;
    private final Duration interval;
    private final boolean verbose;
    private final Map<String, AtomicLong> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger diverged = new AtomicInteger();
    private volatile int toRun;
    private volatile int planned;
    private volatile long maxSteps;
    private volatile long start;
    private volatile long lastLine;
    private volatile long lastUpdate;
    private volatile ProgressBar bar;
    private volatile boolean single;

    /**
     * @param out      where lines go
     * @param terminal where the bar is drawn (stderr)
     * @param verbose  print a line per run start (single runs), the plan line and the assumptions note
     * @param file     the experiment file, for the assumptions note
     */
    ProgressOutput(PrintWriter out, PrintStream terminal, Mode mode, Duration interval, boolean verbose, String file) {
        this.out = out;
        this.file = file;
        this.terminal = terminal;
        this.mode = mode;
        this.interval = interval;
        this.verbose = verbose;
    }

    @Override
    public void planned(SweepPlanner.Planned p, Path dir, int runs, int toRun, RunExecutor executor,
                        int threadsPerRun) {
        this.planned = runs;
        this.toRun = toRun;
        this.single = p.runs().size() == 1;
        this.start = System.nanoTime();
        this.lastLine = start;
        if (verbose) {
            String note = AssumptionTable.warning(p, file, 1.0, 0.01);
            if (note != null) {
                line(note);
            }
        }
        if (verbose && !single) {
            int all = p.runs().size();
            int configs = all / p.sweep().repetitions();
            line(String.format(Locale.ROOT, "sweep %s: %d run%s planned (%d configuration%s x %d repetition%s)%s, "
                            + "%d finished earlier, %d to run; %s, %d thread%s per run; results in %s",
                    p.name(), all, s(all), configs, s(configs), p.sweep().repetitions(),
                    s(p.sweep().repetitions()), runs == all ? "" : ", " + runs + " in this shard", runs - toRun, toRun,
                    executor.describe(), threadsPerRun, s(threadsPerRun), dir));
        }
        if (mode == Mode.BAR && toRun > 0) {
            bar = new ProgressBarBuilder()
                    .setTaskName(single ? "run" : "runs")
                    .setInitialMax(planned)
                    .startsFrom(planned - toRun, Duration.ZERO)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(terminal))
                    .build();
        }
    }

    @Override
    public void note(String text) {
        if (verbose) {
            line("note: " + text);
        }
    }

    @Override
    public void engine(RunPlan plan, EngineChoice engine) {
        maxSteps = plan.spec().training().steps();
        if (verbose && single) {
            line(String.format(Locale.ROOT, "running %s (run %s, engine %s: %s)", plan.spec().name(), plan.key(),
                    engine.name(), engine.reason()));
        }
    }

    @Override
    public void started(RunPlan plan) {
        inFlight.put(plan.key(), new AtomicLong());
    }

    @Override
    public void step(RunPlan plan, long t) {
        AtomicLong a = inFlight.get(plan.key());
        if (a != null) {
            a.lazySet(t);
        }
        long now = System.nanoTime();
        if (now - lastUpdate < 200_000_000L) {
            return; // called at every step: most calls stop here
        }
        lastUpdate = now;
        ProgressBar b = bar;
        if (b != null) {
            b.setExtraMessage(inFlightMessage());
        } else if (mode == Mode.LOG && now - lastLine > interval.toNanos()) {
            progressLine();
        }
    }

    @Override
    public void finished(RunOutput record) {
        inFlight.remove(record.plan().key());
        done.incrementAndGet();
        switch (record.status()) {
            case "failed" -> failed.incrementAndGet();
            case "diverged" -> diverged.incrementAndGet();
            default -> { }
        }
        ProgressBar b = bar;
        if (b != null) {
            b.step();
            b.setExtraMessage(inFlightMessage());
        }
        if ("failed".equals(record.status())) {
            line(String.format(Locale.ROOT, "run %s failed: %s", record.plan().key(), record.summary().get("message")));
        }
        if (mode == Mode.LOG && (System.nanoTime() - lastLine > interval.toNanos())) {
            progressLine();
        }
    }

    private synchronized void progressLine() {
        long now = System.nanoTime();
        if (now - lastLine <= interval.toNanos() / 2) {
            return;
        }
        lastLine = now;
        int d = done.get();
        Duration elapsed = Duration.ofNanos(now - start);
        String eta = d == 0 ? "?" : clock(elapsed.multipliedBy(toRun - d).dividedBy(d));
        String running = inFlightMessage();
        line(String.format(Locale.ROOT, "progress: %d/%d runs done (%d earlier, %d diverged, %d failed), elapsed %s, "
                        + "ETA %s%s", planned - toRun + d, planned, planned - toRun, diverged.get(), failed.get(),
                clock(elapsed), eta, running.isEmpty() ? "" : "; " + running));
    }

    private String inFlightMessage() {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (Map.Entry<String, AtomicLong> e : inFlight.entrySet()) {
            if (shown++ == 3) {
                sb.append(", ...");
                break;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append(" step ").append(e.getValue().get()).append('/').append(maxSteps);
        }
        return sb.toString();
    }

    private synchronized void line(String s) {
        out.println(s);
        out.flush();
    }

    static String clock(Duration d) {
        long sec = d.toSeconds();
        return sec >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", sec / 3600, sec / 60 % 60, sec % 60)
                : String.format(Locale.ROOT, "%dm%02ds", sec / 60, sec % 60);
    }

    private static String s(long n) {
        return n == 1 ? "" : "s";
    }

    @Override
    public void close() {
        ProgressBar b = bar;
        if (b != null) {
            b.close();
            bar = null;
        }
    }
}
