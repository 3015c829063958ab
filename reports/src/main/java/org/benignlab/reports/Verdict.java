package org.benignlab.reports;

/**
 * What a configuration's repetitions show, by the rule written in the report (tol = max(tolerance,
 * half-width of the 95% Wilson interval of the pooled test error)):
 * <ul>
 * <li>{@code benign}: every completed repetition has train error 0 and the mean test error ≤ η + tol;
 * <li>{@code tempered}: train error 0, η + tol &lt; test error &lt; 1/2 − tol;
 * <li>{@code catastrophic}: train error 0, test error ≥ 1/2 − tol;
 * <li>{@code not interpolating}: some completed repetition has train error &gt; 0 (or none recorded);
 * <li>{@code diverged} / {@code failed}: no repetition completed (diverged if any diverged);
 * <li>{@code unfinished}: no repetition finished yet;
 * <li>{@code undetermined}: train error 0 but no test error or no η to compare with.
 * </ul>
 */
enum Verdict {
    BENIGN("benign"),
    TEMPERED("tempered"),
    CATASTROPHIC("catastrophic"),
    NOT_INTERPOLATING("not interpolating"),
    DIVERGED("diverged"),
    FAILED("failed"),
    UNFINISHED("unfinished"),
    UNDETERMINED("undetermined");

    private final String key;

    Verdict(String key) {
        this.key = key;
    }

    /** The word written in summary.csv and the report. */
    String key() {
        return key;
    }
}
