package org.benignlab.reports;

/**
 * What a configuration's repetitions show, by the rule written in the report: an equivalence test with a
 * fixed margin (TOST-style) on the 95% interval I of the test error over the completed repetitions
 * ({@link ConfigStats.IntervalKind}), compared with the noise rate η:
 * <ul>
 * <li>{@code benign}: every completed repetition has train error 0 and I − η lies inside [−margin, +margin];
 * <li>{@code tempered}: train error 0 and I − η lies above +margin (all of I above η + margin), I below 1/2 − margin;
 * <li>{@code catastrophic}: train error 0 and I lies above η + margin and at or above 1/2 − margin;
 * <li>{@code undetermined}: train error 0 and I straddles η ± margin (or lies below η − margin), or no test
 * error or no η to compare with;
 * <li>{@code undetermined (k repetitions)}: fewer completed repetitions with a test error than the verdict needs
 * ({@link #TOO_FEW_REPETITIONS});
 * <li>{@code not interpolating}: some completed repetition has train error &gt; 0 (or none recorded);
 * <li>{@code diverged} / {@code failed}: no repetition completed (diverged if any diverged);
 * <li>{@code unfinished}: no repetition finished yet.
 * </ul>
 * The margin does not depend on the number of repetitions: with few repetitions the interval is wide and the
 * verdict is undetermined, instead of a tolerance that widens to let a verdict through.
 */
enum Verdict {
    BENIGN("benign"),
    TEMPERED("tempered"),
    CATASTROPHIC("catastrophic"),
    NOT_INTERPOLATING("not interpolating"),
    DIVERGED("diverged"),
    FAILED("failed"),
    UNFINISHED("unfinished"),
    UNDETERMINED("undetermined"),
    /** Fewer repetitions than a verdict needs; written "undetermined (k repetitions)" ({@link ConfigStats#verdictText}). */
    TOO_FEW_REPETITIONS("undetermined");

    private final String key;

    Verdict(String key) {
        this.key = key;
    }

    /** The word written in summary.csv and the report (see {@link ConfigStats#verdictText} for the count). */
    String key() {
        return key;
    }
}
