package org.benignlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCellsTest {
    @Test
    void formulaTriggersGetALeadingQuote() {
        assertEquals("'=HYPERLINK(\"http://x\")", CsvCells.neutralise("=HYPERLINK(\"http://x\")"));
        assertEquals("'+cmd|' /C calc'!A0", CsvCells.neutralise("+cmd|' /C calc'!A0"));
        assertEquals("'-2+3", CsvCells.neutralise("-2+3"));
        assertEquals("'@SUM(A1:A2)", CsvCells.neutralise("@SUM(A1:A2)"));
        assertEquals("'\t=1", CsvCells.neutralise("\t=1"));
        assertEquals("'\r=1", CsvCells.neutralise("\r=1"));
    }

    @Test
    void numbersAndOrdinaryTextAreLeftAlone() {
        for (String s : new String[] {"-0.5", "+1e-3", "-1.5E+10", "-Infinity", "-inf", "NaN", "-.25", "0",
            "completed", "a=b", "max_steps", ""}) {
            assertEquals(s, CsvCells.neutralise(s), s);
        }
    }

    @Test
    void cellsAreNeutralisedThenQuoted() {
        assertEquals("\"'=1,2\"", CsvCells.cell("=1,2"));
        assertEquals("\"'-x \"\"y\"\"\"", CsvCells.cell("-x \"y\""));
        assertEquals("-0.25", CsvCells.cell(-0.25));
        assertEquals("", CsvCells.cell(null));
        assertEquals("\"a\nb\"", CsvCells.cell("a\nb"));
    }

    @Test
    void splitReadsBackWhatCellWrote() {
        String[] values = {"plain", "a,b", "say \"hi\"", "", "=1+2", "-0.5", ",\"", "x"};
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            line.append(i == 0 ? "" : ",").append(CsvCells.cell(values[i]));
        }
        assertEquals(List.of("plain", "a,b", "say \"hi\"", "", "'=1+2", "-0.5", ",\"", "x"),
                CsvCells.split(line.toString()));
        assertEquals(List.of("", ""), CsvCells.split(","));
        assertThrows(IllegalArgumentException.class, () -> CsvCells.split("a,\"b"));
    }
}
