package org.benignlab.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.benignlab.api.results.AtomicFiles;

/**
 * The paper's claims (MODEL.md, "Claims to check empirically"), each checked on the results folder of
 * its experiment in {@code examples/paper/} by a stated rule that can fail, beside a negative control
 * whose failure the rule must detect, and the claims report (claims.md, claims.html, claims.csv).
 *
 * <p>Every claim follows the same principles: it is checked where it has content (at the end of
 * training, or along the whole trajectory); a constant the paper leaves free is reported as the smallest
 * value consistent with the measurements (C_min, from an upper confidence bound) and must not drift along
 * a swept axis; an explicit constant is compared as stated; statistics are computed within each
 * repetition and then summarised across repetitions (Holm over axes where a rule must hold on each); the
 * fraction of repetitions (or runs) that satisfy the claim is reported with its Clopper-Pearson interval.
 * A claim the rule supports is "inconclusive" instead when its control does not come out "not supported"
 * (the rule did not show it can fail); a claim the rule does not support stays "not supported" whatever
 * its control says (the rule has already failed, which is what the control is there to show possible).
 */
public final class Claims {
    private Claims() {
    }

    /** How a claim fared. */
    public enum Verdict {
        SUPPORTED("supported"), NOT_SUPPORTED("not supported"), INCONCLUSIVE("inconclusive");

        private final String word;

        Verdict(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * One claim.
     *
     * @param id               short name; its experiment is {@code examples/paper/<id>.yaml}
     * @param source           where the paper states it
     * @param statement        what the paper states
     * @param rule             how the verdict is decided from the measurements, with every chosen constant
     * @param failsIf          what measurements would have made it "not supported"
     * @param control          the negative control: where the conclusion provably fails
     * @param controlOverrides {@code --set} overrides that turn the claim's experiment into its control
     *                         (applied after every other override); empty when the control is computed from
     *                         the claim's own results (a fit on the wrong variable)
     * @param quick            {@code --set} overrides for {@code reproduce --quick} (a smaller sweep)
     */
    public record Claim(String id, String source, String statement, String rule, String failsIf, String control,
                        List<String> controlOverrides, List<String> quick) {
        public Claim {
            controlOverrides = List.copyOf(controlOverrides);
            quick = List.copyOf(quick);
        }

        /** Whether the control is a run of its own (else it is computed from the claim's results). */
        public boolean controlRuns() {
            return !controlOverrides.isEmpty();
        }
    }

    /**
     * A claim checked.
     *
     * @param claim           the claim
     * @param verdict         the verdict, after the control (inconclusive when the control did not fail)
     * @param measured        what was measured, in words and numbers
     * @param why             the rule applied to these numbers
     * @param controlVerdict  the rule's verdict on the control (it must be "not supported")
     * @param controlMeasured what the control measured
     * @param satisfied       repetitions (or runs) that satisfied the claim
     * @param trials          repetitions (or runs) that decided it
     * @param ciLow           low end of the 95% Clopper-Pearson interval of satisfied / trials (NaN without trials)
     * @param ciHigh          high end of it
     */
    public record Finding(Claim claim, Verdict verdict, String measured, String why, Verdict controlVerdict,
                          String controlMeasured, int satisfied, int trials, double ciLow, double ciHigh) {
        /** satisfied / trials, NaN without trials. */
        public double fractionSatisfied() {
            return trials == 0 ? Double.NaN : (double) satisfied / trials;
        }
    }

    /** The rule's answer on one results folder. */
    record Outcome(Verdict verdict, String measured, String why, ClaimStats.Fraction fraction) {
        static Outcome nothing(String what) {
            return new Outcome(Verdict.INCONCLUSIVE, what, "nothing to judge", ClaimStats.Fraction.of(0, 0));
        }
    }

    /** A claim's rule, on its results and on its control. */
    interface Check {
        /** The rule on the claim's own results. */
        Outcome main(Experiment e) throws IOException;

        /**
         * The rule on the control: the control's results when it runs ({@link Claim#controlRuns()}), else
         * null and the control is computed from {@code main}.
         */
        Outcome control(Experiment main, Experiment control) throws IOException;
    }

    /** Every claim, in report order. */
    public static final List<Claim> ALL = List.of(TestErrorClaim.CLAIM, LossToEpsilonClaim.CLAIM, JinClaim.CLAIM,
            LossRatioClaim.CLAIM, GradientClaim.CLAIM, MarginClaim.CLAIM);

    private static final Map<String, Check> CHECKS = Map.of(TestErrorClaim.CLAIM.id(), new TestErrorClaim(),
            LossToEpsilonClaim.CLAIM.id(), new LossToEpsilonClaim(), JinClaim.CLAIM.id(), new JinClaim(),
            LossRatioClaim.CLAIM.id(), new LossRatioClaim(), GradientClaim.CLAIM.id(), new GradientClaim(),
            MarginClaim.CLAIM.id(), new MarginClaim());

    /** The claim with this id, or null. */
    public static Claim byId(String id) {
        return ALL.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * Checks {@code claim} on the results folder of its experiment and that of its control.
     *
     * @param controlDir the control's results folder when the control runs ({@link Claim#controlRuns()});
     *                   ignored (may be null) otherwise
     */
    public static Finding evaluate(Claim claim, Path resultsDir, Path controlDir) throws IOException {
        Check check = CHECKS.get(claim.id());
        if (check == null) {
            throw new IllegalArgumentException("unknown claim " + claim.id());
        }
        Experiment e = ResultsReader.read(resultsDir);
        Outcome main = ClaimRuns.completed(e).isEmpty() ? Outcome.nothing("no completed run") : check.main(e);
        Outcome control;
        if (claim.controlRuns()) {
            if (controlDir == null) {
                control = Outcome.nothing("the control was not run");
            } else {
                Experiment c = ResultsReader.read(controlDir);
                control = ClaimRuns.completed(c).isEmpty() ? Outcome.nothing("no completed control run")
                        : check.control(e, c);
            }
        } else {
            control = ClaimRuns.completed(e).isEmpty() ? Outcome.nothing("no completed run") : check.control(e, null);
        }
        Verdict v = main.verdict();
        String why = main.why();
        if (v == Verdict.SUPPORTED && control.verdict() != Verdict.NOT_SUPPORTED) {
            v = Verdict.INCONCLUSIVE;
            why = why + "; but the control came out \"" + control.verdict().word() + "\", not \"not supported\": "
                    + "the rule did not show it can fail, so the claim is inconclusive";
        }
        ClaimStats.Fraction f = main.fraction();
        return new Finding(claim, v, main.measured() + "; satisfied by " + f.show(), why, control.verdict(),
                control.measured(), f.satisfied(), f.trials(), f.ci() == null ? Double.NaN : f.ci().low(),
                f.ci() == null ? Double.NaN : f.ci().high());
    }

    /**
     * Writes {@code claims.md}, {@code claims.html} and {@code claims.csv} into {@code dir}.
     *
     * @param mode "quick" or "full", said in the report
     */
    public static List<Path> write(List<Finding> findings, Path dir, String mode) throws IOException {
        Files.createDirectories(dir);
        Doc doc = new Doc("Benign Lab: the paper's claims, checked");
        doc.heading(1, "The paper's claims, checked (" + mode + ")");
        doc.paragraph("Frei, Chatterji, Bartlett (2022), Benign Overfitting without Linearity. Each claim is checked "
                + "on a sweep of its own (examples/paper/<claim>.yaml; each sweep's report is in its folder) by a "
                + "stated rule that can fail, and beside a negative control where the conclusion provably fails: "
                + "the rule must say \"not supported\" there, otherwise a \"supported\" claim is reported "
                + "\"inconclusive\". Statistics "
                + "are computed within each repetition and summarised across repetitions; \"satisfied by\" counts "
                + "the repetitions (or runs) that satisfy the claim, with a 95% Clopper-Pearson interval (the "
                + "theorem holds with probability at least 1 - 2δ; the interval is compared with 1/2, δ = 1/4). "
                + "A verdict is about these finite experiments, not a proof."
                + ("quick".equals(mode) ? " This is the quick run: fewer repetitions and values, so a verdict may be "
                + "\"inconclusive\" for lack of repetitions; the reason is given." : ""));
        List<List<String>> rows = new ArrayList<>();
        StringBuilder csv = new StringBuilder("claim,source,verdict,control_verdict,fraction_satisfied,"
                + "satisfied_low,satisfied_high,measured,control_measured,rule,fails_if,control,why\n");
        for (Finding fd : findings) {
            rows.add(List.of(fd.claim().id(), fd.claim().source(), fd.claim().statement(), fd.measured(),
                    fd.verdict().word(), fd.controlVerdict().word()));
            csv.append(String.join(",", List.of(fd.claim().id(), fd.claim().source(), fd.verdict().word(),
                    fd.controlVerdict().word(), Formats.csv(fd.fractionSatisfied()), Formats.csv(fd.ciLow()),
                    Formats.csv(fd.ciHigh()), fd.measured(), fd.controlMeasured(), fd.claim().rule(),
                    fd.claim().failsIf(), fd.claim().control(), fd.why()).stream().map(Claims::csvCell).toList()))
                    .append('\n');
        }
        doc.add(new Doc.Table(List.of("claim", "paper", "states", "measured", "verdict", "control"),
                new boolean[6], rows));
        for (Finding fd : findings) {
            Claim c = fd.claim();
            doc.heading(2, c.id() + " (" + c.source() + "): " + fd.verdict().word());
            bullets(doc, List.of(
                    List.of("The paper states: ", c.statement() + "."),
                    List.of("Rule: ", c.rule() + "."),
                    List.of("It would have failed if: ", c.failsIf() + "."),
                    List.of("Measured: ", fd.measured() + "."),
                    List.of("By the rule: ", fd.why() + "."),
                    List.of("Control: ", c.control() + "."),
                    List.of("Control measured: ", fd.controlMeasured() + " (verdict of the rule on it: "
                            + fd.controlVerdict().word() + ").")));
        }
        Path md = dir.resolve("claims.md");
        Path html = dir.resolve("claims.html");
        Path csvFile = dir.resolve("claims.csv");
        AtomicFiles.write(md, doc.toMarkdown());
        AtomicFiles.write(html, doc.toHtml());
        AtomicFiles.write(csvFile, csv.toString());
        return List.of(html, md, csvFile);
    }

    private static void bullets(Doc doc, List<List<String>> items) {
        List<List<Doc.Span>> out = new ArrayList<>();
        for (List<String> item : items) {
            out.add(List.of(Doc.Span.bold(item.get(0).strip()), Doc.Span.text(" " + item.get(1))));
        }
        doc.add(new Doc.Bullets(out));
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
