package org.benignlab.api;

/**
 * A value in an experiment specification is not allowed. Thrown by spec records from their compact
 * constructor with the field name relative to the spec; the loader that knows where the spec sits in
 * the YAML file prefixes the path with {@link #at(String)}, so that the user reads
 * {@code network.activation.gamma: must be in (0, 1], got 1.5}.
 */
public class InvalidSpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final String problem;

    /**
     * @param path    dotted path of the offending value, relative to the spec that throws (may be empty)
     * @param problem what is allowed and what was given, e.g. {@code must be in (0, 1], got 1.5}
     */
    public InvalidSpecException(String path, String problem) {
        super(path == null || path.isEmpty() ? problem : path + ": " + problem);
        this.path = path == null ? "" : path;
        this.problem = problem;
    }

    /** Convenience: {@code path: allowed, got value}. */
    public static InvalidSpecException of(String path, Object value, String allowed) {
        return new InvalidSpecException(path, allowed + ", got " + Specs.show(value));
    }

    /** Dotted path of the offending value. */
    public String path() {
        return path;
    }

    /** The message without the path. */
    public String problem() {
        return problem;
    }

    /** The same error, with the path of the enclosing spec put in front. */
    public InvalidSpecException at(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return this;
        }
        String full = path.isEmpty() ? prefix : prefix + "." + path;
        InvalidSpecException e = new InvalidSpecException(full, problem);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
