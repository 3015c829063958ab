package org.benignlab.reports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shape of a claim decided run by run (Lemma 4.9, Lemma 4.12, Theorem 3.1 (1)): each completed run
 * satisfies the statement, violates it, or cannot decide it (with the reason); the verdict is that of
 * the fraction of deciding runs that satisfy it ({@link ClaimStats.Fraction#verdict()}). The control
 * is the same rule on the control's runs.
 */
abstract class PerRunClaim implements Claims.Check {
    /** One run judged. */
    enum Call { SATISFIED, VIOLATED, UNDECIDED }

    /** A run's call with the number it rests on. */
    record Judged(Call call, String note) {
        /**
         * Undecided for want of a recorded number: γ when the activation declares none ({@code gamma} null),
         * otherwise {@code others}, the numbers the claim reads besides γ.
         */
        static Judged lacking(Double gamma, String others) {
            return new Judged(Call.UNDECIDED, "n/a: the run records no "
                    + (gamma == null ? "γ (the activation declares none)" : others));
        }
    }

    /** Judges one completed run. */
    abstract Judged judge(RunRecord r) throws IOException;

    /** A line about the runs beyond the counts (fitted exponents, consistency checks), or empty. */
    String extra(List<RunRecord> runs) throws IOException {
        return "";
    }

    @Override
    public Claims.Outcome main(Experiment e) throws IOException {
        return outcome(ClaimRuns.completed(e));
    }

    @Override
    public Claims.Outcome control(Experiment main, Experiment control) throws IOException {
        return outcome(ClaimRuns.completed(control));
    }

    private Claims.Outcome outcome(List<RunRecord> runs) throws IOException {
        int satisfied = 0;
        int violated = 0;
        List<String> undecided = new ArrayList<>();
        String firstViolation = null;
        String example = null;
        for (RunRecord r : runs) {
            Judged j = judge(r);
            switch (j.call()) {
                case SATISFIED -> {
                    satisfied++;
                    example = example == null ? j.note() : example;
                }
                case VIOLATED -> {
                    violated++;
                    firstViolation = firstViolation == null ? j.note() : firstViolation;
                }
                default -> undecided.add(j.note());
            }
        }
        ClaimStats.Fraction f = ClaimStats.Fraction.of(satisfied, satisfied + violated);
        StringBuilder m = new StringBuilder(String.format(Locale.ROOT, "%d runs: %d satisfy, %d violate, %d undecided",
                runs.size(), satisfied, violated, undecided.size()));
        if (example != null) {
            m.append("; e.g. ").append(example);
        }
        if (firstViolation != null) {
            m.append("; first violation: ").append(firstViolation);
        }
        if (!undecided.isEmpty()) {
            m.append("; undecided, e.g. ").append(undecided.get(0));
        }
        String extra = extra(runs);
        if (!extra.isEmpty()) {
            m.append("; ").append(extra);
        }
        Claims.Verdict v = f.verdict();
        String why = switch (v) {
            case SUPPORTED -> "the fraction of deciding runs that satisfy it is above 1/2 (its 95% interval)";
            case NOT_SUPPORTED -> "the fraction of deciding runs that satisfy it is below 1/2 (its 95% interval)";
            default -> f.trials() == 0 ? "no run decided" : "the 95% interval of the fraction contains 1/2 (too few "
                    + "deciding runs, or as many violate as satisfy)";
        };
        return new Claims.Outcome(v, m.toString(), why, f);
    }

    static String f(double v) {
        return Formats.human(v);
    }
}
