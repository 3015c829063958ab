package org.benignlab.experiments.cli;

import java.io.PrintWriter;
import org.benignlab.api.InvalidSpecException;
import org.benignlab.experiments.run.Provenance;
import org.benignlab.experiments.spec.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code benign} command. Exit codes: 0 success, 1 failure while running, 2 invalid input
 * (one line on stderr naming the argument or YAML path, the value and what is allowed).
 */
@Command(name = "benign", mixinStandardHelpOptions = true, versionProvider = BenignCli.Version.class,
        description = "Benign Lab: experiments on benign overfitting in two-layer networks "
                + "(Frei, Chatterji, Bartlett 2022).",
        subcommands = {RunCommand.class, CheckCommand.class, ReproduceCommand.class, ReportCommand.class, MergeCommand.class,
            PluginsCommand.class,
            CommandLine.HelpCommand.class})
public final class BenignCli implements Runnable {
    /** Exit code for bad input. */
    public static final int INVALID_INPUT = 2;
    /** Exit code for a failure while running. */
    public static final int FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, check, reproduce, report, merge, plugins or help");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // the report's figures are drawn off-screen
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = FAILURE;
        try {
            code = execute(args, out, err);
        } catch (OutOfMemoryError e) {
            reportOutOfMemory(err, e); // the heap ran out while the failure was being reported
        } catch (RuntimeException | Error e) {
            err.println(oneLine("benign: failed while running: " + describe(e)));
            err.flush();
        } finally {
            // also after an error that escaped everything (the heap exhausted while reporting): the process
            // ends rather than waiting for threads that may never finish
            System.exit(code);
        }
    }

    /** Runs the command line with the given streams; returns the exit code (for tests and main). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new BenignCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(oneLine("benign: " + ex.getMessage() + " (see 'benign " + commandPath(ex.getCommandLine())
                    + "--help')"));
            err.flush();
            return INVALID_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable input = inputCause(ex);
            if (input != null) {
                err.println(oneLine("benign: " + input.getMessage()));
                err.flush();
                return INVALID_INPUT;
            }
            OutOfMemoryError oom = outOfMemory(ex);
            if (oom != null) {
                reportOutOfMemory(err, oom);
                return FAILURE;
            }
            err.println(oneLine("benign: failed while running: " + describe(ex)));
            if (System.getenv("BENIGN_DEBUG") != null) {
                ex.printStackTrace(err);
            } else {
                err.println("(set BENIGN_DEBUG=1 for the stack trace)");
            }
            err.flush();
            return FAILURE;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            code = FAILURE;
            reportOutOfMemory(err, e);
        }
        out.flush();
        err.flush();
        return code;
    }

    /** Longest message line, in characters; a longer one keeps its start and its end. */
    static final int LINE_LIMIT = 600;

    /**
     * A message as one line of text whatever it quotes: line breaks and other control characters
     * written as escapes (nothing reaches the terminal but text), and at most {@link #LINE_LIMIT}
     * characters (the start and the end kept, the middle elided). Values are bounded where they are
     * quoted ({@link org.benignlab.api.Specs#echo}); this holds the promise for any message.
     */
    static String oneLine(String message) {
        StringBuilder sb = new StringBuilder();
        for (String part : message.strip().split("\\R", -1)) {
            if (sb.length() > 0) {
                sb.append("\\n");
            }
            sb.append(org.benignlab.api.Specs.escape(part));
        }
        if (sb.length() <= LINE_LIMIT) {
            return sb.toString();
        }
        int tail = LINE_LIMIT / 4;
        return sb.substring(0, LINE_LIMIT - tail - 5) + " ... " + sb.substring(sb.length() - tail);
    }

    /** The out-of-memory error behind a failure (a worker thread's, for instance), if there is one. */
    private static OutOfMemoryError outOfMemory(Throwable ex) {
        for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return oom;
            }
        }
        return null;
    }

    /** The out-of-memory message, a constant: it can be printed when nothing more can be allocated. */
    private static final String OUT_OF_MEMORY = "benign: failed while running: out of memory; give the JVM more "
            + "heap with JAVA_OPTS=-Xmx<size>, run fewer runs at a time with --threads, or choose training.engine "
            + "span or sketch, whose memory does not grow with p x test (see engine/README.md)";

    private static void reportOutOfMemory(PrintWriter err, OutOfMemoryError e) {
        String line;
        try {
            line = OUT_OF_MEMORY.replace("out of memory;", "out of memory (" + e.getMessage() + ");");
        } catch (OutOfMemoryError again) {
            line = OUT_OF_MEMORY; // no room to compose the detail: the constant line
        }
        try {
            err.println(line);
            err.flush();
        } catch (OutOfMemoryError again) {
            // nothing more can be said; the exit code still says it failed
        }
    }

    private static String commandPath(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine c = cl; c != null && c.getParent() != null; c = c.getParent()) {
            sb.insert(0, c.getCommandName() + " ");
        }
        return sb.toString();
    }

    /** The bad-input exception behind a failure, if there is one (Guice wraps what providers throw). */
    static Throwable inputCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof InputException || t instanceof InvalidSpecException
                    || t instanceof org.benignlab.reports.ReportInputException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String describe(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg.strip().split("\\R", 2)[0]);
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"benign " + Provenance.version() + " (git " + Provenance.gitCommit() + ")"};
        }
    }
}
