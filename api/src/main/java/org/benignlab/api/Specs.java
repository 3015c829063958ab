package org.benignlab.api;

/**
 * Checks used by spec records in their compact constructors. Each check names the field, the value
 * given and what is allowed, and returns the value so that it reads as an assignment.
 */
public final class Specs {
    private Specs() {
    }

    /** The value, or the default when the YAML left it out. */
    public static <T> T orDefault(T value, T defaultValue) {
        return value == null ? defaultValue : value;
    }

    /** The value; an error naming the field when it is missing. */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidSpecException(field, "is required");
        }
        return value;
    }

    /** A finite value in the interval with the given open or closed ends. */
    public static double inRange(String field, double value, double low, boolean lowClosed,
                                 double high, boolean highClosed) {
        boolean ok = Double.isFinite(value)
                && (lowClosed ? value >= low : value > low)
                && (highClosed ? value <= high : value < high);
        if (!ok) {
            String interval = (lowClosed ? "[" : "(") + show(low) + ", " + show(high) + (highClosed ? "]" : ")");
            throw InvalidSpecException.of(field, value, "must be in " + interval);
        }
        return value;
    }

    /** A finite value strictly greater than zero. */
    public static double positive(String field, double value) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw InvalidSpecException.of(field, value, "must be a finite number > 0");
        }
        return value;
    }

    /** A finite value greater than or equal to zero. */
    public static double nonNegative(String field, double value) {
        if (!(Double.isFinite(value) && value >= 0)) {
            throw InvalidSpecException.of(field, value, "must be a finite number >= 0");
        }
        return value;
    }

    /** An integer at least {@code min}. */
    public static int atLeast(String field, int value, int min) {
        if (value < min) {
            throw InvalidSpecException.of(field, value, "must be an integer >= " + min);
        }
        return value;
    }

    /** How a value is shown in an error message: whole numbers without a decimal point, strings quoted. */
    public static String show(Object value) {
        if (value instanceof Double d) {
            double v = d;
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            return Double.toString(v);
        }
        if (value instanceof CharSequence s) {
            return "'" + echo(s.toString()) + "'";
        }
        return echo(String.valueOf(value));
    }

    /** Longest echo of a user's value in a message, in characters (longer ones end in "..."). */
    public static final int ECHO_LIMIT = 100;

    /**
     * A user's value as a message may quote it: control characters written as escapes ({@code \n},
     * {@code \t}, {@code \x1b}, ...), so that a message stays one line and sends nothing to the terminal
     * but text; at most {@link #ECHO_LIMIT} characters, then "...".
     */
    public static String echo(String s) {
        if (s == null) {
            return "null";
        }
        String e = escape(s.length() > ECHO_LIMIT ? s.substring(0, ECHO_LIMIT) : s);
        return e.length() > ECHO_LIMIT || s.length() > ECHO_LIMIT ? e.substring(0, Math.min(e.length(), ECHO_LIMIT))
                + "..." : e;
    }

    /**
     * {@code s} with line breaks and other control characters written as escapes ({@code \n}, {@code \t},
     * {@code \x1b}, ...); other characters unchanged.
     */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
