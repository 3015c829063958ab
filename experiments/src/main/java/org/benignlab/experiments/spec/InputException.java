package org.benignlab.experiments.spec;

/**
 * Bad input from the user: a file, an argument or a value. The CLI prints the message as one line
 * and exits with code 2; nothing is run and no result is written.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
