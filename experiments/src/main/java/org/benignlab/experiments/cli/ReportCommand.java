package org.benignlab.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.benignlab.reports.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code benign report RESULTS_DIR}: the report of a results folder, from its files alone. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes RESULTS_DIR/report/: report.html (self-contained), report.md, summary.csv and every "
                + "figure as PNG and SVG, from the result files alone.")
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "A results folder of 'benign run'.")
    Path dir;

    @Option(names = "--bound-c", paramLabel = "C", defaultValue = "1",
            description = "The constant C of the Theorem 3.1 bound eta + 2 exp(-n ||mu||^4 / (C p)). Default: ${DEFAULT-VALUE}.")
    double boundC;

    @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "0.02",
            description = "The verdicts' fixed equivalence margin around the noise rate: 'benign' needs the 95% interval "
                    + "of the test error within eta +- TOL. Default: ${DEFAULT-VALUE}.")
    double tolerance;

    @Option(names = "--min-repetitions", paramLabel = "K", defaultValue = "3",
            description = "Fewest completed repetitions for a verdict against the noise rate (at least 2); below it "
                    + "the verdict is 'undetermined (k repetitions)'. Default: ${DEFAULT-VALUE}.")
    int minRepetitions;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        ReportWriter.Options options = options(spec.commandLine(), boundC, tolerance);
        try {
            options = options.withMinRepetitions(minRepetitions);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--min-repetitions: must be at least 2, got "
                    + minRepetitions);
        }
        write(w, dir, options);
        return 0;
    }

    static ReportWriter.Options options(CommandLine cl, double boundC, double tolerance) {
        try {
            return ReportWriter.Options.defaults().withBoundC(boundC).withTolerance(tolerance);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    /** Writes the report and prints where it is. */
    static void write(PrintWriter w, Path dir, ReportWriter.Options options) {
        try {
            ReportWriter.Report r = ReportWriter.write(dir, options);
            for (String warning : r.warnings()) {
                w.printf(Locale.ROOT, "report: %s%n", warning);
            }
            w.printf(Locale.ROOT, "report: %s (%d figures; also %s and %s)%n", r.html(), r.figures().size() / 2,
                    r.markdown().getFileName(), r.summaryCsv().getFileName());
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
