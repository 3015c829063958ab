package org.benignlab.reports;

/**
 * The value of one swept path in one run: a number, or text (for example a plugin {@code type} key).
 *
 * @param text   the value as written (numbers as given in the JSON file)
 * @param number the value as a number, or null when it is text
 */
record SweptValue(String text, Double number) {
    boolean numeric() {
        return number != null;
    }

    /** For people (table cells, legends). */
    String display() {
        return number != null ? Formats.human(number) : text;
    }

    /** For summary.csv. */
    String csv() {
        return number != null ? Formats.csv(number) : text;
    }
}
