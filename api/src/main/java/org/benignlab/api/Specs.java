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
            return "'" + s + "'";
        }
        return String.valueOf(value);
    }
}
