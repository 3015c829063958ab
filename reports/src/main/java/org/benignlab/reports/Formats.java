package org.benignlab.reports;

import java.util.Locale;

/**
 * Number formatting for the report: the same number always gives the same text, whatever the
 * default locale ({@link Locale#ROOT} throughout).
 */
final class Formats {
    private Formats() {
    }

    /**
     * A number for summary.csv: integers (below 10^15) without a decimal point, others as
     * {@link Double#toString(double)} (enough digits to read the same double back); empty for null.
     */
    static String csv(Double v) {
        if (v == null) {
            return "";
        }
        double d = v;
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /**
     * A number for people: integers in full (below 10^5, or when four significant digits would not give
     * them exactly: 123456), round large integers as {@code 1e6} or {@code 2.5e5}, other numbers from 10^4
     * up or below 10^-3 as {@code 3.16e-5} or {@code 1.235e4}, the rest with four significant digits and
     * no trailing zeros; "–" for null.
     */
    static String human(Double v) {
        if (v == null) {
            return "–";
        }
        double d = v;
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return csv(d);
        }
        double a = Math.abs(d);
        boolean integer = d == Math.rint(d) && a < 1e15;
        if (integer && (a < 1e5 || Double.parseDouble(scientific(d)) != d)) {
            return Long.toString((long) d);
        }
        if (a >= 1e4 || a < 1e-3) {
            return scientific(d);
        }
        return trimZeros(String.format(Locale.ROOT, "%.4g", d));
    }

    /** Four significant digits in the form 3.16e-5, 1e6. */
    private static String scientific(double d) {
        String s = String.format(Locale.ROOT, "%.3e", d);
        int e = s.indexOf('e');
        String mantissa = trimZeros(s.substring(0, e));
        int exponent = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + exponent;
    }

    /** An error rate or other value in [0, 1] with three decimals; "–" for null. */
    static String rate(Double v) {
        if (v == null) {
            return "–";
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return csv(v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String trimZeros(String s) {
        if (s.indexOf('.') < 0 || s.indexOf('e') >= 0) {
            return s;
        }
        String t = s.replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
