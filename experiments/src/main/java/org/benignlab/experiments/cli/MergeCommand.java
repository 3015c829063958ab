package org.benignlab.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.benignlab.experiments.results.ResultMerger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code benign merge DIR... --out OUT}: combines results folders of one experiment. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combines results folders of one experiment (shards of a job array, partial runs) into one: "
                + "one folder per run, the manifest and runs.csv; says which planned runs are missing. Exit code 1 "
                + "when a run finished in two folders with different files (the first is kept).")
final class MergeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Results folders to merge.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "OUT",
            description = "The merged folder: new, or a folder of the same experiment (it may be one of the DIRs).")
    Path out;

    @Override
    public Integer call() {
        RunCommand.requireNamedFolder(spec.commandLine(), "--out", out);
        ResultMerger.Result r = ResultMerger.merge(dirs, out);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "merged %d folder%s into %s: %d of %d planned runs finished (%d copied)%n", dirs.size(),
                dirs.size() == 1 ? "" : "s", out, r.finished(), r.planned(), r.copied());
        PrintWriter err = spec.commandLine().getErr();
        for (String c : r.conflicts()) {
            err.printf(Locale.ROOT, "benign: run %s: finished differently in two folders; kept the first%n", c);
        }
        err.flush();
        if (!r.missing().isEmpty()) {
            List<String> shown = r.missing().subList(0, Math.min(10, r.missing().size()));
            w.printf(Locale.ROOT, "missing: %d run%s not finished in any folder (%s%s); run the experiment with --out %s "
                            + "to complete them%n", r.missing().size(), r.missing().size() == 1 ? "" : "s",
                    String.join(", ", shown), r.missing().size() > shown.size() ? ", ..." : "", out);
        }
        w.flush();
        // a run that finished differently in two folders is a conflict the user must look at
        return r.conflicts().isEmpty() ? 0 : BenignCli.FAILURE;
    }
}
