package org.benignlab.reports;

/**
 * A results folder that cannot be reported on: the folder or its manifest.json is missing, or a
 * result file is malformed. The message is one line that names the file and says what is wrong, for
 * example {@code results/p-sweep/manifest.json: 'runs' must be a non-empty array}; the command line
 * prints it and exits with code 2.
 */
public class ReportInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line: the file, then what is wrong with it */
    public ReportInputException(String message) {
        super(oneLine(message));
    }

    /** @param message one line: the file, then what is wrong with it; @param cause the parse error */
    public ReportInputException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
